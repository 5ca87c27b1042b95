"""Pair features: documented, zero without the answer they depend on, and right in sign."""

from __future__ import annotations

import numpy as np
import pytest
from ranking_helpers import fixture_catalogue

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC
from compass.profile import Constraints, Interests, Likes, Profile
from compass.ranking.answers import answer_batch
from compass.ranking.features import (
    FEATURE_NAMES,
    FEATURES,
    interest_congruence,
    pair_features,
)
from compass.ranking.role_index import RoleIndex, holland_code
from compass.ranking.routes import plan_routes
from compass.ranking.terms import ROLE_TERMS

CATALOGUE = fixture_catalogue()
INDEX = RoleIndex.from_catalogue(CATALOGUE)


def features_for(profile: Profile) -> dict[str, np.ndarray]:
    answers = answer_batch([profile], np.zeros((1, len(INDEX))))
    rows = np.arange(len(INDEX))
    named = pair_features(answers, INDEX, rows, plan_routes(answers, INDEX.routes)).named[0]
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
