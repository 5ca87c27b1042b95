"""Small template filters: pay, dates, lists in words. Jinja autoescapes everything they return."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from flask import Flask

from compass.catalogue import Pay, Role
from compass.catalogue.export import pay_text
from web.explore import RouteFilter

SITE_NAMES = {
    "www.healthcareers.nhs.uk": "NHS Health Careers",
    "nationalcareers.service.gov.uk": "National Careers Service",
    "www.instituteforapprenticeships.org": "Institute for Apprenticeships",
    "www.skillsforcare.org.uk": "Skills for Care",
    "www.nhsemployers.org": "NHS Employers",
}


def pay(value: Pay) -> str:
    return pay_text(value)


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def years(value: float) -> str:
    number = f"{value:g}"
    return f"{number} year" if value == 1 else f"{number} years"


def join_words(items: Iterable[str]) -> str:
    """'a, b and c'."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def route_labels(role: Role) -> list[str]:
    """Which of the explorer's route filters this role meets, as short labels."""
    return [f.label for f in RouteFilter if any(f.matches(r) for r in role.entry_routes)]


def quickest_start(role: Role) -> str:
    """How soon you could start earning in the job, by its shortest route."""
    ways = [r for r in role.entry_routes if r.kind.value not in {"volunteering", "work-experience"}]
    fastest = min(ways or role.entry_routes, key=lambda r: (r.full_time_study_years, r.needs_degree))
    if fastest.needs_degree:
        return f"After a degree: {fastest.name}"
    if fastest.full_time_study_years == 0:
        return f"Straight away: {fastest.name}"
    return f"After {years(fastest.full_time_study_years)} of study: {fastest.name}"


def compare_rows(role: Role) -> list[tuple[str, str]]:
    """What the compare page shows for a role, row by row."""
    work = role.work
    return [
        ("What it is", role.summary),
        ("Pay", pay_text(role.pay)),
        ("Where you would work", join_words(s.label for s in role.settings).capitalize()),
        ("Working hours", join_words(s.label for s in work.shifts).capitalize()),
        ("Ways in", "; ".join(r.name + (" (paid)" if r.paid_while_training else "")
                              for r in role.entry_routes)),
        ("Quickest start", quickest_start(role)),
        ("Time with patients or people", work.patient_contact.label.capitalize()),
        ("Hands-on work", work.hands_on.label.capitalize()),
        ("Science", work.science.label.capitalize()),
        ("Computers and tech", work.technology.label.capitalize()),
    ]


def site_name(url: str) -> str:
    """A readable name for a source link, e.g. 'NHS Health Careers: healthcare assistant'."""
    parts = urlsplit(url)
    site = SITE_NAMES.get(parts.netloc, parts.netloc.removeprefix("www."))
    page = parts.path.rstrip("/").rsplit("/", 1)[-1]
    page = re.sub(r"[-_]+", " ", re.sub(r"\.[a-z]+$", "", page)).strip()
    return f"{site}: {page}" if page else site


def init_app(app: Flask) -> None:
    for function in (pay, day, years, join_words, first_sentence, route_labels, quickest_start,
                     compare_rows, site_name):
        app.add_template_filter(function)
