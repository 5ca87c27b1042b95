"""How sure we are that the learned ranker beats the transparent scorer, and the ship rule.

Both rankers are scored on the same held-out personas, so the comparison is paired: for
each persona, the learned ranker's NDCG@10 (or top-3 hit) minus the transparent scorer's.
A paired bootstrap resamples *personas* with replacement (2,000 times, fixed seed) and
takes the 2.5th and 97.5th percentiles of the mean difference as a 95% confidence
interval. It says how much the lead could move with a different set of personas like
these; it does not cover a different grader or a different way of splitting the folds.

The ship rule: the learned model ships only if the lower end of that interval for the
NDCG@10 lead is above zero. Otherwise the transparent scorer ships, and the build says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

RESAMPLES = 2000
CONFIDENCE = 0.95
BOOTSTRAP_SEED = 20240611


@dataclass(frozen=True)
class Interval:
    """An observed mean difference with its bootstrap confidence interval."""

    estimate: float
    low: float
    high: float

    def text(self, percent: bool = False) -> str:
        """For example '+0.012 [-0.010, +0.030]', or '+4.0% [-1.2%, +9.1%]'."""
        number = "{:+.1%}" if percent else "{:+.3f}"
        return f"{number.format(self.estimate)} [{number.format(self.low)}, {number.format(self.high)}]"


def paired_bootstrap(first: Sequence[float], second: Sequence[float],
                     resamples: int = RESAMPLES, seed: int = BOOTSTRAP_SEED,
                     confidence: float = CONFIDENCE) -> Interval:
    """Mean of ``first - second`` (paired by position) and its percentile bootstrap interval."""
    differences = np.asarray(first, dtype=np.float64) - np.asarray(second, dtype=np.float64)
    if differences.size == 0:
        raise ValueError("no paired measurements to compare")
    picks = np.random.default_rng(seed).integers(0, differences.size,
                                                 size=(resamples, differences.size))
    means = differences[picks].mean(axis=1)
    tail = (1.0 - confidence) / 2
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return Interval(float(differences.mean()), float(low), float(high))


def shipped_ranker(lead_low: float) -> str:
    """The ship rule: the learned model ships only if the whole confidence interval for its
    NDCG@10 lead (so its lower end, ``lead_low``) is above zero."""
    return "learned" if lead_low > 0 else "transparent"


@dataclass(frozen=True)
class Lead:
    """The learned ranker minus the transparent scorer on the same held-out personas."""

    ndcg_at_10: Interval
    top_graded_in_top_3: Interval
    resamples: int = RESAMPLES
    seed: int = BOOTSTRAP_SEED
    confidence: float = CONFIDENCE

    @property
    def significant(self) -> bool:
        return self.shipped == "learned"

    @property
    def shipped(self) -> str:
        return shipped_ranker(self.ndcg_at_10.low)

    @property
    def verdict(self) -> str:
        """Why the shipped ranker ships, in one line (shown by /readyz and the CLI)."""
        interval = f"NDCG@10 {self.ndcg_at_10.text()} ({self.confidence:.0%} CI over personas)"
        if self.significant:
            return f"the learned model's lead on held-out personas was significant: {interval}"
        return f"the learned model's lead was not significant: {interval}"

    def as_dict(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for name, interval in (("ndcg_at_10", self.ndcg_at_10),
                               ("top_graded_in_top_3", self.top_graded_in_top_3)):
            found |= {name: interval.estimate, f"{name}_low": interval.low,
                      f"{name}_high": interval.high}
        return found | {"resamples": self.resamples, "seed": self.seed,
                        "confidence": self.confidence}


def lead_of(learned_ndcg: Sequence[float], transparent_ndcg: Sequence[float],
            learned_hits: Sequence[float], transparent_hits: Sequence[float],
            resamples: int = RESAMPLES, seed: int = BOOTSTRAP_SEED) -> Lead:
    """Both intervals from per-persona measures, each pair on the same persona."""
    return Lead(paired_bootstrap(learned_ndcg, transparent_ndcg, resamples, seed),
                paired_bootstrap(learned_hits, transparent_hits, resamples, seed),
                resamples, seed)
