"""Which roles make a person's list, and in what order.

1. Jobs the person named come first, in the order they wrote them, even when no way in
   fits their answers (the card then says why, and shows the way in that fits best).
2. Roles with a pushing conflict (see :mod:`.conflicts`) come after every role without one.
3. Between those, the ranker's scores, spread across job families (:mod:`.diversity`).
4. Answers that point nowhere get a deliberate spread instead: one role per family.
5. 'Not for me' roles are taken out of the finished list, so the others keep their order.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import Role
from compass.catalogue.vocab import Family
from compass.ranking.answers import AnswerBatch
from compass.ranking.diversity import diversify
from compass.understanding import OwnWords

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
BIG = 1e4                  # standard deviations: more than any score difference
NEUTRAL_INTEREST = 0.15    # interests within this of 0.5 point nowhere
NEUTRAL_LIKE = 0.3         # likes within this of 0 point nowhere
REAL_TEXT_MATCH = 0.08     # own words this much closer to a role than average mean something


def reads_as_neutral(answers: AnswerBatch, own: OwnWords) -> bool:
    """The one profile in ``answers`` points nowhere: no clear interest, like or own words."""
    return bool(np.all(np.abs(answers.interests[0] - 0.5) < NEUTRAL_INTEREST)
                and np.all(np.abs(answers.likes[0]) < NEUTRAL_LIKE)
                and not own.means_something
                and float(answers.text_match[0].max(initial=0.0)) < REAL_TEXT_MATCH)


def order_roles(scores: FloatArray, family: IntArray, candidates: IntArray, push: BoolArray,
                named: Sequence[int], top: int) -> IntArray:
    """Rows of the ``top`` roles among ``candidates``: named first, pushed ones last."""
    adjust = np.where(push[candidates], -BIG, 0.0)
    for place, row in enumerate(named):
        adjust[candidates == row] += BIG * (2 + len(named) - place)
    picks = diversify(scores[candidates], family[candidates], top, adjust=adjust)
    return candidates[picks]


def neutral_spread(roles: Sequence[Role], candidates: IntArray, push: BoolArray,
                   top: int) -> IntArray:
    """One role from each family in turn (in the vocabulary's order), each the easiest to
    start: no conflict, not graduate-only, a paid way in, the least study. Roles as easy as
    each other come in a fixed shuffled order, not by title (which put ten jobs starting
    with A in the first twenty)."""
    def ease(row: int) -> tuple[bool, bool, bool, float, int]:
        role = roles[row]
        return (bool(push[row]), role.graduate_only, not role.has_paid_way_in,
                role.shortest_study_years, zlib.crc32(role.id.encode()))

    by_family: dict[Family, list[int]] = {family: [] for family in Family}
    for row in sorted((int(r) for r in candidates), key=ease):
        by_family[roles[row].family].append(row)
    order: list[int] = []
    while len(order) < top and any(by_family.values()):
        for rows in by_family.values():
            if rows and len(order) < top:
                order.append(rows.pop(0))
    return np.array(order, dtype=np.int64)


def without_hidden(picks: IntArray, hidden: BoolArray, top: int) -> IntArray:
    """``picks`` with the hidden rows taken out, cut to ``top``: the rest keep their order."""
    return picks[~hidden[picks]][:top]
