"""Answers: a typed, immutable record of what someone answered, with a JSON-able dict form.

One answer per question, by question type:

=================  ======================  =====================================
question type      :class:`Answer` value   dict form
=================  ======================  =====================================
single             :class:`Picked`         ``"option_id"``
this_or_that       :class:`Picked`         ``"option_id"``
multiple           :class:`PickedMany`     ``["option_id", ...]``
rating             :class:`Rated`          ``{"item_id": "like" | "not_sure" | "dislike"}``
text               :class:`Written`        ``"the person's own words"``
=================  ======================  =====================================

Make an :class:`Answers` with :func:`compass.questionnaire.validate_answers`, which checks
a dict form against a flow; :meth:`Answers.to_dict` gives the dict form back (for a cookie
or a file), and validating that dict again gives an equal :class:`Answers`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from compass.questionnaire.models import Rating

AnswerDict = dict[str, str | list[str] | dict[str, str]]


@dataclass(frozen=True)
class Picked:
    """One option picked (single choice or this-or-that)."""

    option_id: str

    def to_json(self) -> str:
        return self.option_id


@dataclass(frozen=True)
class PickedMany:
    """The options picked in a multiple-choice question, in the flow's order."""

    option_ids: tuple[str, ...]

    def to_json(self) -> list[str]:
        return list(self.option_ids)


@dataclass(frozen=True)
class Rated:
    """A rating for every item of a rating question, in the flow's order."""

    ratings: tuple[tuple[str, Rating], ...]

    def rating_of(self, item_id: str) -> Rating | None:
        return next((rating for key, rating in self.ratings if key == item_id), None)

    def to_json(self) -> dict[str, str]:
        return {item_id: rating.value for item_id, rating in self.ratings}


@dataclass(frozen=True)
class Written:
    """Free text in the person's own words (trimmed; may be empty if the question was skipped)."""

    text: str

    def to_json(self) -> str:
        return self.text


Answer = Picked | PickedMany | Rated | Written


@dataclass(frozen=True)
class Answers:
    """Checked answers to one flow, in the order the questions are asked."""

    flow_id: str
    values: tuple[tuple[str, Answer], ...] = ()

    def get(self, question_id: str) -> Answer | None:
        return next((answer for key, answer in self.values if key == question_id), None)

    def __contains__(self, question_id: object) -> bool:
        return any(key == question_id for key, _ in self.values)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.values)

    def __len__(self) -> int:
        return len(self.values)

    def to_dict(self) -> AnswerDict:
        """The JSON-able form: question id -> option id, list of ids, ratings or text."""
        return {key: answer.to_json() for key, answer in self.values}
