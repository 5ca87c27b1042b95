"""Small template filters: pay, dates, lists in words. Jinja autoescapes everything they return."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from flask import Flask

from compass.catalogue import Pay, Role
from compass.catalogue.export import pay_text
from web.explore import RouteFilter, is_stepping_stone

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


def sentence_case(text: str) -> str:
    """Capital first letter only ('a GP practice' -> 'A GP practice')."""
    return text[:1].upper() + text[1:]


def paid_training(role: Role) -> str:
    """The ways in that pay a wage from the start, or how long the study is if none do."""
    paid = [r.name for r in role.entry_routes
            if r.paid_while_training and r.full_time_study_years == 0 and not is_stepping_stone(r)]
    if paid:
        return "Yes: " + "; ".join(paid)
    studies = [r.full_time_study_years for r in role.entry_routes if r.full_time_study_years]
    if studies:
        return f"No: you study full time first (at least {years(min(studies))})"
    return "Not usually"


def compare_rows(role: Role) -> list[tuple[str, str]]:
    """What the compare page shows for a role, row by row."""
    work = role.work
    return [
        ("What it is", role.summary),
        ("Pay", pay_text(role.pay)),
        ("Where you would work", sentence_case(join_words(s.label for s in role.settings))),
        ("Working hours", sentence_case(join_words(s.label for s in work.shifts))),
        ("Ways in", "; ".join(r.name + (" (paid)" if r.paid_while_training else "")
                              for r in role.entry_routes)),
        ("Paid from the start", paid_training(role)),
        ("Time with patients or people", sentence_case(work.patient_contact.label)),
        ("Hands-on work", sentence_case(work.hands_on.label)),
        ("Science", sentence_case(work.science.label)),
        ("Computers and tech", sentence_case(work.technology.label)),
    ]


def site_name(url: str) -> str:
    """A readable name for a source link, e.g. 'NHS Health Careers: healthcare assistant'."""
    parts = urlsplit(url)
    site = SITE_NAMES.get(parts.netloc, parts.netloc.removeprefix("www."))
    page = parts.path.rstrip("/").rsplit("/", 1)[-1]
    page = re.sub(r"[-_]+", " ", re.sub(r"\.[a-z]+$", "", page)).strip()
    return f"{site}: {page}" if page else site


def init_app(app: Flask) -> None:
    for function in (pay, day, years, join_words, first_sentence, route_labels, sentence_case,
                     compare_rows, site_name):
        app.add_template_filter(function)
