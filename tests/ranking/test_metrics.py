"""Ranking measures, checked against values worked out by hand."""

from __future__ import annotations

import math

import pytest

from compass.ranking.metrics import dcg, ndcg, top_graded_hit


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
