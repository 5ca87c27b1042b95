"""Check answers against a flow: the boundary where answers from a file or a form come in.

:func:`validate_answers` takes the dict form (question id -> option id, list of option
ids, ``{item id: like | not_sure | dislike}`` or text) and returns :class:`Answers`, or
raises :class:`InvalidAnswersError` naming every question with a problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from compass.catalogue.vocab import Stage
from compass.errors import ProfileError
from compass.profile import FREE_TEXT_LIMIT
from compass.questionnaire.answers import (
    Answer,
    Answers,
    Picked,
    PickedMany,
    Rated,
    Written,
)
from compass.questionnaire.models import Flow, Question, QuestionType, Rating
from compass.questionnaire.paths import questions_for, stage_of

RATING_WORDS = ", ".join(r.value for r in Rating)


@dataclass(frozen=True)
class AnswerIssue:
    """What is wrong with the answer to one question ('' for the answers as a whole)."""

    question_id: str
    message: str

    def render(self) -> str:
        return f"question '{self.question_id}': {self.message}" if self.question_id else self.message


class InvalidAnswersError(ProfileError):
    """Answers that do not fit the flow; ``issues`` lists each problem by question."""

    def __init__(self, issues: list[AnswerIssue]) -> None:
        self.issues = tuple(issues)
        lines = [issue.render() for issue in self.issues]
        if len(lines) > 1:
            lines = [f"{len(lines)} problems with these answers:", *(f"  {x}" for x in lines)]
        super().__init__("\n".join(lines))


def validate_answers(flow: Flow, answers: Answers | Mapping[str, object], *,
                     partial: bool = False) -> Answers:
    """Check ``answers`` against ``flow``; with ``partial``, unanswered questions are fine.

    Unknown questions, questions not asked at the person's stage, unknown options or items,
    missing required answers and text over the limit are all reported together.
    """
    raw: Mapping[str, object] = answers.to_dict() if isinstance(answers, Answers) else answers
    if not isinstance(raw, Mapping) or not all(isinstance(k, str) for k in raw):
        raise InvalidAnswersError([AnswerIssue(
            "", "answers must be a JSON object of question id -> answer")])
    issues: list[AnswerIssue] = []
    stage_question = flow.stage_question
    if stage_question is not None and stage_question.id in raw:
        try:
            validate_answer(stage_question, raw[stage_question.id])
        except InvalidAnswersError as exc:
            issues.extend(exc.issues)
    stage = stage_of(flow, raw)
    path = questions_for(flow, raw)
    on_path = {q.id for q in path}
    for question_id in raw:
        if question_id not in on_path:
            issues.append(_off_path(flow, question_id, stage))
    values: list[tuple[str, Answer]] = []
    for question in path:
        value = raw.get(question.id)
        if value is None:
            if question.required and not partial:
                issues.append(AnswerIssue(question.id, "needs an answer"))
            continue
        try:
            values.append((question.id, validate_answer(question, value)))
        except InvalidAnswersError as exc:
            if question is not stage_question:
                issues.extend(exc.issues)
    if issues:
        raise InvalidAnswersError(_unique(issues))
    return Answers(flow.id, tuple(values))


def _off_path(flow: Flow, question_id: str, stage: Stage | None) -> AnswerIssue:
    if flow.question(question_id) is None:
        known = [q.id for q in flow.questions]
        guess = difflib.get_close_matches(question_id, known, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"its questions are: {', '.join(known)}"
        return AnswerIssue(question_id, f"is not a question in flow '{flow.id}'; {hint}")
    if stage is None:
        return AnswerIssue(question_id, "depends on the stage, so answer the stage question first")
    return AnswerIssue(question_id, f"is not asked of people at stage '{stage.value}'")


def _unique(issues: list[AnswerIssue]) -> list[AnswerIssue]:
    return list(dict.fromkeys(issues))


def validate_answer(question: Question, value: object) -> Answer:
    """Check one answer to ``question`` (as the person sees it, see ``Question.for_stage``)."""
    kind = question.type
    if kind in {QuestionType.SINGLE, QuestionType.THIS_OR_THAT}:
        return _picked(question, value)
    if kind is QuestionType.MULTIPLE:
        return _picked_many(question, value)
    if kind is QuestionType.RATING:
        return _rated(question, value)
    return _written(question, value)


def _fail(question: Question, message: str) -> InvalidAnswersError:
    return InvalidAnswersError([AnswerIssue(question.id, message)])


def _option_list(question: Question) -> str:
    return ", ".join(o.id for o in question.options)


def _picked(question: Question, value: object) -> Picked:
    if not isinstance(value, str):
        raise _fail(question, f"needs one option id as text, one of: {_option_list(question)}")
    if question.option(value) is None:
        raise _fail(question, f"'{value}' is not one of its options: {_option_list(question)}")
    return Picked(value)


def _picked_many(question: Question, value: object) -> PickedMany:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(question, f"needs a list of option ids, from: {_option_list(question)}")
    unknown = [v for v in value if question.option(v) is None]
    if unknown:
        raise _fail(question, f"{_quoted(unknown)} not among its options: {_option_list(question)}")
    if len(set(value)) != len(value):
        raise _fail(question, "lists the same option twice")
    if not value and question.required:
        neutral = next((o.id for o in question.options if o.neutral), None)
        hint = f"; pick '{neutral}' if none fit" if neutral else ""
        raise _fail(question, f"needs at least one option{hint}")
    exclusive = [o.id for o in question.options if o.exclusive and o.id in value]
    if exclusive and len(value) > 1:
        raise _fail(question, f"'{exclusive[0]}' cannot be picked with other options")
    return PickedMany(tuple(o.id for o in question.options if o.id in value))


def _rated(question: Question, value: object) -> Rated:
    items = ", ".join(i.id for i in question.items)
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise _fail(question, f"needs a rating ({RATING_WORDS}) for each item: {items}")
    unknown = [k for k in value if question.item(k) is None]
    if unknown:
        raise _fail(question, f"{_quoted(unknown)} not among its items: {items}")
    bad = [k for k, v in value.items() if v not in {r.value for r in Rating}]
    if bad:
        raise _fail(question, f"the rating for '{bad[0]}' must be one of: {RATING_WORDS}")
    missing = [i.id for i in question.items if i.id not in value]
    if missing:
        raise _fail(question, f"needs a rating for every item; missing: {', '.join(missing)}")
    return Rated(tuple((i.id, Rating(value[i.id])) for i in question.items))


def _written(question: Question, value: object) -> Written:
    if not isinstance(value, str):
        raise _fail(question, "needs text")
    text = value.strip()
    if len(text) > FREE_TEXT_LIMIT:
        raise _fail(question, f"the text is {len(text)} characters long; the limit is "
                    f"{FREE_TEXT_LIMIT}")
    if not text and question.required:
        raise _fail(question, "needs an answer")
    return Written(text)


def _quoted(ids: list[str]) -> str:
    names = ", ".join(f"'{i}'" for i in ids)
    return f"{names} is" if len(ids) == 1 else f"{names} are"
