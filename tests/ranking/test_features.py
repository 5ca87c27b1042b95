"""Pair features: documented, zero without the answer they depend on, and right in sign."""

from __future__ import annotations

import numpy as np
import pytest
from ranking_helpers import fixture_catalogue

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.profile import Constraints, Interests, Likes, Profile
from compass.ranking.answers import answer_batch
from compass.ranking.features import (
    FEATURE_NAMES,
    FEATURES,
    interest_congruence,
    pair_features,
)
from compass.ranking.role_index import IACHAN_MAX, IACHAN_WEIGHTS, RoleIndex, holland_code
from compass.ranking.routes import plan_routes
from compass.ranking.terms import PERSON_TERMS, ROLE_TERMS, person_terms

CATALOGUE = fixture_catalogue()
INDEX = RoleIndex.from_catalogue(CATALOGUE)


def features_for(profile: Profile) -> dict[str, np.ndarray]:
    answers = answer_batch([profile], np.zeros((1, len(INDEX))))
    named = pair_features(answers, INDEX, plan_routes(answers, INDEX.routes)).named[0]
    return {name: named[:, i] for i, name in enumerate(FEATURE_NAMES)}


def column(role_id: str) -> int:
    return CATALOGUE.role_ids.index(role_id)


def test_every_feature_is_named_and_documented_once() -> None:
    assert len(set(FEATURE_NAMES)) == len(FEATURES)
    assert all(len(f.meaning) > 40 for f in FEATURES)
    assert {f"like_{d}" for d in LIKE_DIMENSIONS} <= set(FEATURE_NAMES)
    assert INDEX.role_terms.shape[1] == len(ROLE_TERMS) - 2


def test_a_neutral_profile_has_no_named_feature() -> None:
    assert all(not np.any(values) for values in features_for(Profile()).values())


def test_likes_reward_roles_with_the_thing_and_dislikes_roles_without_it() -> None:
    likes = features_for(Profile(likes=Likes(technology=1.0)))["like_technology"]
    assert likes[column("data-analyst")] > 0 > likes[column("care-worker")]
    dislikes = features_for(Profile(likes=Likes(clinical_procedures=-1.0)))
    assert dislikes["like_clinical_procedures"][column("medical-secretary")] > 0
    assert dislikes["like_clinical_procedures"][column("hospital-doctor")] < 0


def test_interest_features_prefer_matching_roles() -> None:
    found = features_for(Profile(interests=Interests(social=0.95, realistic=0.8,
                                                     investigative=0.6, conventional=0.2)))
    for name in ("interest_cosine", "interest_congruence"):
        assert found[name][column("care-worker")] > found[name][column("data-analyst")]


def test_iachan_congruence_is_one_for_a_perfect_match_and_zero_for_none() -> None:
    role = np.array([[0.9, 0.7, 0.6, 0.1, 0.1, 0.1]])          # R, I, A
    codes = holland_code(role)
    assert interest_congruence(role, codes)[0, 0] == pytest.approx(1.0)
    opposite = np.array([[0.1, 0.1, 0.1, 0.9, 0.8, 0.7]])      # S, E, C
    assert interest_congruence(opposite, codes)[0, 0] == 0.0
    swapped = np.array([[0.7, 0.9, 0.1, 0.1, 0.1, 0.1]])       # I, R: 10 + 10 of 28
    assert interest_congruence(swapped, codes)[0, 0] == pytest.approx(20 / 28)
    assert RIASEC[int(codes[0, 0])] == "realistic"


def test_shift_fit_only_counts_when_shifts_are_not_ok() -> None:
    no_shifts = features_for(Profile(constraints=Constraints(shift_work_ok=False)))["shift_fit"]
    assert no_shifts[column("data-analyst")] == 1.0
    assert no_shifts[column("hospital-doctor")] == -1.0
    assert no_shifts[column("youth-worker")] == -0.5
    assert not np.any(features_for(Profile(constraints=Constraints(shift_work_ok=True)))[
        "shift_fit"])


