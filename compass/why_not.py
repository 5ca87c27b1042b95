"""'Not for me, because ...': an optional reason that changes the Profile, openly.

A young person who hides a suggestion may say why. Each reason makes one visible change to
their Profile (or none, and says so), with a sentence telling them what changed; taking the
reason back undoes it, because the change is worked out afresh from the reasons each time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from compass.catalogue import Role
from compass.catalogue.vocab import RIASEC, Labelled
from compass.profile import Profile

NOT_MY_KIND_INTEREST = 0.3   # the hidden role's strongest interest area is set no higher than this
STUDY_LIMIT_WHEN_UNSET = 2   # "too much study" with no limit given: up to 2 years from now
INTEREST_WORDS = {
    "realistic": "practical work with tools and equipment", "investigative": "science and finding out",
    "artistic": "creative work", "social": "caring for and helping people",
    "enterprising": "leading and persuading people", "conventional": "records, data and admin",
}


class WhyNot(Labelled):
    TOO_MUCH_STUDY = ("too-much-study", "Too much study")
    BLOOD = ("blood-and-needles", "Blood and needles")
    SHIFTS = ("shifts", "Shifts, nights or weekends")
    PAY = ("pay", "The pay")
    NOT_MY_KIND = ("not-my-kind", "Not my kind of work")


@dataclass(frozen=True)
class Change:
    """One reason given for hiding one role, and what it changed, in words."""

    reason: WhyNot
    role: Role
    message: str


def apply_why_not(profile: Profile, given: Iterable[tuple[WhyNot, Role]]) -> tuple[Profile, tuple[Change, ...]]:
    """``profile`` with each (reason, hidden role) applied in turn, and what each changed."""
    changes = []
    for reason, role in given:
        profile, message = _APPLY[reason](profile, role)
        changes.append(Change(reason, role, message))
    return profile, tuple(changes)


def _too_much_study(profile: Profile, role: Role) -> tuple[Profile, str]:
    current = profile.constraints.max_study_years
    limit = STUDY_LIMIT_WHEN_UNSET if current is None else max(current - 1, 0)
    constraints = profile.constraints.model_copy(update={"max_study_years": limit})
    years = "no more full-time study" if limit == 0 else f"up to {limit} year{'s' * (limit != 1)} of full-time study"
    return (profile.model_copy(update={"constraints": constraints}),
            f"We now only show jobs you can start with {years}.")


def _blood(profile: Profile, role: Role) -> tuple[Profile, str]:
    likes = profile.likes.model_copy(update={"clinical_procedures": -1.0})
    return (profile.model_copy(update={"likes": likes}),
            "We have moved jobs with blood tests and needles down.")


def _shifts(profile: Profile, role: Role) -> tuple[Profile, str]:
    constraints = profile.constraints.model_copy(update={"shift_work_ok": False})
    return (profile.model_copy(update={"constraints": constraints}),
            "We have moved jobs with nights or on-call down, and we say when a job has shifts.")


def _pay(profile: Profile, role: Role) -> tuple[Profile, str]:
    return profile, "We have taken it off your list. Each job shows its pay, so you can compare."


def _not_my_kind(profile: Profile, role: Role) -> tuple[Profile, str]:
    area = max(RIASEC, key=lambda a: getattr(role.interests, a))
    value = min(getattr(profile.interests, area), NOT_MY_KIND_INTEREST)
    interests = profile.interests.model_copy(update={area: value})
    return (profile.model_copy(update={"interests": interests}),
            f"We have moved jobs that are mostly {INTEREST_WORDS[area]} down.")


_APPLY = {WhyNot.TOO_MUCH_STUDY: _too_much_study, WhyNot.BLOOD: _blood, WhyNot.SHIFTS: _shifts,
          WhyNot.PAY: _pay, WhyNot.NOT_MY_KIND: _not_my_kind}
