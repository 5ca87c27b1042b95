"""Paired bootstrap intervals for the learned ranker's lead, and the ship rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from compass.ranking.evaluation import Evaluation, _lead
from compass.ranking.significance import Interval, Lead, lead_of, paired_bootstrap

RNG = np.random.default_rng(3)
LEARNED = RNG.uniform(0.4, 1.0, 60)
TRANSPARENT = np.clip(LEARNED - RNG.normal(0.05, 0.1, 60), 0, 1)


def test_the_interval_contains_the_observed_difference() -> None:
    interval = paired_bootstrap(LEARNED, TRANSPARENT)
    assert interval.estimate == pytest.approx(float(np.mean(LEARNED - TRANSPARENT)))
    assert interval.low < interval.estimate < interval.high


def test_the_interval_is_reproducible_with_its_seed() -> None:
    assert paired_bootstrap(LEARNED, TRANSPARENT, seed=5) == paired_bootstrap(LEARNED, TRANSPARENT, seed=5)
    assert paired_bootstrap(LEARNED, TRANSPARENT, seed=5) != paired_bootstrap(LEARNED, TRANSPARENT, seed=6)


def test_pairing_matters_and_a_constant_difference_has_no_spread() -> None:
    flat = paired_bootstrap([0.5, 0.7, 0.9], [0.4, 0.6, 0.8])
    assert flat.low == pytest.approx(0.1) and flat.high == pytest.approx(0.1)
    with pytest.raises(ValueError):
        paired_bootstrap([], [])


def test_more_personas_give_a_narrower_interval() -> None:
    few = paired_bootstrap(LEARNED[:15], TRANSPARENT[:15])
    many = paired_bootstrap(LEARNED, TRANSPARENT)
    assert many.high - many.low < few.high - few.low


def lead(low: float) -> Lead:
    return Lead(Interval(0.012, low, 0.03), Interval(0.04, -0.02, 0.1))


@pytest.mark.parametrize(("low", "shipped"), [(-0.01, "transparent"), (0.0, "transparent"),
                                              (0.001, "learned")])
def test_the_learned_model_ships_only_if_the_lower_bound_is_above_zero(low: float, shipped: str) -> None:
    assert lead(low).shipped == shipped


def test_the_verdict_says_why_with_the_interval() -> None:
    assert lead(-0.01).verdict == ("the learned model's lead was not significant: "
                                   "NDCG@10 +0.012 [-0.010, +0.030] (95% CI over personas)")
    assert "was significant: NDCG@10 +0.012 [+0.005, +0.030]" in lead(0.005).verdict
    assert Interval(0.04, -0.02, 0.1).text(percent=True) == "+4.0% [-2.0%, +10.0%]"


def test_a_lead_on_average_that_is_noise_ships_the_transparent_scorer() -> None:
    """Learned ahead by 0.005 on average, but up or down by 0.2 from persona to persona."""
    transparent = np.full(40, 0.6)
    learned = transparent + np.tile([0.205, -0.195], 20)
    hits = np.zeros(40)
    columns = pd.MultiIndex.from_tuples([(r, m) for r in ("learned", "transparent")
                                         for m in ("ndcg_at_10", "top_graded_in_top_3")])
    by_persona = pd.DataFrame(np.column_stack([learned, hits, transparent, hits]), columns=columns)
    evaluation = Evaluation({}, 5, by_persona, (), _lead(by_persona, 2000))
    assert evaluation.lead.ndcg_at_10.estimate == pytest.approx(0.005)
    assert evaluation.lead.ndcg_at_10.low <= 0
    assert evaluation.shipped == "transparent" and not evaluation.learned_wins
    assert "not significant" in evaluation.verdict


def test_both_measures_share_the_resampled_personas() -> None:
    found = lead_of(LEARNED, TRANSPARENT, LEARNED > 0.7, TRANSPARENT > 0.7, resamples=500, seed=1)
    assert found.resamples == 500 and found.seed == 1
    assert set(found.as_dict()) >= {"ndcg_at_10", "ndcg_at_10_low", "ndcg_at_10_high",
                                    "top_graded_in_top_3_low", "top_graded_in_top_3_high"}
