"""The effects model: how an answer changes a Profile.

Each option, and each item of a rating question, has ``effects``: ``target: value`` lines,
where a target names one Profile field. There are two kinds of target.

**Set targets** -- ``stage``, ``age`` and ``constraints.<field>`` (``max_study_years``,
``earn_while_learning``, ``shift_work_ok``, ``has_gcse_english_maths``). Picking the option
sets the field to the value (``null`` is allowed where the Profile allows it). Only
single-choice and this-or-that options may set a target, and no two questions that can be
asked of the same person may set the same target, so question order never matters.

**Evidence targets** -- ``interests.<area>`` (the six RIASEC areas, 0 to 1) and
``likes.<dimension>`` (the thirteen kinds of work, -1 to 1). Each picked option and each
rated item *adds* one piece of evidence for that dimension. The Profile value is the mean
of all the evidence for it, rounded to 3 decimal places. So interests are averaged from
several everyday activities, and one keen answer does not outweigh three lukewarm ones.

**Rating items** say what *like* means, e.g. ``interests.realistic: 1.0``. *Dislike* adds
the mirror image around neutral (an interest ``v`` becomes ``1 - v``, a like ``v`` becomes
``-v``), and *not sure* adds nothing. A rating item's values must sit on the *like* side of
neutral (interest above 0.5, like above 0).

**'Not sure' leaves a dimension neutral.** Neutral options (``neutral: true``) carry no
effects. A dimension with no evidence stays neutral (interest 0.5, like 0) and a set
target nobody set keeps the Profile default (``null``, or ``false`` for
``earn_while_learning``). So 'not sure' everywhere gives a
neutral Profile, and changing one answer only moves the dimensions that answer is about.

**Free text**: the answer to the flow's one text question becomes ``free_text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pydantic import ValidationError

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.profile import Constraints, Profile
from compass.questionnaire.models import EffectValue

FREE_TEXT_TARGET = "free_text"


class TargetKind(Enum):
    SET = "set"
    EVIDENCE = "evidence"


@dataclass(frozen=True)
class Target:
    """A Profile field an effect can change."""

    name: str
    kind: TargetKind
    neutral: float = 0.0
    low: float = 0.0
    high: float = 0.0

    def mirrored(self, value: float) -> float:
        """The evidence a 'dislike' adds, given what 'like' adds."""
        return 2 * self.neutral - value


def _targets() -> dict[str, Target]:
    targets = {"stage": Target("stage", TargetKind.SET), "age": Target("age", TargetKind.SET)}
    for field in Constraints.model_fields:
        name = f"constraints.{field}"
        targets[name] = Target(name, TargetKind.SET)
    for area in RIASEC:
        name = f"interests.{area}"
        targets[name] = Target(name, TargetKind.EVIDENCE, neutral=0.5, low=0.0, high=1.0)
    for dimension in LIKE_DIMENSIONS:
        name = f"likes.{dimension}"
        targets[name] = Target(name, TargetKind.EVIDENCE, neutral=0.0, low=-1.0, high=1.0)
    return targets


TARGETS: dict[str, Target] = _targets()


def value_problem(target: Target, value: EffectValue) -> str | None:
    """Why ``value`` cannot be given to ``target``, or None if it can."""
    if target.kind is TargetKind.EVIDENCE:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"should be a number from {target.low:g} to {target.high:g}, not '{value}'"
        if not target.low <= value <= target.high:
            return f"{value} is out of range: use a number from {target.low:g} to {target.high:g}"
        return None
    if target.name == "stage":
        stages = [s.value for s in Stage]
        if value is not None and value not in stages:
            return f"'{value}' is not a stage; use one of: {', '.join(stages)}"
        return None
    return _set_value_problem(target.name, value)


def _set_value_problem(name: str, value: EffectValue) -> str | None:
    """Check a value for ``age`` or ``constraints.*`` against the Profile itself."""
    data: dict[str, object] = {}
    cursor = data
    *parents, leaf = name.split(".")
    for parent in parents:
        cursor = cursor.setdefault(parent, {})  # type: ignore[assignment]
    cursor[leaf] = value
    try:
        Profile.model_validate(data, strict=True)
    except ValidationError as exc:
        message = str(exc.errors()[0]["msg"])
        message = message.removeprefix("Input should be ").removeprefix("Value error, ")
        return f"'{value}' is not allowed here: it should be {message}"
    return None


def is_like_side(target: Target, value: EffectValue) -> bool:
    """True if ``value`` is above neutral, as a rating item's 'like' value must be."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > target.neutral
