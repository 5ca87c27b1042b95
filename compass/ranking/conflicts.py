"""Where a suggestion goes against something the person said, and what to tell them.

One home for every conflict rule. Two kinds:

* *pushing* conflicts move a role below every role without one: nights or on-call for
  someone who needs set day hours; a lot of a kind of work they clearly said they dislike
  (in the questions or in their own words), or even some of it when every answer about it
  said no ("I'd rather not", "I can't stand blood"); a role their own words rule out ("not
  with old people"). :func:`push_down` works them out for all roles at once; :func:`worth_knowing`
  says the same thing in words for one role, and tests hold the two to each other.
* *telling* conflicts only add a "Worth knowing" line: shifts or weekends without nights,
  some of a disliked kind of work, a route they cannot start yet because of their age, an
  apprenticeship that asks for GCSEs they do not expect, a job they named that their
  answers rule out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import Role
from compass.catalogue.vocab import LIKE_DIMENSIONS, WORK_ATTRIBUTE_FOR_LIKE, Level
from compass.profile import Profile
from compass.ranking.answers import EARLIEST_START_AGE, NO, AnswerBatch
from compass.ranking.phrases import quoted
from compass.ranking.role_index import NIGHTS_OR_ON_CALL, RoleIndex
from compass.signposting import Step
from compass.understanding import OwnWords

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
CLEAR_DISLIKE = -0.5          # a like answer at or below this is a clear dislike
STRONG_DISLIKE = -0.95        # every answer about it said no (likes are means of the answers)
PUSHING_AMOUNT = Level.A_LOT.amount          # of a clearly disliked kind of work
STRONG_PUSHING_AMOUNT = Level.SOME.amount    # of a strongly disliked kind of work
TELLING_AMOUNT = Level.SOME.amount
DISLIKED_WORK = {
    "patient_contact": "time with patients", "hands_on": "practical, hands-on work",
    "science": "science", "technology": "computers and technology", "creative": "creative work",
    "organising": "paperwork and admin", "leading": "team leading",
    "physical_activity": "lifting and being on your feet", "children_young_people": "work with children",
    "mental_health": "mental health support", "emergencies": "emergencies",
    "on_the_move": "travelling around", "clinical_procedures": "blood and needles",
}


def push_down(answers: AnswerBatch, index: RoleIndex, avoided_rows: BoolArray) -> BoolArray:
    """(n,) for the one profile in ``answers``: roles with a pushing conflict."""
    nights = (answers.shift_work_ok[0] == NO) & (index.shift_suitability == NIGHTS_OR_ON_CALL)
    likes = answers.likes[0]                                               # (13,)
    most = np.where(likes <= STRONG_DISLIKE, STRONG_PUSHING_AMOUNT, PUSHING_AMOUNT)
    too_much = (index.work >= most[None, :] - 1e-9) & (likes <= CLEAR_DISLIKE)[None, :]
    result: BoolArray = nights | too_much.any(axis=1) | avoided_rows
    return result


def worth_knowing(role: Role, step: Step, profile: Profile, own: OwnWords) -> tuple[str, ...]:
    """Plain sentences for every way ``role`` (and its best step) goes against what was said."""
    return worth_knowing_each([role], [step], profile, own)[0]


def worth_knowing_each(roles: Sequence[Role], steps: Sequence[Step], profile: Profile,
                       own: OwnWords) -> list[tuple[str, ...]]:
    """:func:`worth_knowing` for each role and its step, one list for one person."""
    dislikes = _clear_dislikes(profile)
    return [_worth_knowing(role, step, profile, own, dislikes)
            for role, step in zip(roles, steps, strict=True)]


def _worth_knowing(role: Role, step: Step, profile: Profile, own: OwnWords,
                   dislikes: tuple[str, ...]) -> tuple[str, ...]:
    lines = [*_shift_lines(role, profile), *_dislike_lines(role, dislikes, own)]
    if role.id in own.avoided_roles:
        lines.append(f"You wrote {quoted(own.quote_for(role.id))}. This job is mostly about that.")
    lines.extend(_route_lines(role, step, profile, own))
    return tuple(lines)


def pushes_down(role: Role, profile: Profile, own: OwnWords) -> bool:
    """The scalar twin of :func:`push_down` (for one role and an already-understood profile)."""
    nights = profile.constraints.shift_work_ok is False and role.work.has_nights
    too_much = any(role.work.amount(WORK_ATTRIBUTE_FOR_LIKE[dim]) >= _most(value) - 1e-9
                   for dim, value in zip(LIKE_DIMENSIONS, profile.likes.vector(), strict=True)
                   if value <= CLEAR_DISLIKE)
    return nights or too_much or role.id in own.avoided_roles


def _most(dislike: float) -> float:
    """How much of a disliked kind of work a role may have before it is pushed down."""
    return STRONG_PUSHING_AMOUNT if dislike <= STRONG_DISLIKE else PUSHING_AMOUNT


def _shift_lines(role: Role, profile: Profile) -> list[str]:
    if profile.constraints.shift_work_ok is not False or role.work.daytime_only:
        return []
    if role.work.has_nights:
        return ["You said you need set day hours. This job usually includes nights or being on call."]
    return ["You said you need set day hours. This job usually includes shifts or weekends."]


def _clear_dislikes(profile: Profile) -> tuple[str, ...]:
    """The like dimensions the person clearly said they dislike."""
    return tuple(dim for dim, value in zip(LIKE_DIMENSIONS, profile.likes.vector(), strict=True)
                 if value <= CLEAR_DISLIKE)


def _disliked(role: Role, dislikes: tuple[str, ...], amount: float) -> list[str]:
    return [dim for dim in dislikes
            if role.work.amount(WORK_ATTRIBUTE_FOR_LIKE[dim]) >= amount - 1e-9]


def _dislike_lines(role: Role, dislikes: tuple[str, ...], own: OwnWords) -> list[str]:
    lines = []
    for dim in _disliked(role, dislikes, TELLING_AMOUNT):
        level = getattr(role.work, WORK_ATTRIBUTE_FOR_LIKE[dim])
        how_much = "a lot of" if level is Level.A_LOT else "some"
        work = f"It has {how_much} {DISLIKED_WORK[dim]}"
        lines.append(f"You wrote {quoted(own.quote_for(dim))}. {work}." if own.quote_for(dim)
                     else f"{work}, which you would rather avoid.")
    return lines


def _route_lines(role: Role, step: Step, profile: Profile, own: OwnWords) -> list[str]:
    route = step.route
    lines = []
    if not step.fits:
        named = "You named this job, but" if role.id in own.named_roles else "On this way in,"
        lines.append(f"{named} {step.why.removeprefix('Worth knowing: ').rstrip('.')}. "
                     f"The way in that fits best: {route.name}.")
    if route.min_age and route.min_age > max(profile.age or route.min_age, EARLIEST_START_AGE):
        lines.append(f"You can start this from age {route.min_age}.")
    if profile.constraints.has_gcse_english_maths is False and route.needs_gcse_english_maths \
            and not route.needs_gcse_first:
        lines.append("This apprenticeship usually asks for GCSE English and maths at grade 4, "
                     "but you can often take Functional Skills in them alongside.")
    return lines
