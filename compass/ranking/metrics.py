"""Ranking quality measures over personas, all computed on the engine's final lists."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compass.profile import Profile
from compass.ranking.engine import Recommendation
from compass.ranking.routes import route_problems

CUTOFF = 10
HIT_CUTOFF = 3


def dcg(grades: Sequence[int]) -> float:
    return float(sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades)))


def ndcg(ranked: Sequence[str], relevance: Mapping[str, int], k: int = CUTOFF) -> float:
    """Normalised discounted cumulative gain at ``k``, gain 2^grade - 1."""
    ideal = dcg(sorted(relevance.values(), reverse=True)[:k])
    return dcg([relevance.get(r, 0) for r in ranked[:k]]) / ideal if ideal else 0.0


def top_graded_hit(ranked: Sequence[str], relevance: Mapping[str, int],
                   k: int = HIT_CUTOFF) -> bool:
    """Whether a role with the persona's highest grade is in the first ``k``."""
    best = max(relevance.values())
    return any(relevance.get(r, 0) == best for r in ranked[:k])


def violations(recommendations: Sequence[Recommendation], profile: Profile) -> int:
    """Recommendations whose shown route breaks the person's constraints (must be 0)."""
    return sum(1 for r in recommendations if route_problems(r.route.route, profile))


@dataclass(frozen=True)
class RankerReport:
    """One ranker's results over held-out personas."""

    ranker: str
    personas: int
    ndcg_at_10: float
    top_graded_in_top_3: float
    constraint_violations: int
    mean_families_in_top_10: float
    catalogue_coverage: float

    def as_dict(self) -> dict[str, float]:
        return {"personas": self.personas, "ndcg_at_10": self.ndcg_at_10,
                "top_graded_in_top_3": self.top_graded_in_top_3,
                "constraint_violations": self.constraint_violations,
                "mean_families_in_top_10": self.mean_families_in_top_10,
                "catalogue_coverage": self.catalogue_coverage}


def summarise(ranker: str, lists: Sequence[tuple[Profile, Mapping[str, int],
                                                  list[Recommendation]]],
              catalogue_size: int) -> RankerReport:
    """Average the measures over ``(profile, relevance, top ten)`` for each persona."""
    ids = [[r.role_id for r in recs[:CUTOFF]] for _, _, recs in lists]
    count = max(len(lists), 1)
    shown = {role_id for top in ids for role_id in top}
    return RankerReport(
        ranker=ranker,
        personas=len(lists),
        ndcg_at_10=sum(ndcg(top, rel) for top, (_, rel, _) in zip(ids, lists, strict=True)) / count,
        top_graded_in_top_3=sum(top_graded_hit(top, rel)
                                for top, (_, rel, _) in zip(ids, lists, strict=True)) / count,
        constraint_violations=sum(violations(recs[:CUTOFF], p) for p, _, recs in lists),
        mean_families_in_top_10=sum(len({r.family for r in recs[:CUTOFF]})
                                    for _, _, recs in lists) / count,
        catalogue_coverage=len(shown) / catalogue_size if catalogue_size else 0.0,
    )
