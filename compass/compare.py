"""Comparing jobs against what the person answered: one row per answer that can rule a job
in or out (blood and needles, the youngest starting age, GCSEs, years of study, shifts).
Ages and years count the study a way in needs first (A levels before a degree, a degree
before a postgraduate course), as the engine's route plans do.

Each cell says what the job asks and whether it fits the answer; a row the person did not
answer still shows the facts, with no mark. The rules are the engine's own: the same dislike
threshold as the 'Worth knowing' lines, the same ways in and study years.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compass.catalogue import EntryRoute, Role
from compass.catalogue.vocab import Level
from compass.profile import Profile
from compass.ranking.answers import EARLIEST_START_AGE
from compass.ranking.conflicts import CLEAR_DISLIKE
from compass.ranking.routes import years_before_start
from compass.wording import years

# Someone who has just finished their GCSEs: the youngest anyone could start from.
JUST_AFTER_GCSES = Profile(age=EARLIEST_START_AGE)
REGISTERED_FIRST = "Only after qualifying in another job first"


@dataclass(frozen=True)
class Cell:
    text: str
    fits: bool | None = None   # None: they did not answer this, so no mark


@dataclass(frozen=True)
class AnswerRow:
    label: str
    you_said: str               # '' when they did not answer
    cells: tuple[Cell, ...]


def answer_rows(roles: Sequence[Role], profile: Profile) -> list[AnswerRow]:
    """A row for each answer that can rule a job in or out, with a cell per role."""
    rows: list[tuple[str, str, Callable[[Role], Cell]]] = [
        ("Blood and needles", *_blood(profile)),
        ("Youngest age to start", *_age(profile)),
        ("GCSE English and maths", *_gcse(profile)),
        ("Full-time study before you start", *_study(profile)),
        ("Working hours", *_hours(profile)),
    ]
    return [AnswerRow(label, said, tuple(cell(role) for role in roles)) for label, said, cell in rows]


def _blood(profile: Profile) -> tuple[str, Callable[[Role], Cell]]:
    dislikes = profile.likes.clinical_procedures <= CLEAR_DISLIKE

    def cell(role: Role) -> Cell:
        level = role.work.clinical_procedures
        return Cell(level.label.capitalize(), (level.amount < Level.SOME.amount) if dislikes else None)

    return ("You would rather avoid them" if dislikes else ""), cell


def _age(profile: Profile) -> tuple[str, Callable[[Role], Cell]]:
    can_start = max(profile.age or 0, EARLIEST_START_AGE)

    def cell(role: Role) -> Cell:
        open_routes = _open_to_newcomers(role)
        if not open_routes:
            return Cell(REGISTERED_FIRST, False if profile.age else None)
        youngest = min(EARLIEST_START_AGE + years_before_start(r, JUST_AFTER_GCSES) for r in open_routes)
        # The mark is for an age limit only (a driving licence, say): study first has its own row.
        age_limit = min((r.min_age or EARLIEST_START_AGE) for r in open_routes)
        return Cell(f"From {youngest:g}", (age_limit <= can_start) if profile.age else None)

    return (f"You are {profile.age}" if profile.age else ""), cell


def _gcse(profile: Profile) -> tuple[str, Callable[[Role], Cell]]:
    has = profile.constraints.has_gcse_english_maths

    def cell(role: Role) -> Cell:
        open_without = any(not r.needs_gcse_first for r in role.ways_in)
        text = "Not needed on every way in" if open_without else "Needed before you start"
        return Cell(text, open_without if has is False else (True if has else None))

    said = "" if has is None else ("You have them (or will)" if has else "You do not have them yet")
    return said, cell


def _study(profile: Profile) -> tuple[str, Callable[[Role], Cell]]:
    most = profile.constraints.max_study_years

    def cell(role: Role) -> Cell:
        open_routes = _open_to_newcomers(role)
        if not open_routes:
            return Cell(REGISTERED_FIRST, False if most is not None else None)
        shortest = min(years_before_start(r, profile) + r.full_time_study_years for r in open_routes)
        text = "None: you train on the job" if not shortest else f"At least {years(shortest)}"
        return Cell(text, (shortest <= most) if most is not None else None)

    said = "" if most is None else ("None: you want to earn now" if most == 0 else f"Up to {years(most)}")
    return said, cell


def _hours(profile: Profile) -> tuple[str, Callable[[Role], Cell]]:
    days_only = profile.constraints.shift_work_ok is False

    def cell(role: Role) -> Cell:
        work = role.work
        text = "Daytime hours" if work.daytime_only else (
            "Includes nights or being on call" if work.has_nights else "Shifts or weekends")
        return Cell(text, work.daytime_only if days_only else None)

    return ("You need set day hours" if days_only else ""), cell


def _open_to_newcomers(role: Role) -> tuple[EntryRoute, ...]:
    """Ways in that someone new to health and care could take (not only for people already
    registered in another profession), each counted from where they start: the study before
    it (A levels, a first degree) as well as its own."""
    return tuple(r for r in role.ways_in if not r.needs_registration_first)
