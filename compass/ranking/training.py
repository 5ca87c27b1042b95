"""Training data for the learned ranker, its settings, and fitting it.

Two honest sources, both kept in the repository or made from it:

* the judgement set (``evaluation/personas.yaml``, merged with the second pass of grades
  where there is one): each persona's graded roles, with every unlisted role as grade 0,
  over the roles whose routes fit that persona;
* self-supervised profiles sampled around each role's own attributes: interests near the
  role's RIASEC scores, likes near its work amounts (some left unanswered), and constraints
  that one of its routes meets. The role the profile was sampled from is the answer
  (grade 3); every other role is grade 0. These rows carry a smaller weight, and they are
  never used to evaluate anything.

Which of these the model learns from, whether it uses the crossed answer-by-role terms at
all, and how hard each block is regularised are :class:`Settings`, chosen by an inner
cross-validation on training personas only (:mod:`.tuning`). Whatever the settings, the
weights of the named features and of the crossed terms in :data:`~.terms.DOMAIN_SIGNS`
keep the sign their meaning gives them (:data:`SIGNS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
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
from compass.ranking.terms import DOMAIN_SIGNS

FloatArray = NDArray[np.float64]
SYNTHETIC_PER_ROLE = 2
SYNTHETIC_WEIGHT = 0.25
SYNTHETIC_OTHERS = 40     # other roles kept (at random) beside the source role, per profile
ALPHA_NAMED = 0.01        # L2 on the named features
ALPHA_TERMS = 0.5         # L2 on the crossed answer and role terms
SEED = 20240601
# Every named feature is oriented so that higher means a better match (see features.py),
# so its weight is never negative; the crossed terms with a known direction keep theirs.
SIGNS: dict[str, int] = {**dict.fromkeys(FEATURE_NAMES, 1), **DOMAIN_SIGNS}


@dataclass(frozen=True)
class Settings:
    """One choice of how the learned ranker is trained."""

    crossed: bool                   # also fit the crossed answer-by-role terms
    alpha_named: float = ALPHA_NAMED
    alpha_terms: float = ALPHA_TERMS  # only used with crossed terms
    synthetic: bool = False         # also learn from the self-supervised profiles

    @property
    def label(self) -> str:
        text = f"named features (alpha {self.alpha_named:g})"
        if self.crossed:
            text += f" + crossed terms (alpha {self.alpha_terms:g})"
        return text + (" + synthetic profiles" if self.synthetic else "")

    def as_dict(self) -> dict[str, Any]:
        return {"crossed_terms": self.crossed, "alpha_named": self.alpha_named,
                "alpha_terms": self.alpha_terms if self.crossed else None,
                "synthetic": self.synthetic}


@dataclass(frozen=True)
class TrainingRows:
    """One row per (profile, role) pair; ``features`` has a column per name in ``names``."""

    features: Any                 # scipy CSR matrix (m, F); the crossed terms are mostly 0
    names: tuple[str, ...]        # FLAT_FEATURE_NAMES
    grades: NDArray[np.int64]     # (m,)
    groups: NDArray[np.str_]      # (m,) one group per profile
    weights: FloatArray           # (m,)

    def subset(self, keep: NDArray[np.bool_]) -> TrainingRows:
        return TrainingRows(self.features[np.flatnonzero(keep)], self.names, self.grades[keep],
                            self.groups[keep], self.weights[keep])

    def of_groups(self, groups: Sequence[str]) -> TrainingRows:
        """Only the rows of these groups (profiles)."""
        return self.subset(np.isin(self.groups, list(groups)))

    @staticmethod
    def join(parts: Sequence[TrainingRows]) -> TrainingRows:
        from scipy import sparse  # type: ignore[import-untyped]

        return TrainingRows(sparse.vstack([p.features for p in parts], format="csr"),
                            parts[0].names,
                            *(np.concatenate([getattr(p, f) for p in parts])
                              for f in ("grades", "groups", "weights")))


def rows_for(engine: Engine, profiles: Sequence[Profile], grades: Sequence[dict[str, int]],
             groups: Sequence[str], weight: float,
             keep_others: int | None = None, seed: int = SEED) -> TrainingRows:
    """Flat feature rows for each profile over the roles whose routes fit it.

    With ``keep_others``, only that many ungraded roles (chosen at random) are kept per
    profile beside the graded ones.
    """
    from scipy import sparse

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
        flat.append(sparse.csr_matrix(features.select(i, keep).flat()[0]))
        kept_grades.append(grade)
        kept_groups.append(np.full(len(keep), group))
    group_of_row = np.concatenate(kept_groups)
    return TrainingRows(features=sparse.vstack(flat, format="csr"), names=FLAT_FEATURE_NAMES,
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


# Every crossed term, lightly held back: the model as it was before nested selection.
ALL_TERMS = Settings(crossed=True)


def fit_learned(rows: TrainingRows, settings: Settings = ALL_TERMS) -> ListwiseRanker:
    """A model over every column of ``rows``; without crossed terms their weights stay 0."""
    active = None if settings.crossed else FEATURE_NAMES
    kept = set(rows.names if active is None else active)
    model = ListwiseRanker(alpha_named=settings.alpha_named, alpha_terms=settings.alpha_terms,
                           n_named=len(FEATURE_NAMES), feature_names=rows.names, active=active,
                           signs=tuple((name, sign) for name, sign in SIGNS.items()
                                       if name in kept))
    return model.fit(rows.features, rows.grades, rows.groups, sample_weight=rows.weights)
