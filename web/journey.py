"""Where someone is in the question flow, kept only in their signed session cookie.

Nothing about a person is stored on the server. The cookie holds their answers in the
flow's dict form and the roles they said are not for them. Everything read back from the
cookie is checked against the flow again, so an old or edited cookie can only lose answers,
never break a page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from flask import g, session

from compass.catalogue import Catalogue
from compass.catalogue.vocab import Stage
from compass.questionnaire import (
    AnswerDict,
    Answers,
    Flow,
    InvalidAnswersError,
    Question,
    questions_for,
    stage_of,
    validate_answer,
    validate_answers,
)
from compass.why_not import WhyNot

ANSWERS = "answers"
CHECKED = "compass_checked_answers"
NOT_FOR_ME = "not_for_me"
WHY_NOT = "why_not"          # [[reason, role id], ...]: reasons given for hiding roles
LAST_HIDDEN = "last_hidden"  # the role hidden most recently, to offer 'why not' for it
MAX_NOT_FOR_ME = 10
_PATHS: dict[tuple[int, Stage | None], tuple[Flow, tuple[Question, ...]]] = {}
CHECKED_ANSWER_SETS = 4096


@dataclass(frozen=True)
class Position:
    """A question's place on this person's path: 'Question 4 of 16'. ``total`` is None
    until the stage is answered: some stages are asked more questions than others."""

    question: Question
    number: int
    total: int | None
    previous: Question | None


def path(flow: Flow, answers: Mapping[str, object]) -> list[Question]:
    """The questions this person is asked (as ``questions_for``), built once per stage."""
    stage = stage_of(flow, answers)
    key = (id(flow), stage)
    found = _PATHS.get(key)
    if found is None or found[0] is not flow:
        found = _PATHS[key] = (flow, tuple(questions_for(flow, answers)))
    return list(found[1])


def pruned(flow: Flow, raw: object) -> AnswerDict:
    """Only the answers that are valid for questions on this person's path."""
    if not isinstance(raw, Mapping):
        return {}
    kept: AnswerDict = {}
    for question in path(flow, raw):
        value = raw.get(question.id)
        if value is None:
            continue
        try:
            validate_answer(question, value)
        except InvalidAnswersError:
            continue
        kept[question.id] = value
    return kept


class _AnswerChecks:
    """One flow's checks of a person's answers, remembered for the most recent answer sets:
    every page a person opens reads the same answers again, and a class answers alike."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.check = lru_cache(maxsize=CHECKED_ANSWER_SETS)(self._check)

    def _check(self, raw_json: str) -> tuple[str, Answers | None]:
        """The answers on the path (as JSON: each caller gets its own copy), and the full set."""
        kept = pruned(self.flow, json.loads(raw_json))
        try:
            return json.dumps(kept), validate_answers(self.flow, kept)
        except InvalidAnswersError:
            return json.dumps(kept), None


_CHECKS: dict[int, _AnswerChecks] = {}


def _checks(flow: Flow) -> _AnswerChecks:
    found = _CHECKS.get(id(flow))
    if found is None or found.flow is not flow:
        found = _CHECKS[id(flow)] = _AnswerChecks(flow)
    return found


def _checked(flow: Flow) -> tuple[str, Answers | None]:
    """This person's answers, checked once per request: those on their path (as JSON), and
    the full set if every required question has one."""
    found: tuple[str, Answers | None] | None = g.get(CHECKED)
    if found is None:
        try:
            raw = json.dumps(session.get(ANSWERS), sort_keys=True)
        except (TypeError, ValueError):  # not answers this module wrote: start again
            raw = "{}"
        found = _checks(flow).check(raw)
        setattr(g, CHECKED, found)
    return found


def answers_so_far(flow: Flow) -> AnswerDict:
    """This person's answers on their path (a fresh copy each call)."""
    answers: AnswerDict = json.loads(_checked(flow)[0])
    return answers


def save_answer(flow: Flow, question_id: str, value: str | list[str] | dict[str, str]) -> None:
    """Record one answer; answers no longer on the path (after a stage change) are dropped."""
    raw = answers_so_far(flow)
    raw[question_id] = value
    session[ANSWERS] = pruned(flow, raw)
    g.pop(CHECKED, None)


