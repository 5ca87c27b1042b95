"""One question's form: the names of its fields, and reading what was sent back.

Single, this-or-that and multiple-choice questions post ``answer`` (option ids); a rating
question posts one ``rate-<item>`` per item (like, not_sure or dislike); a text question
posts ``answer``. Missing answers become plain-English errors that link to the field and
keep what the person entered. Values that no form could send (an unknown option, an
unknown field) are refused with a 400 page instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from compass.profile import FREE_TEXT_LIMIT
from compass.questionnaire import InvalidAnswersError, Question, QuestionType, Rating, validate_answer
from web import params
from web.errors import bad_request

ANSWER = "answer"
RATE = "rate-"
TEXT_HARD_LIMIT = FREE_TEXT_LIMIT * 4
Value = str | list[str] | dict[str, str]


@dataclass(frozen=True)
class FieldError:
    """A problem with one field: the id of the element to link to, and what to do."""

    target: str
    message: str
    item_id: str = ""


@dataclass(frozen=True)
class Submission:
    """What came back from the form: the answer if it is complete, and any errors."""

    entered: Value
    errors: tuple[FieldError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def option_element_id(question: Question, option_id: str) -> str:
    return f"{question.id}-{option_id}"


def rating_element_id(item_id: str, rating: Rating) -> str:
    return f"{item_id}-{rating.value.replace('_', '-')}"


def field_names(question: Question) -> list[str]:
    if question.type is QuestionType.RATING:
        return [RATE + item.id for item in question.items]
    return [ANSWER]


def read_submission(question: Question, form: MultiDict[str, str]) -> Submission:
    """Read ``form`` for ``question`` (as the person sees it); 400 for impossible values."""
    params.only(form, [*field_names(question), params.CSRF_FIELD])
    readers = {
        QuestionType.SINGLE: _read_single,
        QuestionType.THIS_OR_THAT: _read_single,
        QuestionType.MULTIPLE: _read_multiple,
        QuestionType.RATING: _read_rating,
        QuestionType.TEXT: _read_text,
    }
    submission = readers[question.type](question, form)
    if submission.ok:
        try:
            validate_answer(question, submission.entered)
        except InvalidAnswersError:
            raise bad_request() from None
    return submission


def _neutral_label(question: Question) -> str:
    return next((o.label for o in question.options if o.neutral), "")


def _read_single(question: Question, form: MultiDict[str, str]) -> Submission:
    value = params.choice(form, ANSWER, [o.id for o in question.options])
    if value is not None:
        return Submission(value, ())
    neutral = _neutral_label(question)
    message = "Choose an answer"
    if neutral:
        message += f". If you are not sure, choose '{neutral}'"
    return Submission("", (FieldError(option_element_id(question, question.options[0].id),
                                      message),))


def _read_multiple(question: Question, form: MultiDict[str, str]) -> Submission:
    ids = [o.id for o in question.options]
    picked = params.choices(form, ANSWER, ids, most=len(ids))
    target = option_element_id(question, question.options[0].id)
    exclusive = [o for o in question.options if o.exclusive and o.id in picked]
    if exclusive and len(picked) > 1:
        return Submission(picked, (FieldError(
            target, f"You cannot choose '{exclusive[0].label}' and other answers. "
                    "Untick one or the other"),))
    if not picked and question.required:
        neutral = _neutral_label(question)
        message = "Choose at least one answer"
        if neutral:
            message += f", or choose '{neutral}'"
        return Submission(picked, (FieldError(target, message),))
    return Submission([i for i in ids if i in picked], ())


def _read_rating(question: Question, form: MultiDict[str, str]) -> Submission:
    allowed = [r.value for r in Rating]
    ratings: dict[str, str] = {}
    errors = []
    for item in question.items:
        value = params.choice(form, RATE + item.id, allowed)
        if value is None:
            errors.append(FieldError(rating_element_id(item.id, Rating.LIKE),
                                     f"Choose like, not sure or dislike for '{item.label}'",
                                     item.id))
        else:
            ratings[item.id] = value
    return Submission(ratings, tuple(errors))


def _read_text(question: Question, form: MultiDict[str, str]) -> Submission:
    text = params.text(form, ANSWER, TEXT_HARD_LIMIT)
    trimmed = text.strip()
    if len(trimmed) > FREE_TEXT_LIMIT:
        return Submission(text, (FieldError(
            ANSWER, f"Write {FREE_TEXT_LIMIT} characters or fewer. "
                    f"You have written {len(trimmed)}"),))
    if not trimmed and question.required:
        return Submission(text, (FieldError(ANSWER, "Write a few words, or go back and skip it"),))
    return Submission(trimmed, ())
