"""Ranking measures, checked against values worked out by hand."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from compass.catalogue.vocab import Stage
from compass.profile import Constraints, Profile
from compass.ranking.engine import Engine
from compass.ranking.metrics import dcg, ndcg, top_graded_hit, violations
from compass.ranking.routes import route_problems


def test_dcg_uses_exponential_gain_and_log_discount() -> None:
    assert dcg([3, 0, 1]) == pytest.approx(7 + 0 + 1 / 2)
    assert dcg([1, 3]) == pytest.approx(1 + 7 / math.log2(3))


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise() -> None:
    relevance = {"a": 3, "b": 2, "c": 1}
    assert ndcg(["a", "b", "c", "x"], relevance) == pytest.approx(1.0)
    assert ndcg(["x", "a", "b", "c"], relevance) < 1.0
    assert ndcg(["x", "y"], relevance) == 0.0
    worse = ndcg(["c", "b", "a"], relevance)
    assert worse == pytest.approx(dcg([1, 2, 3]) / dcg([3, 2, 1]))


def test_only_the_first_ten_count() -> None:
    relevance = {"late": 3}
    assert ndcg([f"r{i}" for i in range(10)] + ["late"], relevance) == 0.0


def test_a_top_graded_hit_needs_the_best_grade_in_the_first_three() -> None:
    relevance = {"best": 3, "good": 2}
    assert top_graded_hit(["x", "y", "best"], relevance)
    assert not top_graded_hit(["good", "x", "y", "best"], relevance)
    assert top_graded_hit(["x", "good"], {"good": 2, "ok": 1})


def test_a_named_job_shown_with_its_conflict_said_is_not_a_violation(engine: Engine) -> None:
    profile = Profile(stage=Stage.COLLEGE, free_text="I want to be a doctor",
                      constraints=Constraints(max_study_years=0))
    recommendations = engine.recommend(profile)
    doctor = next(r for r in recommendations if r.role_id == "hospital-doctor")
    assert doctor.named and doctor.worth_knowing and route_problems(doctor.route.route, profile)
    assert violations(recommendations, profile) == 0
    unexplained = [replace(r, named=False) if r is doctor else r for r in recommendations]
    assert violations(unexplained, profile) == 1
