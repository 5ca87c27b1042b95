"""Helpers several pages share: answers in words, share links, opening a code, suggestions.

Views import from here (and from the engine), never from each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import segno
from flask import url_for

from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.questionnaire import Answers, Question, QuestionType, Rating, score, stage_of
from compass.sharecode import (
    INVALID_TITLE,
    ShareCodeError,
    SharedAnswers,
    canonical_code,
    format_short_code,
    normalise_short_code,
)
from compass.suggestions import PAGE, Suggestions
from compass.why_not import WhyNot
from web import journey
from web.errors import PageError
from web.services import current_services
from web.stores import share_store


@dataclass(frozen=True)
class CheckRow:
    question: Question
    lines: tuple[str, ...]


def describe(question: Question, value: object) -> tuple[str, ...]:
    """An answer in words, as the check page and printouts show it."""
    if question.type is QuestionType.TEXT:
        return (str(value) if value else "You skipped this",)
    if question.type is QuestionType.RATING and isinstance(value, dict):
        return tuple(f"{item.label}: {Rating(value[item.id]).label}"
                     for item in question.items if item.id in value)
    chosen = value if isinstance(value, list) else [value]
    return tuple(o.label for o in question.options if o.id in chosen) or ("Not answered",)


def answer_rows(answers: Answers) -> list[CheckRow]:
    """Each question on the person's path that they answered, with the answer in words."""
    raw = answers.to_dict()
    return [CheckRow(q, describe(q, raw.get(q.id)))
            for q in journey.path(current_services().flow, raw) if q.id in raw]


def suggestions_for(answers: Answers, not_for_me: Sequence[str], show: int = PAGE,
                    why_not: Sequence[tuple[WhyNot, str]] = ()) -> Suggestions:
    return current_services().suggestions(answers, not_for_me, show, why_not)


def share_url(code: str) -> str:
    """The link to open a code: the code rides after '#', which browsers never send to a
    server, so no proxy or access log ever records it."""
    base = current_services().settings.public_url.rstrip("/")
    page = base + url_for("share.enter") if base else url_for("share.enter", _external=True)
    return f"{page}#{code}"


def qr_svg(link: str, label: str = "QR code for your link") -> str:
    """An inline SVG QR code for ``link``, made here on the server."""
    svg: str = segno.make(link, error="m").svg_inline(scale=4, title=label, svgclass="app-qr__image")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def join_url(join_code: str) -> str:
    """The link a class scans to join: the code rides after '#', never sent to a server."""
    base = current_services().settings.public_url.rstrip("/")
    page = base + url_for("groups.join") if base else url_for("groups.join", _external=True)
    return f"{page}#{join_code}"


def read_code(code: str) -> SharedAnswers:
    """The answers behind a short code (from the database) or a long signed code; raises
    :class:`ShareCodeError` the same way for a forged, unknown, deleted or expired one."""
    services = current_services()
    if normalise_short_code(code) is not None:
        return share_store().read(services.flow, code, frozenset(services.catalogue.role_ids),
                                  date.today())
    return services.codec.read(code, services.catalogue.role_ids, date.today())


def checked_code(typed: str) -> str:
    """``typed`` in its canonical form ('K7QM-42XD', or the long code grouped) once it is
    known to work; raises :class:`ShareCodeError` otherwise."""
    read_code(typed)
    short = normalise_short_code(typed)
    return format_short_code(short) if short else canonical_code(typed)


def read_code_or_404(code: str, what_to_do: str) -> SharedAnswers:
    """The answers in a share code, or the 'code does not work' page ending with ``what_to_do``."""
    try:
        return read_code(code)
    except ShareCodeError as exc:
        raise PageError(404, INVALID_TITLE, f"{exc.detail} {what_to_do}") from None


def shared_suggestions(shared: SharedAnswers) -> Suggestions:
    """The list a code stands for: exactly the one its maker saw (a short code keeps why
    each role was hidden too)."""
    catalogue = current_services().catalogue
    why = [(WhyNot(reason), role) for reason, role in shared.why_not
           if reason in {w.value for w in WhyNot} and catalogue.has_role(role)]
    return suggestions_for(shared.answers, shared.not_for_me, why_not=why)


def current_profile(stage: Stage | None = None) -> Profile:
    """The Profile from this browser's answers so far, at ``stage`` if one is given.

    With the person's own answers, the next-steps and role pages show the same best next
    step as their results; someone else's page (a share code's) carries only the stage.
    """
    services = current_services()
    answers = journey.complete_answers(services.flow)
    profile = score(services.flow, answers) if answers is not None else None
    if profile is None:
        answered = journey.answers_so_far(services.flow)
        return Profile(stage=stage or stage_of(services.flow, answered))
    if stage is not None and stage is not profile.stage:
        return profile.model_copy(update={"stage": stage})
    return profile


def stage_args(suggestions: Suggestions) -> dict[str, str]:
    """The query arguments that carry a person's stage to the next-steps page."""
    return {"stage": suggestions.stage.value} if suggestions.stage else {}
