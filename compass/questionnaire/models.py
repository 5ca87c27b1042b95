"""Typed, immutable question flows: what a flow, question, option and rating item are.

These frozen pydantic models are the single source of truth for the shape of the YAML
files in ``questionnaires/``; ``questionnaires/README.md`` explains every field. Mappings
in the YAML (``effects``, ``stage_hints``) are held as tuples of pairs so a loaded flow
cannot be changed, and are written back out as mappings by ``model_dump``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    field_serializer,
    field_validator,
)

from compass.catalogue.vocab import Stage
from compass.profile import FREE_TEXT_LIMIT

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=2, max_length=40)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Hint = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
EffectValue = StrictBool | StrictInt | StrictFloat | StrictStr | None
STAGE_WORDS = ", ".join(stage.value for stage in Stage)


class QuestionType(StrEnum):
    """How a question is answered."""

    SINGLE = "single"              # pick one option
    MULTIPLE = "multiple"          # pick any number of options
    RATING = "rating"              # like / not sure / dislike for each of a few items
    THIS_OR_THAT = "this_or_that"  # pick one of two options (or the 'not sure' option)
    TEXT = "text"                  # type a few words in your own words


class Rating(StrEnum):
    """An answer to one item of a rating question."""

    LIKE = "like"
    NOT_SURE = "not_sure"
    DISLIKE = "dislike"

    @property
    def label(self) -> str:
        return {"like": "Like", "not_sure": "Not sure", "dislike": "Don't like"}[self.value]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Effect(_Frozen):
    """One change an answer makes to the Profile: ``target`` (e.g. ``likes.science``) and value."""

    target: str
    value: EffectValue


def _pairs(value: Any, what: str) -> Any:
    """Turn a YAML mapping into a tuple of (key, value) pairs, checking its shape."""
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} should be a block of 'key: value' lines")
    for key, item in value.items():
        if not isinstance(key, str):
            raise ValueError(f"'{key}' in {what} should be a word")
        if isinstance(item, (list, dict, tuple)):
            raise ValueError(f"'{key}' in {what} should have a single value, not a list or block")
    return tuple(value.items())


def _shown_at(stages: tuple[Stage, ...] | None, stage: Stage | None) -> bool:
    return stages is None or (stage is not None and stage in stages)


class Choice(_Frozen):
    """Something a person can pick or rate: an option of a question, or a rating item."""

    id: Id = Field(description="Short name in lower case with underscores, unique in its question.")
    label: Label = Field(description="What the person sees. Keep it short and plain.")
    hint: Hint = Field(default="", description="Optional extra words shown under the label.")
    stages: tuple[Stage, ...] | None = Field(
        default=None, min_length=1,
        description="Show this only to people at these stages. Leave out to show it to everyone.")
    effects: tuple[Effect, ...] = Field(
        default=(), description="How picking this changes the Profile: 'target: value' lines.")

    @field_validator("effects", mode="before")
    @classmethod
    def _effects_from_mapping(cls, value: Any) -> Any:
        if isinstance(value, (tuple, list)):
            return value
        return tuple({"target": key, "value": item} for key, item in _pairs(value, "effects"))

    @field_serializer("effects")
    def _effects_as_mapping(self, effects: tuple[Effect, ...]) -> dict[str, EffectValue]:
        return {effect.target: effect.value for effect in effects}

    def shown_at(self, stage: Stage | None) -> bool:
        """True if someone at ``stage`` sees this (None: the stage is not known yet)."""
        return _shown_at(self.stages, stage)


class Option(Choice):
    """One answer to a single-choice, multiple-choice or this-or-that question."""

    neutral: bool = Field(
        default=False,
        description="true for the 'not sure' (or 'none of these') answer. It must have no effects.")
    exclusive: bool = Field(
        default=False,
        description="Multiple choice only: true if this cannot be picked with other options.")


class RatingItem(Choice):
    """One activity in a rating question. Its effects say what 'like' means."""


class Question(_Frozen):
    """One page of the flow: the question, how it is answered and what each answer means."""

    id: Id = Field(description="Short name in lower case with underscores, unique in the flow.")
    text: Sentence = Field(description="The question, in plain words.")
    hint: Hint = Field(default="", description="Optional extra help shown under the question.")
    stage_hints: tuple[tuple[Stage, Hint], ...] = Field(
        default=(), description="A hint for people at one stage, shown instead of 'hint'.")
    type: QuestionType = Field(
        description="single, multiple, rating, this_or_that or text.")
    stages: tuple[Stage, ...] | None = Field(
        default=None, min_length=1,
        description="Ask this only of people at these stages. Leave out to ask everyone.")
    required: bool = Field(
        default=True, description="false if the person may skip the question.")
    options: tuple[Option, ...] = Field(
        default=(), description="The answers to pick from (single, multiple, this_or_that).")
    items: tuple[RatingItem, ...] = Field(
        default=(), description="The activities to rate (rating questions only).")

    @field_validator("stage_hints", mode="before")
    @classmethod
    def _hints_from_mapping(cls, value: Any) -> Any:
        if isinstance(value, (tuple, list)):
            return value
        pairs = _pairs(value, "stage_hints")
        for key, _ in pairs:
            if key not in {stage.value for stage in Stage}:
                raise ValueError(f"'{key}' in stage_hints is not a stage; use one of: {STAGE_WORDS}")
        return pairs

    @field_serializer("stage_hints")
    def _hints_as_mapping(self, hints: tuple[tuple[Stage, str], ...]) -> dict[str, str]:
        return {stage.value: text for stage, text in hints}

    @property
    def max_length(self) -> int:
        """Longest answer allowed, in characters (text questions only; 0 otherwise)."""
        return FREE_TEXT_LIMIT if self.type is QuestionType.TEXT else 0

    def shown_at(self, stage: Stage | None) -> bool:
        """True if this question is asked of someone at ``stage`` (None: not known yet)."""
        return _shown_at(self.stages, stage)

    def hint_for(self, stage: Stage | None) -> str:
        """The hint someone at ``stage`` sees: the stage hint if there is one, else ``hint``."""
        return next((text for key, text in self.stage_hints if key == stage), self.hint)

    def for_stage(self, stage: Stage | None) -> Question:
        """This question as someone at ``stage`` sees it: their options, items and hint."""
        return self.model_copy(update={
            "options": tuple(o for o in self.options if o.shown_at(stage)),
            "items": tuple(i for i in self.items if i.shown_at(stage)),
            "hint": self.hint_for(stage),
            "stage_hints": (),
        })

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def item(self, item_id: str) -> RatingItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def choices(self) -> tuple[Choice, ...]:
        """Options and rating items together: everything whose effects this question can apply."""
        return (*self.options, *self.items)


class Flow(_Frozen):
    """A whole questionnaire: an id, a title, a short intro and its questions in order."""

    id: Id = Field(description="The flow's id; must equal the file name without '.yaml'.")
    title: Sentence = Field(description="The flow's title, shown on the first page.")
    intro: Hint = Field(default="", description="A few words shown before the first question.")
    questions: tuple[Question, ...] = Field(min_length=1, description="The questions, in order.")

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def stage_question(self) -> Question | None:
        """The question whose options set ``stage``, if the flow has one (it comes first)."""
        return next((q for q in self.questions
                     if any(e.target == "stage" for o in q.options for e in o.effects)), None)
