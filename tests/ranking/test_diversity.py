"""The family spread: the fast greedy picks exactly what the plain definition picks."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from compass.ranking.diversity import (
    BREADTH_POWER,
    DIVERSIFIED_PLACES,
    FAMILY_PENALTY,
    FREE_PER_FAMILY,
    PROTECTED_PLACES,
    SHARPNESS,
    diversify,
    standardise,
)


def plain_narrowness(value: np.ndarray, family: np.ndarray) -> float:
    best = np.array([value[family == f].max() for f in np.unique(family)])
    shares = np.exp(SHARPNESS * (best - best.max()))
    return float(shares.max() / shares.sum())


def plain_diversify(scores: np.ndarray, family: np.ndarray, top: int,
                    adjust: np.ndarray) -> list[int]:
    """The definition, one whole-array argmax per place."""
    top = min(top, len(scores))
    value = standardise(scores)
    penalty = FAMILY_PENALTY * (1.0 - plain_narrowness(value, family)) ** BREADTH_POWER
    value = value + adjust
    picked = np.zeros(int(family.max()) + 1)
    available = np.ones(len(scores), dtype=bool)
    picks: list[int] = []
    for place in range(min(top, DIVERSIFIED_PLACES)):
        over = np.maximum(picked[family] - FREE_PER_FAMILY + 1, 0.0)
        cost = penalty * over if place >= PROTECTED_PLACES else 0.0
        best = int(np.argmax(np.where(available, value - cost, -np.inf)))
        picks.append(best)
        available[best] = False
        picked[family[best]] += 1
    rest = np.flatnonzero(available)
    picks += rest[np.argsort(-value[rest], kind="stable")][: top - len(picks)].tolist()
    return picks


rounded = st.floats(-3, 3).map(lambda x: round(x, 1))  # rounding makes ties common
tiny = st.integers(-100, 100).map(lambda x: x * 1e-18)  # equal once a cost is taken off


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(rounded | tiny, st.integers(0, 6),
                          st.sampled_from([0.0, 0.0, -1e4, 3e4])), min_size=1, max_size=60),
       st.integers(1, 40), st.booleans())
def test_the_fast_greedy_picks_what_the_definition_picks(
        roles: list[tuple[float, int, float]], top: int, all_tiny: bool) -> None:
    scores = np.array([r[0] for r in roles])
    if all_tiny:
        scores = scores * 1e-17
    family = np.array([r[1] for r in roles], dtype=np.int64)
    adjust = np.array([r[2] for r in roles])
    assert diversify(scores, family, top, adjust=adjust).tolist() == \
        plain_diversify(scores, family, top, adjust)


def test_a_broad_profile_spreads_and_the_best_three_are_protected() -> None:
    family = np.array([0] * 5 + [1, 2, 3, 4, 5] + [6] * 5)
    scores = np.array([5.0, 4.95, 4.9, 4.85, 4.8] + [4.6] * 5 + [0.0] * 5)
    picks = diversify(scores, family, 6).tolist()
    assert picks == [0, 1, 2, 5, 6, 7]    # by score alone: 0, 1, 2, 3, 4, 5
