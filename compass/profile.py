"""The Profile: the one contract between the question flow and the engine.

Its JSON form is a stable, documented interface (see README, "The Profile"). Every field
is optional with a neutral default; unknown keys and out-of-range values are rejected.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.errors import ProfileError

Interest = Annotated[float, Field(ge=0.0, le=1.0)]
Like = Annotated[float, Field(ge=-1.0, le=1.0)]
FREE_TEXT_LIMIT = 500


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Interests(_Frozen):
    """How much the person enjoys each RIASEC area, 0 (not at all) to 1 (a lot). 0.5 is neutral."""

    realistic: Interest = 0.5
    investigative: Interest = 0.5
    artistic: Interest = 0.5
    social: Interest = 0.5
    enterprising: Interest = 0.5
    conventional: Interest = 0.5

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in RIASEC)


class Likes(_Frozen):
    """What kind of work the person would like: -1 dislike, 0 neutral or not asked, 1 like."""

    patient_contact: Like = 0.0
    hands_on: Like = 0.0
    science: Like = 0.0
    technology: Like = 0.0
    creative: Like = 0.0
    organising: Like = 0.0
    leading: Like = 0.0
    physical_activity: Like = 0.0
    children_young_people: Like = 0.0
    mental_health: Like = 0.0
    emergencies: Like = 0.0
    on_the_move: Like = 0.0
    clinical_procedures: Like = 0.0

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in LIKE_DIMENSIONS)


class Constraints(_Frozen):
    """Practical limits. ``None`` means not sure or no limit."""

    max_study_years: int | None = Field(
        default=None, ge=0, le=10,
        description="Full-time study the person is willing to do from now; 0 = wants to earn now.")
    earn_while_learning: bool = Field(
        default=False, description="true if they want a route that pays while they train.")
    shift_work_ok: bool | None = Field(
        default=None, description="false if shifts, nights or weekends are not OK for them.")
    has_gcse_english_maths: bool | None = Field(
        default=None, description="Have or expect GCSE English and maths at grade 4; null if not sure.")


class Profile(_Frozen):
    """A young person's answers, turned into numbers the engine can rank roles against."""

    stage: Stage | None = None
    age: int | None = Field(default=None, ge=13, le=30)
    interests: Interests = Interests()
    likes: Likes = Likes()
    constraints: Constraints = Constraints()
    free_text: str = Field(default="", max_length=FREE_TEXT_LIMIT)

    def to_json(self) -> str:
        return self.model_dump_json()

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Any) -> Profile:
        """Validate a decoded JSON object; raise :class:`ProfileError` with a clear message."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise ProfileError(_explain(exc)) from None

    @classmethod
    def from_json(cls, text: str) -> Profile:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ProfileError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
        return cls.from_dict(data)


def _explain(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "profile"
        message = "is not a known field" if error["type"] == "extra_forbidden" else error["msg"]
        parts.append(f"{where}: {message}")
    return "; ".join(parts)
