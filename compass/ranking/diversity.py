"""Spread the list across job families: maximal marginal relevance over family overlap.

Scores are first put on a common scale (how many standard deviations above the mean of
the roles still in play), so the same settings work for any ranker. The first
``PROTECTED_PLACES`` go to the best matches whatever their family. After that, each role
already picked from a family, beyond ``FREE_PER_FAMILY``, costs every other role in that
family ``FAMILY_PENALTY``. A broad profile therefore gets a top ten from many families,
while a narrow one, whose best family stands far above the rest, still gets mostly that
family. Roles like ones the person marked "not for me" are pushed down in proportion to
how similar they are.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

PROTECTED_PLACES = 3         # the best matches always lead the list
FREE_PER_FAMILY = 1          # roles a family may have before the penalty starts
FAMILY_PENALTY = 0.5         # standard deviations per further role from the same family
NOT_FOR_ME_PENALTY = 3.0     # standard deviations at full similarity to a "not for me" role
DIVERSIFIED_PLACES = 30      # places picked with diversity; the rest follow in score order


def standardise(scores: FloatArray) -> FloatArray:
    spread = float(np.std(scores)) if len(scores) > 1 else 0.0
    return (scores - np.mean(scores)) / (spread if spread > 1e-12 else 1.0)


def diversify(scores: FloatArray, family: IntArray, top: int,
              similarity_to_rejected: FloatArray | None = None,
              family_penalty: float = FAMILY_PENALTY) -> IntArray:
    """Positions (into ``scores``) of the ``top`` picks, best first.

    ``similarity_to_rejected`` (0..1 per role) is how close each role is to the roles the
    person marked "not for me".
    """
    top = min(top, len(scores))
    if top <= 0:
        return np.empty(0, dtype=np.int64)
    value = standardise(scores)
    if similarity_to_rejected is not None:
        value = value - NOT_FOR_ME_PENALTY * np.clip(similarity_to_rejected, 0.0, 1.0)
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
