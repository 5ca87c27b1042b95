"""Answer terms and role terms: the raw material the learned ranker combines.

The named features in :mod:`.features` each compare one answer with one role attribute
in a fixed way. The learned ranker may also weigh every *answer term* (a number from the
person's answers) against every *role term* (a number about the role): its score adds
``person_terms @ W @ role_terms`` with a learned matrix ``W``. That lets it learn, from the
judgement set, links a hand-written rule would miss, such as "people who want to earn now
rarely get graduate roles" or "a strong social interest suits community roles".

Every answer term is 0 when the answer was not given, with two exceptions: ``always`` is 1,
so ``W`` can also learn a little about roles in general; and ``study_limit.5+`` is 1 when no
study limit is given as well as for five years or more (both say a long course is fine).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Family
from compass.ranking.answers import NO, STAGES, AnswerBatch
from compass.ranking.routes import RoutePlan

FloatArray = NDArray[np.float64]

STUDY_LIMIT_BANDS = (("0", 0, 0), ("1-2", 1, 2), ("3-4", 3, 4), ("5+", 5, np.inf))
PERSON_TERMS: tuple[str, ...] = (
    *(f"interest.{area}" for area in RIASEC),          # answer minus the neutral 0.5
    *(f"like.{dim}" for dim in LIKE_DIMENSIONS),       # -1..1
    "wants_to_earn",                                    # earn_while_learning
    *(f"study_limit.{name}" for name, _, _ in STUDY_LIMIT_BANDS),  # max_study_years band
    "shifts_not_ok", "no_gcse", "wrote_text",
    *(f"stage.{stage.value}" for stage in STAGES),
    "always",
)
ROLE_TERMS: tuple[str, ...] = (
    *(f"role_interest.{area}" for area in RIASEC),     # the role's RIASEC scores, 0..1
    *(f"work.{dim}" for dim in LIKE_DIMENSIONS),       # the work amount matching each like
    "daytime",                                          # 1 daytime only .. -1 nights/on-call
    *(f"family.{family.value}" for family in Family),  # 1 for the role's job family
    "entry_pay",          # starting pay a year: (pounds - 25,000) / 15,000
    "graduate_role",      # 1 if every way in is a degree-level route
    "shortest_study",     # fewest years of full-time study on any route, / 5
    "years_to_start",     # years before the best fitting route starts earning, / 5
    "paid_route",         # 1 if the best fitting route pays while you train
)
PLAN_TERMS = 2  # the last two role terms depend on the person's route plan
_INTERESTS = slice(0, len(RIASEC))
_LIKES = slice(len(RIASEC), len(RIASEC) + len(LIKE_DIMENSIONS))
_WANTS_TO_EARN = PERSON_TERMS.index("wants_to_earn")
_STUDY_BANDS = [PERSON_TERMS.index(f"study_limit.{name}") for name, _, _ in STUDY_LIMIT_BANDS]
_SHIFTS_NOT_OK = PERSON_TERMS.index("shifts_not_ok")
_NO_GCSE = PERSON_TERMS.index("no_gcse")
_WROTE_TEXT = PERSON_TERMS.index("wrote_text")
_FIRST_STAGE = PERSON_TERMS.index(f"stage.{STAGES[0].value}")
_ALWAYS = PERSON_TERMS.index("always")


def person_terms(answers: AnswerBatch) -> FloatArray:
    """(k, P): the answer terms for each profile, in :data:`PERSON_TERMS` order."""
    terms = np.zeros((len(answers), len(PERSON_TERMS)))
    terms[:, _INTERESTS] = answers.interests - 0.5
    terms[:, _LIKES] = answers.likes
    terms[:, _WANTS_TO_EARN] = answers.earn_while_learning
    limit = answers.max_study_years
    for column, (_, low, high) in zip(_STUDY_BANDS, STUDY_LIMIT_BANDS, strict=True):
        terms[:, column] = (limit >= low) & (limit <= high)
    terms[:, _SHIFTS_NOT_OK] = answers.shift_work_ok == NO
    terms[:, _NO_GCSE] = answers.has_gcse == NO
    terms[:, _WROTE_TEXT] = answers.text_match.any(axis=1)
    given = answers.stage >= 0
    terms[np.flatnonzero(given), _FIRST_STAGE + answers.stage[given]] = 1.0
    terms[:, _ALWAYS] = 1.0
    return terms


def plan_terms(plan: RoutePlan) -> tuple[FloatArray, FloatArray]:
    """The last :data:`PLAN_TERMS` role terms, (k, n) each: they depend on the person's plan.
    The others are :attr:`RoleIndex.role_terms`, the same for everyone."""
    years = np.where(plan.fits, plan.total_years, 0.0) / 5
    return years, (plan.paid & plan.fits).astype(np.float64)


# Crossed terms whose direction follows from what the two terms mean, so the learned
# ranker may weigh them but never with the opposite sign (see ListwiseRanker ``signs``).
# Everything else it learns from the judgement set, and the regularisation holds back.
# +1: the weight is never negative; -1: never positive.
DOMAIN_SIGNS: dict[str, int] = {
    # an interest in an area suits roles that score high on that area
    **{f"interest.{area}*role_interest.{area}": 1 for area in RIASEC},
    # liking a kind of work suits roles with a lot of it (disliking it, the reverse)
    **{f"like.{dim}*work.{dim}": 1 for dim in LIKE_DIMENSIONS},
    # wanting to earn: routes that pay, not degree-only roles or years before a wage
    "wants_to_earn*paid_route": 1,
    "wants_to_earn*graduate_role": -1,
    "wants_to_earn*years_to_start": -1,
    "wants_to_earn*shortest_study": -1,
    # no more study, or only a year or two: not degree-only roles or long routes
    "study_limit.0*graduate_role": -1,
    "study_limit.0*years_to_start": -1,
    "study_limit.0*shortest_study": -1,
    "study_limit.1-2*graduate_role": -1,
    # no GCSE English and maths yet: degree-only roles are further away
    "no_gcse*graduate_role": -1,
    # shifts not OK: daytime roles
    "shifts_not_ok*daytime": 1,
}
