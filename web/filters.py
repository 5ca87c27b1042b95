"""Small template filters: pay, dates, lists in words, glossary links. Jinja autoescapes
everything they return except :func:`explain`, which escapes the text itself."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, g, request, url_for
from markupsafe import Markup, escape

from compass.catalogue import Pay, Role
from compass.catalogue.pay import pay_text, yearly_pay
from compass.search import badges
from compass.wording import join_words, sentence_case, years
from web.services import current_services

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


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def paid_training(role: Role) -> str:
    """The ways in that pay a wage from the start, or how long the study is if none do."""
    paid = role.paid_ways_in
    if paid:
        return "Yes: " + "; ".join(r.name for r in paid)
    if role.shortest_study_years:
        return f"No: you study full time first (at least {years(role.shortest_study_years)})"
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


def explain(text: str) -> Markup:
    """``text`` with the first use on this page of each glossary term linked to its meaning
    on the 'What words mean' page (a plain link: it works without JavaScript)."""
    linked: set[str] = g.setdefault("glossary_linked", set())
    parts, at = [], 0
    for found in current_services().terms.find(text, linked):
        parts += [escape(text[at:found.start]),
                  Markup('<a class="app-term" href="{}#{}">{}</a>').format(
                      url_for("start.words"), found.term.id, text[found.start:found.end])]
        at = found.end
    parts.append(escape(text[at:]))
    return Markup("").join(parts)


def first_mention(key: str) -> bool:
    """True the first time ``key`` is asked about on this page: say what a provider offers
    once, then just name it."""
    mentioned: set[str] = g.setdefault("mentioned", set())
    if key in mentioned:
        return False
    mentioned.add(key)
    return True


LINKS = "compass_links"
MOST_LINKS = 20_000  # far more than the addresses pages link to; a bound, not a tuning knob


def page_url(endpoint: str, **values: Any) -> str:
    """``url_for(endpoint, **values)``, built once per app for each address: a results page
    links to the same few dozen addresses for everyone. Templates use it for the links on
    every page (header, footer, result cards); ``url_for`` stays fine for the rest. Addresses
    that depend on more than the endpoint and values (relative endpoints, full URLs, list
    values) are built afresh each time."""
    if endpoint.startswith(".") or "_external" in values or "_scheme" in values or any(
            isinstance(v, list | dict | set) for v in values.values()):
        return url_for(endpoint, **values)
    built: dict[tuple[object, ...], str] = current_app.extensions.setdefault(LINKS, {})
    key = (request.script_root, endpoint, *sorted(values.items()))
    found = built.get(key)
    if found is None:
        if len(built) >= MOST_LINKS:
            built.clear()
        found = built[key] = url_for(endpoint, **values)
    return found


CARD_SIGNPOSTS = 3  # how many of a step's signposts fit on a results card


def init_app(app: Flask) -> None:
    app.jinja_env.globals["card_signposts"] = CARD_SIGNPOSTS
    app.jinja_env.globals["first_mention"] = first_mention
    app.jinja_env.globals["page_url"] = page_url
    for function in (pay, day, years, join_words, first_sentence, badges, yearly_pay, explain, sentence_case,
                     compare_rows, site_name):
        app.add_template_filter(function)
