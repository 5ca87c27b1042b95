"""Reasons tied to the person's own answers, and only to answers that raised the score.

For each recommended role the engine scores the profile again with each given answer set
back to neutral. An answer whose removal lowers the role's score helped put it there; the
biggest of those become the reasons, phrased from what the person said. Because this asks
the ranker itself, the reasons are faithful for any ranker, learned or transparent.

Only what the person wants can be a reason: a dislike never is (conflicts are "Worth
knowing" lines instead, see :mod:`.conflicts`). Their own words are a reason only for a job
they named, or one of the few roles their words are really close to, and then the reason
quotes them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import EntryRoute, Role
from compass.catalogue.vocab import LIKE_DIMENSIONS
from compass.ranking.answers import AnswerBatch, AnswerRef
from compass.ranking.features import pair_features
from compass.ranking.phrases import LITTLE, answer_clauses, fallback_facts, is_clear, is_wanting, named_sentence
from compass.ranking.role_index import RoleIndex
from compass.ranking.routes import RoutePlanner
from compass.ranking.scorers import Ranker
from compass.understanding import OwnWords

FloatArray = NDArray[np.float64]
MIN_REASONS, MAX_REASONS = 2, 4
# An answer is only cited if its share is at least this part of the role's biggest one.
MIN_SHARE_OF_TOP = 0.1
# Own words are only cited for a role among this many closest to them, and this far above
# the average role.
CLOSEST_TO_WORDS = 3
REAL_TEXT_MATCH = 0.08


@dataclass(frozen=True)
class Reason:
    """One short sentence, and the answers (profile field names) it cites."""

    text: str
    answers: tuple[str, ...] = ()


def answer_effects(ranker: Ranker, index: RoleIndex, planner: RoutePlanner, answers: AnswerBatch,
                   rows: NDArray[np.int64]) -> tuple[tuple[AnswerRef, ...], FloatArray]:
    """The given answers and, per answer and role, how much removing it lowers the score.

    Returns ``(given, drops)`` with ``drops`` of shape (len(given), len(rows)).
    """
    given = answers.given_answers()
    variants = answers.without_each(given)
    plan = planner.plan(variants, rows)
    scores = ranker.score(pair_features(variants, index, rows, plan))
    return given, scores[0][None, :] - scores[1:]


def explain(ranker: Ranker, index: RoleIndex, planner: RoutePlanner, answers: AnswerBatch,
            rows: NDArray[np.int64], routes: list[EntryRoute], own: OwnWords) -> list[tuple[Reason, ...]]:
    """Two to four reasons for each role in ``rows`` (``answers`` holds one profile)."""
    given, drops = answer_effects(ranker, index, planner, answers, rows)
    quotable = [is_clear(a, answers) and is_wanting(a, answers) for a in given]
    close = _close_to_words(answers)
    return [
        _reasons_for(index.roles[int(row)], index.work[int(row)], index.interests[int(row)],
                     given, quotable, drops[:, j], answers, routes[j], own, int(row) in close)
        for j, row in enumerate(rows)
    ]


def _words_fit(role: Role, work: FloatArray, own: OwnWords, close_to_words: bool) -> bool:
    """Their own words really match: the role is among the closest to them, or has plenty of
    a kind of work the words said they want."""
    wanted = [LIKE_DIMENSIONS.index(dim) for dim, value in own.likes.items() if value > 0]
    return close_to_words or any(work[i] >= LITTLE for i in wanted)


def _close_to_words(answers: AnswerBatch) -> set[int]:
    """Rows of the few roles the person's own words are really close to."""
    match = answers.text_match[0]
    closest = np.argsort(-match, kind="stable")[:CLOSEST_TO_WORDS]
    return {int(r) for r in closest if match[r] >= REAL_TEXT_MATCH}


def _reasons_for(role: Role, work: FloatArray, interests: FloatArray, given: tuple[AnswerRef, ...],
                 quotable: list[bool], drops: FloatArray, answers: AnswerBatch, route: EntryRoute,
                 own: OwnWords, close_to_words: bool) -> tuple[Reason, ...]:
    """``quotable`` marks the given answers clear enough to quote that say what they want."""
    reasons = []
    if role.id in own.named_roles:
        reasons.append(Reason(named_sentence(own.quote_for(role.id)), ("free_text",)))
    top = float(drops.max()) if len(drops) else 0.0
    helped = [(float(d), a) for d, a, ok in zip(drops, given, quotable, strict=True)
              if ok and d > 0 and d >= MIN_SHARE_OF_TOP * top
              and (a.kind != "free_text" or (_words_fit(role, work, own, close_to_words)
                                             and role.id not in own.named_roles))]
    helped.sort(key=lambda pair: -pair[0])
    clauses = answer_clauses(helped, work, interests, answers, own.wanted_text)
    reasons += [Reason(text, tuple(a.name for a in cited)) for text, cited in clauses]
    reasons = reasons[:MAX_REASONS]
    for fact in fallback_facts(role, route):
        if len(reasons) >= MIN_REASONS:
            break
        reasons.append(Reason(fact))
    return tuple(reasons)
