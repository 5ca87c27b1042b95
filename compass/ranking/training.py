"""Training data for the learned ranker, and fitting it.

Two honest sources, both kept in the repository or made from it:

* the judgement set (``evaluation/personas.yaml``): each persona's graded roles, with every
  unlisted role as grade 0, over the roles whose routes fit that persona;
* self-supervised profiles sampled around each role's own attributes: interests near the
  role's RIASEC scores, likes near its work amounts (some left unanswered), and constraints
  that one of its routes meets. The role the profile was sampled from is the answer
  (grade 3); every other role is grade 0. These rows carry a smaller weight, and they are
  never used to evaluate anything.

The self-supervised rows are *off* in the shipped build (:data:`USE_SYNTHETIC`): in grouped
cross-validation they lowered NDCG@10 on held-out personas (0.758 without, 0.731 with
weight 0.25, 0.738 with weight 0.02; no diversity step). ``compass evaluate --synthetic``
measures them again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from compass.catalogue import Role
from compass.catalogue.vocab import LIKE_DIMENSIONS, WORK_ATTRIBUTE_FOR_LIKE, Stage
from compass.profile import Constraints, Interests, Likes, Profile
from compass.ranking.engine import Engine
from compass.ranking.features import FEATURE_NAMES, FLAT_FEATURE_NAMES
from compass.ranking.listwise import ListwiseRanker
from compass.ranking.personas import Persona
from compass.ranking.role_index import shift_suitability
from compass.ranking.routes import route_problems, years_before_start

FloatArray = NDArray[np.float64]
USE_SYNTHETIC = False
SYNTHETIC_PER_ROLE = 2
SYNTHETIC_WEIGHT = 0.25
SYNTHETIC_OTHERS = 40     # other roles kept (at random) beside the source role, per profile
ALPHA_NAMED = 0.01        # L2 on the named features
ALPHA_TERMS = 0.5         # L2 on the crossed answer and role terms
SEED = 20240601


@dataclass(frozen=True)
class TrainingRows:
    """One row per (profile, role) pair; ``features`` has a column per flat feature name."""

    features: pd.DataFrame        # (m, F), columns FLAT_FEATURE_NAMES
    grades: NDArray[np.int64]     # (m,)
    groups: NDArray[np.str_]      # (m,) one group per profile
    weights: FloatArray           # (m,)

    def subset(self, keep: NDArray[np.bool_]) -> TrainingRows:
        return TrainingRows(self.features[keep].reset_index(drop=True), self.grades[keep],
                            self.groups[keep], self.weights[keep])

    @staticmethod
    def join(parts: Sequence[TrainingRows]) -> TrainingRows:
        return TrainingRows(pd.concat([p.features for p in parts], ignore_index=True),
                            *(np.concatenate([getattr(p, f) for p in parts])
                              for f in ("grades", "groups", "weights")))


def rows_for(engine: Engine, profiles: Sequence[Profile], grades: Sequence[dict[str, int]],
             groups: Sequence[str], weight: float,
             keep_others: int | None = None, seed: int = SEED) -> TrainingRows:
    """Flat feature rows for each profile over the roles whose routes fit it.

    With ``keep_others``, only that many ungraded roles (chosen at random) are kept per
    profile beside the graded ones.
    """
    rng = np.random.default_rng(seed)
    _, plan, features = engine.pair_features(profiles)
    flat, kept_grades, kept_groups = [], [], []
    for i, (judged, group) in enumerate(zip(grades, groups, strict=True)):
        keep = np.flatnonzero(plan.fits[i])
        ids = [engine.index.roles[int(r)].id for r in keep]
        grade = np.array([judged.get(role_id, 0) for role_id in ids], dtype=np.int64)
        if keep_others is not None and np.sum(grade == 0) > keep_others:
            others = rng.choice(np.flatnonzero(grade == 0), keep_others, replace=False)
            chosen = np.sort(np.concatenate([np.flatnonzero(grade > 0), others]))
            keep, grade = keep[chosen], grade[chosen]
        flat.append(features.select(i, keep).flat()[0])
        kept_grades.append(grade)
        kept_groups.append(np.full(len(keep), group))
    group_of_row = np.concatenate(kept_groups)
    return TrainingRows(
        features=pd.DataFrame(np.concatenate(flat), columns=list(FLAT_FEATURE_NAMES)),
        grades=np.concatenate(kept_grades), groups=group_of_row,
        weights=np.full(len(group_of_row), weight))


def persona_rows(engine: Engine, personas: Sequence[Persona]) -> TrainingRows:
    return rows_for(engine, [p.profile for p in personas], [dict(p.relevance) for p in personas],
                    [p.id for p in personas], 1.0)


def synthetic_rows(engine: Engine, per_role: int = SYNTHETIC_PER_ROLE,
                   seed: int = SEED) -> TrainingRows:
    rng = np.random.default_rng(seed)
    samples = [(profile_around(role, rng), role.id)
               for role in engine.catalogue.roles for _ in range(per_role)]
    return rows_for(engine, [p for p, _ in samples], [{rid: 3} for _, rid in samples],
                    [f"synthetic-{i}" for i in range(len(samples))], SYNTHETIC_WEIGHT,
                    keep_others=SYNTHETIC_OTHERS, seed=seed)


def profile_around(role: Role, rng: np.random.Generator) -> Profile:
    """A made-up person who would be a good match for ``role``, with some noise."""
    interests = np.clip(np.array(role.interests.vector()) + rng.normal(0, 0.12, 6), 0, 1)
    amounts = np.array([role.work.amount(WORK_ATTRIBUTE_FOR_LIKE[d]) for d in LIKE_DIMENSIONS])
    likes = np.clip(2 * amounts - 1 + rng.normal(0, 0.35, len(amounts)), -1, 1)
    likes = np.where(rng.random(len(amounts)) < 0.6, np.round(likes * 2) / 2, 0.0)
    stage = list(Stage)[int(rng.integers(len(Stage)))]
    base = Profile(stage=stage,
                   interests=Interests(**dict(zip(Interests.model_fields, interests.round(2),
                                                  strict=True))),
                   likes=Likes(**dict(zip(Likes.model_fields, likes, strict=True))))
    return base.model_copy(update={"constraints": _constraints_for(role, base, rng)})


def _constraints_for(role: Role, base: Profile, rng: np.random.Generator) -> Constraints:
    routes = role.ways_in
    route = routes[int(rng.integers(len(routes)))]
    years = years_before_start(route, base) + route.full_time_study_years
    daytime = shift_suitability(role) > 0
    constraints = Constraints(
        max_study_years=(min(int(np.ceil(years)) + int(rng.integers(0, 3)), 10)
                         if rng.random() < 0.4 and years <= 10 else None),
        earn_while_learning=bool(route.paid_while_training and rng.random() < 0.4),
        shift_work_ok=(False if daytime and rng.random() < 0.5 else None),
    )
    profile = base.model_copy(update={"constraints": constraints})
    return constraints if not route_problems(route, profile) else Constraints()


def fit_learned(rows: TrainingRows, alpha_named: float = ALPHA_NAMED,
                alpha_terms: float = ALPHA_TERMS) -> ListwiseRanker:
    model = ListwiseRanker(alpha_named=alpha_named, alpha_terms=alpha_terms,
                           n_named=len(FEATURE_NAMES),
                           feature_names=tuple(str(name) for name in rows.features.columns))
    # Row-major, as the rows were made: the fit's sums then run in the same order.
    features = np.ascontiguousarray(rows.features.to_numpy(dtype=np.float64))
    return model.fit(features, rows.grades, rows.groups, sample_weight=rows.weights)
