"""Reasons tied to the person's own answers, and only to answers that raised the score.

The engine scores each profile as given and, in the same batch, with each given answer set
back to neutral (:func:`answer_effects`). An answer whose removal lowers the role's score
helped put it there; the biggest of those become the reasons, phrased from what the person
said. Because this asks the ranker itself, the reasons are faithful for any ranker,
learned or transparent.

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
from compass.ranking.answers import AnswerBatch, AnswerRef, Said
from compass.ranking.features import pair_features
from compass.ranking.phrases import LITTLE, answer_clauses, fallback_facts, is_clear, is_wanting, named_sentence
from compass.ranking.role_index import RoleIndex
from compass.ranking.routes import RoutePlan, RoutePlanner
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
# Effects are compared at this many decimals: two answers whose effects differ only by
# rounding (common with the transparent scorer's round weights) count as equal, and equal
# effects are cited in the order of the questions, whatever order the arithmetic ran in.
EFFECT_DECIMALS = 9


@dataclass(frozen=True)
class Reason:
    """One short sentence, and the answers (profile field names) it cites."""

    text: str
    answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerEffects:
    """A ranker's scores for one profile over every role: row 0 with all their answers, then
    one row with each given answer in turn set back to neutral."""

    given: tuple[AnswerRef, ...]
    plan: RoutePlan      # (1 + len(given), n) the route plans of the same rows
    scores: FloatArray   # (1 + len(given), n)

    def drops(self, rows: NDArray[np.int64]) -> FloatArray:
        """(len(given), len(rows)): how much removing each answer lowers each role's score."""
        drops: FloatArray = self.scores[0, rows][None, :] - self.scores[1:, rows]
        return drops


def answer_effects(ranker: Ranker, index: RoleIndex, planner: RoutePlanner,
                   answers: AnswerBatch) -> AnswerEffects:
    """Score the one profile in ``answers`` as given and without each answer, in one batch."""
    given = answers.given_answers()
    variants = answers.without_each(given)
    plan = planner.plan(variants)
    return AnswerEffects(given, plan, ranker.score(pair_features(variants, index, plan)))


def explain(effects: AnswerEffects, index: RoleIndex, answers: AnswerBatch,
            rows: NDArray[np.int64], routes: list[EntryRoute], own: OwnWords) -> list[tuple[Reason, ...]]:
    """Two to four reasons for each role in ``rows`` (``answers`` holds one profile)."""
    given, drops = effects.given, np.round(effects.drops(rows), EFFECT_DECIMALS)
    said = answers.said()
    quotable = [(i, a) for i, a in enumerate(given) if is_clear(a, said) and is_wanting(a, said)]
    close = _close_to_words(answers)
    wanted = [i for i, dim in enumerate(LIKE_DIMENSIONS) if own.likes.get(dim, 0) > 0]
    work, interests = index.work[rows].tolist(), index.interests[rows].tolist()
    return [
        _reasons_for(index.roles[row], work[j], interests[j], quotable, role_drops, said,
                     routes[j], own, row in close or any(work[j][i] >= LITTLE for i in wanted))
        for j, (row, role_drops) in enumerate(zip(rows.tolist(), drops.T.tolist(), strict=True))
    ]


def _close_to_words(answers: AnswerBatch) -> set[int]:
    """Rows of the few roles the person's own words are really close to."""
    match = answers.text_match[0]
    if not match.any():
        return set()
    closest = np.argsort(-match, kind="stable")[:CLOSEST_TO_WORDS]
    return {int(r) for r in closest if match[r] >= REAL_TEXT_MATCH}


def _reasons_for(role: Role, work: list[float], interests: list[float],
                 quotable: list[tuple[int, AnswerRef]], drops: list[float], said: Said,
                 route: EntryRoute, own: OwnWords, words_fit: bool) -> tuple[Reason, ...]:
    """``quotable`` holds the given answers (with their places in ``drops``) clear enough to
    quote that say what they want; ``words_fit`` says their own words really match the role:
    it is among the closest to them, or has plenty of a kind of work the words said they want."""
    reasons = []
    named = role.id in own.named_roles
    if named:
        reasons.append(Reason(named_sentence(own.quote_for(role.id)), ("free_text",)))
    least = MIN_SHARE_OF_TOP * max(drops, default=0.0)
    helped = [(drops[i], a) for i, a in quotable
              if drops[i] > 0 and drops[i] >= least
              and (a.kind != "free_text" or (words_fit and not named))]
    helped.sort(key=lambda pair: -pair[0])
    clauses = answer_clauses(helped, work, interests, said, own.wanted_text)
    reasons += [Reason(text, tuple(a.name for a in cited)) for text, cited in clauses]
    reasons = reasons[:MAX_REASONS]
    if len(reasons) < MIN_REASONS:
        facts = fallback_facts(role, route)[:MIN_REASONS - len(reasons)]
        reasons += [Reason(fact) for fact in facts]
    return tuple(reasons)
