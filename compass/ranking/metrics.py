"""Ranking quality measures over personas, all computed on the engine's final lists.

:func:`persona_measures` scores each persona's top ten (one row per persona);
:func:`summarise` averages those rows into one :class:`RankerReport` per ranker.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from compass.profile import Profile
from compass.ranking.engine import Recommendation
from compass.ranking.personas import Persona
from compass.ranking.routes import route_problems

CUTOFF = 10
HIT_CUTOFF = 3
# Each persona's top ten from one ranker.
TopLists = Sequence[tuple[Persona, Sequence[Recommendation]]]
PERSONA_MEASURES = ("ndcg_at_10", "top_graded_in_top_3", "constraint_violations", "families_in_top_10")


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
    """Recommendations whose shown route breaks the person's constraints (must be 0).

    A job the person named is always shown, even when no way in fits their answers; its card
    then says which answer it breaks and shows the way in that fits best. That is the person
    being answered, not a suggestion that ignores them, so it is not counted here.
    """
    return sum(1 for r in recommendations if route_problems(r.route.route, profile)
               and not (r.named and r.worth_knowing))


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


def persona_measures(lists: TopLists) -> pd.DataFrame:
    """One row per persona (indexed by its id) with its :data:`PERSONA_MEASURES`."""
    rows = []
    for persona, recommendations in lists:
        top = recommendations[:CUTOFF]
        ranked = [r.role_id for r in top]
        rows.append((ndcg(ranked, persona.relevance), top_graded_hit(ranked, persona.relevance),
                     violations(top, persona.profile), len({r.family for r in top})))
    index = pd.Index([persona.id for persona, _ in lists], name="persona")
    return pd.DataFrame(rows, index=index, columns=list(PERSONA_MEASURES))


def coverage(lists: TopLists, catalogue_size: int) -> float:
    """The share of the catalogue in at least one persona's top ten."""
    shown = {r.role_id for _, recommendations in lists for r in recommendations[:CUTOFF]}
    return len(shown) / catalogue_size if catalogue_size else 0.0


def summarise(ranker: str, measures: pd.DataFrame, catalogue_coverage: float) -> RankerReport:
    """Average the per-persona ``measures`` (from :func:`persona_measures`) into a report."""
    # Summed one persona after another (not numpy's pairwise sum), so the figures stay the
    # same to the last digit as the manifests already built.
    totals = {name: sum(measures[name].tolist()) for name in PERSONA_MEASURES}
    count = max(len(measures), 1)
    return RankerReport(
        ranker=ranker,
        personas=len(measures),
        ndcg_at_10=totals["ndcg_at_10"] / count,
        top_graded_in_top_3=totals["top_graded_in_top_3"] / count,
        constraint_violations=int(totals["constraint_violations"]),
        mean_families_in_top_10=totals["families_in_top_10"] / count,
        catalogue_coverage=catalogue_coverage,
    )
