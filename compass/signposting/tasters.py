"""Ways to try a job first, ordered for the person: what they can do now comes first."""

from __future__ import annotations

from dataclasses import dataclass

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.models import Role, WayToTry
from compass.catalogue.vocab import Stage
from compass.profile import Profile

# The youngest a person at each stage usually is: "open to you now" must hold for all of them.
YOUNGEST_AT_STAGE = {Stage.SCHOOL: 14, Stage.COLLEGE: 16, Stage.UNIVERSITY: 18,
                     Stage.WORKING: 16, Stage.NOT_WORKING: 16}


@dataclass(frozen=True)
class Taster:
    """One way to try a role, and whether this person is old enough for it now."""

    way: WayToTry
    open_now: bool


def current_age(profile: Profile) -> int | None:
    """The person's age, or the youngest age at their stage; None if neither is known."""
    if profile.age is not None:
        return profile.age
    return YOUNGEST_AT_STAGE[profile.stage] if profile.stage is not None else None


def tasters_for(catalogue: Catalogue, role: Role, profile: Profile) -> tuple[Taster, ...]:
    """The role's ways to try it: open now first, then Leeds ones, then by starting age.

    Ones the person has aged out of are left out; ones they are too young for stay, marked,
    so a 14-year-old can see what opens at 16.
    """
    age = current_age(profile)
    found = [catalogue.ways_to_try[w] for w in role.ways_to_try if w in catalogue.ways_to_try]
    kept = [w for w in found if age is None or w.max_age is None or age <= w.max_age]
    tasters = [Taster(w, w.open_at(age)) for w in kept]
    return tuple(sorted(tasters, key=lambda t: (not t.open_now, not t.way.in_leeds, t.way.min_age)))