def test_route_features_follow_the_constraints() -> None:
    found = features_for(Profile(stage=None, constraints=Constraints(
        earn_while_learning=True, max_study_years=3)))
    assert found["earn_fit"][column("care-worker")] == 1.0
    assert found["study_fit"][column("care-worker")] == 1.0
    assert found["earn_fit"][column("art-therapist")] == 0.0


def plain_congruence(person: np.ndarray, role: np.ndarray) -> float:
    """Iachan's M index over 28, one pair at a time, as the paper defines it."""
    code = [i for i in np.argsort(-person, kind="stable")[:3] if person[i] > 0.5]
    role_code = list(holland_code(role[None])[0])
    total = sum(IACHAN_WEIGHTS[i, role_code.index(letter)]
                for i, letter in enumerate(code) if letter in role_code)
    return float(total / IACHAN_MAX)


def test_congruence_for_all_roles_at_once_is_the_plain_index_exactly() -> None:
    rng = np.random.default_rng(5)
    people = rng.choice([0.1, 0.3, 0.5, 0.6, 0.7, 0.9], size=(40, 6))
    found = pair_features(answer_batch([Profile(interests=Interests(**dict(zip(RIASEC, p, strict=True))))
                                        for p in people], np.zeros((40, len(INDEX)))),
                          INDEX, plan_routes(answer_batch([Profile()] * 40,
                                                          np.zeros((40, len(INDEX)))), INDEX.routes))
    column = FEATURE_NAMES.index("interest_congruence")
    for k, person in enumerate(people):
        for n, role in enumerate(INDEX.interests):
            assert found.named[k, n, column] == plain_congruence(person, role)


def test_the_linear_score_is_the_flat_features_times_the_weights() -> None:
    rng = np.random.default_rng(9)
    people = [Profile(stage=stage, interests=Interests(**{a: float(rng.random()) for a in RIASEC}),
                      likes=Likes(**{d: float(rng.choice([-1, -0.5, 0, 1])) for d in LIKE_DIMENSIONS}),
                      constraints=Constraints(max_study_years=int(rng.integers(0, 5)),
                                              earn_while_learning=bool(rng.random() < 0.5),
                                              shift_work_ok=False))
              for stage in (None, *Stage)]
    answers = answer_batch(people, rng.normal(0, 0.1, (len(people), len(INDEX))))
    features = pair_features(answers, INDEX, plan_routes(answers, INDEX.routes))
    named = rng.normal(size=len(FEATURE_NAMES))
    terms = rng.normal(size=(len(PERSON_TERMS), len(ROLE_TERMS)))
    flat_weights = np.concatenate([named, terms.ravel()])
    assert np.allclose(features.linear_score(named, terms), features.flat() @ flat_weights)
    assert np.allclose(features.linear_score(named), features.named @ named)
    keep = np.array([3, 0, 5])
    one = features.select(2, keep)
    assert np.allclose(one.linear_score(named, terms)[0], features.flat()[2, keep] @ flat_weights)


def test_answer_terms_follow_their_names() -> None:
    profile = Profile(stage=Stage.COLLEGE, interests=Interests(social=0.9),
                      likes=Likes(science=-1.0),
                      constraints=Constraints(max_study_years=2, earn_while_learning=True,
                                              shift_work_ok=False, has_gcse_english_maths=False))
    terms = dict(zip(PERSON_TERMS, person_terms(answer_batch([profile], np.zeros((1, 3))))[0],
                     strict=True))
    expected = {"interest.social": 0.4, "like.science": -1.0, "wants_to_earn": 1.0,
                "study_limit.1-2": 1.0, "shifts_not_ok": 1.0, "no_gcse": 1.0,
                f"stage.{Stage.COLLEGE.value}": 1.0, "always": 1.0}
    assert {name: value for name, value in terms.items() if value} == pytest.approx(expected)
    nothing = dict(zip(PERSON_TERMS, person_terms(answer_batch([Profile()], np.zeros((1, 3))))[0],
                       strict=True))
    assert {name for name, value in nothing.items() if value} == {"study_limit.5+", "always"}
