"""Named, documented features of each (profile, role) pair, worked out for many at once.

:data:`FEATURES` lists each feature with what it means. :func:`pair_features` returns
them, together with the answer terms and role terms of :mod:`.terms` that the learned
ranker may also combine, as :class:`PairFeatures`. Every named feature is 0 when the person
did not give the answer it depends on, so removing an answer removes its effect.

The features are kept in factored form: each like feature is the person's answer times the
role's amount, so a linear score is two small matrix products rather than arrays of shape
(profiles, roles, features). Training builds the full arrays (:meth:`PairFeatures.flat`);
scoring never needs to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from compass.catalogue.vocab import LIKE_DIMENSIONS
from compass.ranking.answers import NO, AnswerBatch
from compass.ranking.role_index import CODE_LENGTH, IACHAN_MAX, RoleIndex, iachan_letter_weights, unit_rows
from compass.ranking.routes import RoutePlan
from compass.ranking.terms import PERSON_TERMS, ROLE_TERMS, person_terms, plan_terms

FloatArray = NDArray[np.float64]

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


# The named features that are one number per pair (every one but the likes), in order.
SINGLE_FEATURES = ("interest_cosine", "interest_congruence", "text_match", "earn_fit",
                   "study_fit", "shift_fit")
_LIKES = slice(FEATURE_NAMES.index(f"like_{LIKE_DIMENSIONS[0]}"),
               FEATURE_NAMES.index(f"like_{LIKE_DIMENSIONS[-1]}") + 1)
_SINGLE_COLUMNS = [FEATURE_NAMES.index(name) for name in SINGLE_FEATURES]


@dataclass(frozen=True)
class PairFeatures:
    """Everything a ranker may score, for k profiles and n roles, in factored form."""

    per_pair: FloatArray        # (S + PLAN_TERMS, k, n), one number per (profile, role) pair:
                                # SINGLE_FEATURES, then the role terms the route plan sets
                                # (the last PLAN_TERMS of ROLE_TERMS)
    likes: FloatArray           # (k, L) like answers, own words applied
    work: FloatArray            # (n, L) each role's amount of that work minus 1/3
    person: FloatArray          # (k, P) answer terms
    role_static: FloatArray     # (n, R - PLAN_TERMS) role terms nobody's answers change

    @property
    def shape(self) -> tuple[int, int]:
        _, k, n = self.per_pair.shape
        return int(k), int(n)

    @property
    def named(self) -> FloatArray:
        """(k, n, F) in FEATURE_NAMES order, built on each call (for training and tests)."""
        k, n = self.shape
        named = np.empty((k, n, len(FEATURE_NAMES)))
        named[..., _LIKES] = self.likes[:, None, :] * self.work[None]
        named[..., _SINGLE_COLUMNS] = np.moveaxis(self.per_pair[:len(SINGLE_FEATURES)], 0, -1)
        return named

    @property
    def role(self) -> FloatArray:
        """(k, n, R) role terms in ROLE_TERMS order, built on each call."""
        k, n = self.shape
        fixed = np.broadcast_to(self.role_static[None], (k, n, self.role_static.shape[1]))
        planned = np.moveaxis(self.per_pair[len(SINGLE_FEATURES):], 0, -1)
        return np.concatenate([fixed, planned], axis=-1)

    def flat(self) -> FloatArray:
        """(k, n, F + P * R): named features, then each answer term times each role term."""
        k, n = self.shape
        cross = self.person[:, None, :, None] * self.role[:, :, None, :]
        return np.concatenate([self.named, cross.reshape(k, n, -1)], axis=-1)

    def linear_score(self, named_weights: FloatArray,
                     term_weights: FloatArray | None = None) -> FloatArray:
        """(k, n): ``named @ named_weights + person @ term_weights @ role``, the same number
        as from the full arrays (up to rounding in the last bits), without building them."""
        k, _ = self.shape
        weights = np.zeros((k, len(self.per_pair)))       # each profile's weight of each pair array
        weights[:, :len(SINGLE_FEATURES)] = named_weights[_SINGLE_COLUMNS]
        score = (self.likes * named_weights[_LIKES]) @ self.work.T
        if term_weights is not None:
            person = self.person @ term_weights                  # (k, R)
            static = self.role_static.shape[1]
            score += person[:, :static] @ self.role_static.T
            weights[:, len(SINGLE_FEATURES):] = person[:, static:]
        score += np.matmul(weights[:, None, :], self.per_pair.transpose(1, 0, 2))[:, 0]
        return score

    def select(self, profile: int, roles: NDArray[np.int64]) -> PairFeatures:
        """One profile's features for some of the roles (positions in this array)."""
        one = slice(profile, profile + 1)
        return PairFeatures(self.per_pair[:, one][:, :, roles], self.likes[one], self.work[roles],
                            self.person[one], self.role_static[roles])


def person_holland_code(interests: FloatArray) -> NDArray[np.int64]:
    """Up to three areas rated above neutral, strongest first; -1 fills unused places."""
    order = (-interests).argsort(axis=-1, kind="stable")[:, :CODE_LENGTH]
    above = interests[np.arange(len(interests))[:, None], order] > 0.5
    return np.where(above, order, -1).astype(np.int64)


def interest_congruence(interests: FloatArray, role_codes: NDArray[np.int64]) -> FloatArray:
    """(k, n) Iachan M index over 28 between each person's and each role's Holland code."""
    return congruence(interests, iachan_letter_weights(role_codes))


def congruence(interests: FloatArray, letter_weights: FloatArray) -> FloatArray:
    """:func:`interest_congruence` from the roles' :func:`iachan_letter_weights`: the
    weights of the letters the person has, in the places they have them, over 28."""
    result: FloatArray = (holland_letters(interests) @ letter_weights.T) / IACHAN_MAX
    return result


def holland_letters(interests: FloatArray) -> FloatArray:
    """(k, 6 * 3): 1 at column ``a * 3 + i`` when the person's code has letter ``a`` in
    place ``i``."""
    code = person_holland_code(interests)                               # (k, 3), -1 unused
    has = code[:, None, :] == np.arange(6)[None, :, None]               # (k, letter, place)
    letters: FloatArray = has.reshape(len(code), -1).astype(np.float64)
    return letters


def pair_features(answers: AnswerBatch, index: RoleIndex, plan: RoutePlan) -> PairFeatures:
    """Features for every profile in ``answers`` and every role; ``plan`` is the route plan
    for the same profiles."""
    limit = answers.max_study_years[:, None]
    finite = np.isfinite(limit)
    per_pair = np.array([
        unit_rows(answers.interests - 0.5) @ index.interest_shape.T,
        congruence(answers.interests, index.holland_weights),
        answers.text_match,
        answers.earn_while_learning[:, None] & plan.paid & plan.fits,
        np.where(finite & plan.fits, 1.0 - plan.total_years / (np.where(finite, limit, 0.0) + 1.0),
                 0.0),
        (answers.shift_work_ok[:, None] == NO) * index.shift_suitability[None],
        *plan_terms(plan),
    ], dtype=np.float64)
    return PairFeatures(per_pair, answers.likes, index.work - LIKE_NEUTRAL_AMOUNT,
                        person_terms(answers), index.role_terms)
