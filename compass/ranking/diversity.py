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

import heapq
import itertools
import math

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
    centred = scores - scores.mean()
    spread = math.sqrt(float(centred @ centred) / len(scores)) if len(scores) > 1 else 0.0
    value: FloatArray = centred / (spread if spread > 1e-12 else 1.0)
    return value


def _narrowness(value: FloatArray, grouped: IntArray, starts: list[int]) -> float:
    best = np.maximum.reduceat(value[grouped], starts)
    shares = np.exp(SHARPNESS * (best - best.max()))
    return float(shares.max() / shares.sum())


def _by_family(value: FloatArray, family: IntArray) -> tuple[IntArray, list[int]]:
    """Positions grouped by family, best value first within each, and where each group starts."""
    grouped = np.lexsort((-value, family))
    in_order = family[grouped]
    starts = [0, *(np.flatnonzero(in_order[1:] != in_order[:-1]) + 1).tolist()]
    return grouped, starts


def diversify(scores: FloatArray, family: IntArray, top: int,
              adjust: FloatArray | None = None) -> IntArray:
    """Positions (into ``scores``) of the ``top`` picks, best first.

    ``adjust`` (standard deviations per role) is added after scores are standardised: the
    shortlist uses it to put named jobs first and conflicting roles last.

    Each place goes to the role with the highest value less its family's cost (ties to the
    lower position). A family's cost is the same for all its roles, so only each family's
    best remaining role can win: each family's roles are sorted once, and a heap holds one
    offer per family; picking a role changes only its own family's offer.
    ``tests/ranking/test_diversity.py`` holds this to the plain definition.
    """
    top = min(top, len(scores))
    if top <= 0:
        return np.empty(0, dtype=np.int64)
    value = standardise(scores)
    adjusted = value if adjust is None else value + adjust
    grouped, starts = _by_family(adjusted, family)
    narrow = _narrowness(value, grouped, starts)  # from the scores alone, before ``adjust``
    family_penalty = FAMILY_PENALTY * (1.0 - narrow) ** BREADTH_POWER
    in_order = grouped.tolist()
    queues = [in_order[start:end]
              for start, end in zip(starts, [*starts[1:], len(in_order)], strict=True)]
    values = adjusted.tolist()
    picked_in_family = [0] * len(queues)

    def offer(group: int, place: int) -> tuple[float, int, int]:
        """The family's best remaining role, as (minus its value less the cost, position,
        family). Values that become equal once the cost is taken off tie: the lower
        position wins, as it would in a plain argmax."""
        over = max(picked_in_family[group] - FREE_PER_FAMILY + 1, 0)
        cost = family_penalty * over if place >= PROTECTED_PLACES else 0.0
        queue = queues[group]
        best = values[queue[0]] - cost
        position = min(itertools.takewhile(lambda p: values[p] - cost == best, queue))
        return -best, position, group

    picks: list[int] = []
    offers: list[tuple[float, int, int]] = []
    for place in range(min(top, DIVERSIFIED_PLACES)):
        if place in (0, PROTECTED_PLACES):  # the costs start to count: offer every family again
            offers = [offer(g, place) for g, queue in enumerate(queues) if queue]
            heapq.heapify(offers)
        _, chosen, group = heapq.heappop(offers)
        picks.append(chosen)
        queues[group].remove(chosen)
        picked_in_family[group] += 1
        if queues[group]:
            heapq.heappush(offers, offer(group, place + 1))
    if top > len(picks):
        taken = set(picks)
        rest = np.argsort(-adjusted, kind="stable").tolist()
        picks.extend([p for p in rest if p not in taken][: top - len(picks)])
    return np.array(picks, dtype=np.int64)
