"""Named, documented features of each (profile, role) pair, worked out for many at once.

:data:`FEATURES` lists each feature with what it means. :func:`pair_features` returns
them as an array of shape (profiles, roles, features), together with the answer terms and
role terms of :mod:`.terms` that the learned ranker may also combine. Every named feature
is 0 when the person did not give the answer it depends on, so removing an answer removes
its effect.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from compass.catalogue.vocab import LIKE_DIMENSIONS
from compass.ranking.answers import NO, AnswerBatch
from compass.ranking.role_index import CODE_LENGTH, RoleIndex, unit_rows
from compass.ranking.routes import RoutePlan
from compass.ranking.terms import PERSON_TERMS, ROLE_TERMS, person_terms, role_terms

FloatArray = NDArray[np.float64]

# Iachan (1984) M index: weight for a match between the person's i-th and the role's j-th
# Holland letter. A perfect three-letter match scores 22 + 5 + 1 = 28.
IACHAN_WEIGHTS = np.array([[22.0, 10.0, 4.0], [10.0, 5.0, 2.0], [4.0, 2.0, 1.0]])
IACHAN_MAX = 28.0
# A role amount of "a little" (1/3) is the neutral point for a like or a dislike.
LIKE_NEUTRAL_AMOUNT = 1 / 3


@dataclass(frozen=True)
class Feature:
    name: str
    meaning: str


FEATURES: tuple[Feature, ...] = (
    Feature("interest_cosine",
            "Cosine between the person's interests minus the neutral 0.5 and the role's RIASEC "
            "scores minus their own mean: 1 when they enjoy just what the role is about."),
    Feature("interest_congruence",
            "Iachan's M index between the person's Holland code (up to three areas rated above "
            "neutral, strongest first) and the role's three-letter code, divided by 28."),
    *(Feature(f"like_{dim}",
              f"'{dim}' answer (-1..1) times the role's amount of it (0..1) minus 1/3: positive "
              "when they like what the role has a lot of, or dislike what it has none of.")
      for dim in LIKE_DIMENSIONS),
    Feature("text_match",
            "Cosine similarity between their own words and the role's text (sentence "
            "embeddings), minus its mean over all roles; 0 without free text."),
    Feature("earn_fit",
            "1 when they want to earn while they learn and the role's best fitting route pays."),
    Feature("study_fit",
            "With a study limit: 1 - (years before earning on the best route) / (limit + 1). "
            "Higher when the role can be reached well within the limit."),
    Feature("shift_fit",
            "When shifts are not OK for them: 1 if the role is daytime only, -0.5 with shifts or "
            "weekends, -1 with nights or on-call."),
)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
# The named features, then every answer term times every role term, as training sees them.
FLAT_FEATURE_NAMES: tuple[str, ...] = (
    *FEATURE_NAMES, *(f"{p}*{r}" for p in PERSON_TERMS for r in ROLE_TERMS))

# Identifies the exact feature layout a learned model was trained on.
FEATURE_SET_HASH = hashlib.sha256("\n".join(FLAT_FEATURE_NAMES).encode()).hexdigest()


@dataclass(frozen=True)
class PairFeatures:
    """Everything a ranker may score, for k profiles and n roles."""

    named: FloatArray   # (k, n, F) in FEATURE_NAMES order
    person: FloatArray  # (k, P) answer terms
    role: FloatArray    # (k, n, R) role terms

    @property
    def shape(self) -> tuple[int, int]:
        return self.named.shape[0], self.named.shape[1]

    def flat(self) -> FloatArray:
        """(k, n, F + P * R): named features, then each answer term times each role term."""
        k, n = self.shape
        cross = self.person[:, None, :, None] * self.role[:, :, None, :]
        return np.concatenate([self.named, cross.reshape(k, n, -1)], axis=-1)

    def select(self, profile: int, roles: NDArray[np.int64]) -> PairFeatures:
        """One profile's features for some of the roles (positions in this array)."""
        return PairFeatures(self.named[profile:profile + 1, roles],
                            self.person[profile:profile + 1],
                            self.role[profile:profile + 1, roles])


def person_holland_code(interests: FloatArray) -> NDArray[np.int64]:
    """Up to three areas rated above neutral, strongest first; -1 fills unused places."""
    order = np.argsort(-interests, axis=-1, kind="stable")[:, :CODE_LENGTH]
    above = np.take_along_axis(interests, order, axis=-1) > 0.5
    return np.where(above, order, -1).astype(np.int64)


def interest_congruence(interests: FloatArray, role_codes: NDArray[np.int64]) -> FloatArray:
    """(k, n) Iachan M index over 28 between each person's and each role's Holland code."""
    person = person_holland_code(interests)
    same = person[:, None, :, None] == role_codes[None, :, None, :]
    index: FloatArray = np.einsum("knij,ij->kn", same.astype(np.float64), IACHAN_WEIGHTS)
    return index / IACHAN_MAX


def pair_features(answers: AnswerBatch, index: RoleIndex, rows: NDArray[np.int64],
                  plan: RoutePlan) -> PairFeatures:
    """Features for every profile in ``answers`` and every role in ``rows``.

    ``plan`` must be the route plan for the same profiles and the same rows.
    """
    return PairFeatures(named_features(answers, index, rows, plan), person_terms(answers),
                        role_terms(index.role_terms, rows, plan))


def named_features(answers: AnswerBatch, index: RoleIndex, rows: NDArray[np.int64],
                   plan: RoutePlan) -> FloatArray:
    """(k, n, F): the named features in :data:`FEATURE_NAMES` order."""
    leaning = unit_rows(answers.interests - 0.5)
    cosine = leaning @ index.interest_shape[rows].T
    congruence = interest_congruence(answers.interests, index.holland[rows])
    likes = answers.likes[:, None, :] * (index.work[rows][None] - LIKE_NEUTRAL_AMOUNT)
    earn = (answers.earn_while_learning[:, None] & plan.paid & plan.fits).astype(np.float64)
    limit = answers.max_study_years[:, None]
    study = np.where(np.isfinite(limit) & plan.fits,
                     1.0 - plan.total_years / (np.where(np.isfinite(limit), limit, 0.0) + 1.0),
                     0.0)
    shifts_not_ok = (answers.shift_work_ok == NO)[:, None]
    shift = np.where(shifts_not_ok, index.shift_suitability[rows][None], 0.0)
    return np.concatenate([
        cosine[..., None], congruence[..., None], likes,
        answers.text_match[:, rows][..., None],
        earn[..., None], study[..., None], shift[..., None],
    ], axis=-1)
