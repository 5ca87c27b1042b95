"""Spread the list across job families unless the profile is narrow (maximal marginal relevance).

Scores are first put on a common scale (how many standard deviations above the mean of
the roles still in play), so the same settings work for any ranker. How *narrow* the
profile is comes from those scores: take each family's best score, turn them into shares
with a softmax, and take the biggest share (near 1 when one family stands far above the
rest, low when good matches are spread over many families). Counting each family once
means a family with many similar roles does not look narrow just because it is big.

The first ``PROTECTED_PLACES`` go to the best matches whatever their family. After that,
each role already picked from a family (beyond ``FREE_PER_FAMILY``) costs every other
role in that family ``FAMILY_PENALTY * (1 - narrowness) ** 3``. So a broad profile gets a
top ten from many families, and a narrow one keeps most of its family.

The settings were chosen on the judgement set (see models/README.md, "Diversity"): the
advisers' own lists span about 3.7 families, so spreading harder costs agreement with
them; these keep NDCG@10 within about 0.005 of no diversity while adding about one family.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

PROTECTED_PLACES = 3         # the best matches always lead the list
FREE_PER_FAMILY = 1          # roles a family may have before the penalty starts
FAMILY_PENALTY = 1.0         # standard deviations per further role, for a broad profile
SHARPNESS = 4.0              # softmax sharpness when measuring narrowness
BREADTH_POWER = 3            # how fast the penalty fades as the profile gets narrower
DIVERSIFIED_PLACES = 30      # places picked with diversity; the rest follow in score order


def standardise(scores: FloatArray) -> FloatArray:
    spread = float(np.std(scores)) if len(scores) > 1 else 0.0
    return (scores - np.mean(scores)) / (spread if spread > 1e-12 else 1.0)


def narrowness(value: FloatArray, family: IntArray) -> float:
    """The biggest share of softmax(SHARPNESS * each family's best value), 0..1."""
    best = np.full(int(family.max()) + 1, -np.inf)
    np.maximum.at(best, family, value)
    best = best[np.isfinite(best)]
    shares = np.exp(SHARPNESS * (best - best.max()))
    return float(shares.max() / shares.sum())


def diversify(scores: FloatArray, family: IntArray, top: int,
              adjust: FloatArray | None = None) -> IntArray:
    """Positions (into ``scores``) of the ``top`` picks, best first.

    ``adjust`` (standard deviations per role) is added after scores are standardised: the
    shortlist uses it to put named jobs first and conflicting roles last.
    """
    top = min(top, len(scores))
    if top <= 0:
        return np.empty(0, dtype=np.int64)
    value = standardise(scores)
    family_penalty = FAMILY_PENALTY * (1.0 - narrowness(value, family)) ** BREADTH_POWER
    if adjust is not None:
        value = value + adjust
    picked_in_family = np.zeros(int(family.max()) + 1)
    available = np.ones(len(scores), dtype=bool)
    picks: list[int] = []
    for place in range(min(top, DIVERSIFIED_PLACES)):
        over = np.maximum(picked_in_family[family] - FREE_PER_FAMILY + 1, 0.0)
        cost = family_penalty * over if place >= PROTECTED_PLACES else 0.0
        best = int(np.argmax(np.where(available, value - cost, -np.inf)))
        picks.append(best)
        available[best] = False
        picked_in_family[family[best]] += 1
    if top > len(picks):
        rest = np.flatnonzero(available)
        rest = rest[np.argsort(-value[rest], kind="stable")][: top - len(picks)]
        picks.extend(int(i) for i in rest)
    return np.array(picks, dtype=np.int64)
