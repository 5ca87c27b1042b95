"""Reasons tied to the person's own answers, and only to answers that raised the score.

For each recommended role the engine scores the profile again with each given answer set
back to neutral. An answer whose removal lowers the role's score helped put it there; the
biggest of those become the reasons, phrased from what the person said. Because this asks
the ranker itself, the reasons are faithful for any ranker, learned or transparent.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import EntryRoute, Role
from compass.ranking.answers import AnswerBatch, AnswerRef
from compass.ranking.features import pair_features
from compass.ranking.phrases import answer_clauses, fallback_facts, is_clear
from compass.ranking.role_index import RoleIndex
from compass.ranking.routes import plan_routes
from compass.ranking.scorers import Ranker

FloatArray = NDArray[np.float64]
MIN_REASONS, MAX_REASONS = 2, 4
# An answer is only cited if its share is at least this part of the role's biggest one.
MIN_SHARE_OF_TOP = 0.1


@dataclass(frozen=True)
class Reason:
    """One short sentence, and the answers (profile field names) it cites."""

    text: str
    answers: tuple[str, ...] = ()


def answer_effects(ranker: Ranker, index: RoleIndex, answers: AnswerBatch,
                   rows: NDArray[np.int64]) -> tuple[tuple[AnswerRef, ...], FloatArray]:
    """The given answers and, per answer and role, how much removing it lowers the score.

    Returns ``(given, drops)`` with ``drops`` of shape (len(given), len(rows)).
    """
    given = answers.given_answers()
    variants = answers.without_each(given)
    plan = plan_routes(variants, index.routes.take(rows))
    scores = ranker.score(pair_features(variants, index, rows, plan))
    return given, scores[0][None, :] - scores[1:]


def explain(ranker: Ranker, index: RoleIndex, answers: AnswerBatch,
            rows: NDArray[np.int64], routes: list[EntryRoute]) -> list[tuple[Reason, ...]]:
    """Two to four reasons for each role in ``rows`` (``answers`` holds one profile)."""
    given, drops = answer_effects(ranker, index, answers, rows)
    return [
        _reasons_for(index.roles[int(row)], index.work[int(row)], given, drops[:, j], answers,
                     routes[j])
        for j, row in enumerate(rows)
    ]


def _reasons_for(role: Role, work: FloatArray, given: tuple[AnswerRef, ...], drops: FloatArray,
                 answers: AnswerBatch, route: EntryRoute) -> tuple[Reason, ...]:
    top = float(drops.max()) if len(drops) else 0.0
    helped = [(float(d), a) for d, a in zip(drops, given, strict=True)
              if d > 0 and d >= MIN_SHARE_OF_TOP * top and is_clear(a, answers)]
    helped.sort(key=lambda pair: -pair[0])
    clauses = answer_clauses(helped, role, work, answers)
    reasons = [Reason(text, tuple(a.name for a in cited)) for text, cited in clauses]
    reasons = reasons[:MAX_REASONS]
    for fact in fallback_facts(role, route):
        if len(reasons) >= MIN_REASONS:
            break
        reasons.append(Reason(fact))
    return tuple(reasons)