def complete_answers(flow: Flow) -> Answers | None:
    """The person's answers if every required question has one, else None."""
    return _checked(flow)[1]


def position(flow: Flow, question_id: str) -> Position | None:
    """Where ``question_id`` is on the path, or None if it is not on it."""
    so_far = answers_so_far(flow)
    questions = path(flow, so_far)
    settled = flow.stage_question is None or stage_of(flow, so_far) is not None
    for number, question in enumerate(questions, start=1):
        if question.id == question_id:
            previous = questions[number - 2] if number > 1 else None
            return Position(question, number, len(questions) if settled else None, previous)
    return None


def most_questions(flow: Flow) -> int:
    """The most questions anyone is asked, whatever their stage."""
    stage = flow.stage_question
    if stage is None:
        return len(questions_for(flow, {}))
    return max(len(questions_for(flow, {stage.id: option.id})) for option in stage.options)


def first_unanswered(flow: Flow) -> Question | None:
    raw = answers_so_far(flow)
    return next((q for q in path(flow, raw) if q.id not in raw), None)


def not_for_me(catalogue: Catalogue) -> list[str]:
    raw = session.get(NOT_FOR_ME)
    if not isinstance(raw, list):
        return []
    return [r for r in raw if isinstance(r, str) and catalogue.has_role(r)][:MAX_NOT_FOR_ME]


def add_not_for_me(catalogue: Catalogue, role_id: str) -> None:
    hidden = [r for r in not_for_me(catalogue) if r != role_id]
    session[NOT_FOR_ME] = ([*hidden, role_id])[-MAX_NOT_FOR_ME:]
    session[LAST_HIDDEN] = role_id


def put_back(catalogue: Catalogue, role_id: str | None) -> None:
    """Show a hidden role again (or all of them when ``role_id`` is None), forgetting why."""
    session[NOT_FOR_ME] = [r for r in not_for_me(catalogue) if role_id is not None and r != role_id]
    session[WHY_NOT] = [[w.value, r] for w, r in why_not(catalogue) if r != role_id and role_id]
    session.pop(LAST_HIDDEN, None)


def last_hidden(catalogue: Catalogue) -> str | None:
    role_id = session.get(LAST_HIDDEN)
    return role_id if isinstance(role_id, str) and role_id in not_for_me(catalogue) else None


def why_not(catalogue: Catalogue) -> list[tuple[WhyNot, str]]:
    """The reasons given for hiding roles that are still hidden, oldest first."""
    raw = session.get(WHY_NOT)
    hidden = set(not_for_me(catalogue))
    given = []
    for item in raw if isinstance(raw, list) else []:
        if (isinstance(item, list) and len(item) == 2 and item[1] in hidden
                and item[0] in {w.value for w in WhyNot}):
            given.append((WhyNot(item[0]), str(item[1])))
    return given[:MAX_NOT_FOR_ME]


def give_why_not(catalogue: Catalogue, reason: WhyNot, role_id: str) -> None:
    kept = [[w.value, r] for w, r in why_not(catalogue) if r != role_id]
    session[WHY_NOT] = [*kept, [reason.value, role_id]][-MAX_NOT_FOR_ME:]


def take_back_why_not(catalogue: Catalogue, role_id: str) -> None:
    session[WHY_NOT] = [[w.value, r] for w, r in why_not(catalogue) if r != role_id]


def replace_all(answers: Answers, hidden: tuple[str, ...],
                why: tuple[tuple[str, str], ...] = ()) -> None:
    """Swap in answers from a share code on this device (with why roles were hidden, if the
    code kept it)."""
    session[ANSWERS] = answers.to_dict()
    session[NOT_FOR_ME] = list(hidden)
    session[WHY_NOT] = [[reason, role] for reason, role in why]
    session.pop(LAST_HIDDEN, None)
    g.pop(CHECKED, None)


def clear() -> None:
    session.clear()
    g.pop(CHECKED, None)


MADE_CODE = "made_code"


def made_code() -> str | None:
    """The short code this browser made, if it has not deleted it."""
    made = session.get(MADE_CODE)
    return str(made["code"]) if isinstance(made, dict) and "code" in made else None
