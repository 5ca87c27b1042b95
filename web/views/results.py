"""The person's suggestions: the list, 'not for me', putting roles back, and a printout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response

from compass.catalogue import Catalogue
from compass.questionnaire import Answers
from compass.suggestions import MOST, PAGE
from compass.why_not import WhyNot
from web import journey, params
from web.pages import answer_rows, share_url, suggestions_for
from web.services import current_services

bp = Blueprint("results", __name__)
LIST_ANCHOR = "#list-message"


def _show() -> int:
    """How many suggestions to show: a whole number of pages, clamped to what there is."""
    asked = params.query("show").number("show", PAGE, MOST) or PAGE
    return -(-asked // PAGE) * PAGE


def _results_state() -> tuple[Answers, list[str], int] | None:
    """What a results page needs, or None when the answers are not complete yet."""
    show = _show()
    services = current_services()
    answers = journey.complete_answers(services.flow)
    if answers is None:
        return None
    return answers, journey.not_for_me(services.catalogue), show


@bp.get("/results")
def index() -> str | Response:
    state = _results_state()
    if state is None:
        return redirect(url_for("questions.begin"))
    answers, hidden, show = state
    catalogue = current_services().catalogue
    suggestions = suggestions_for(answers, hidden, show, journey.why_not(catalogue))
    last = journey.last_hidden(catalogue)
    return render_template("results/index.html", suggestions=suggestions, nav="results.index",
                           last_hidden=catalogue.role(last) if last else None,
                           last_change=next((c for c in suggestions.changes if c.role.id == last), None),
                           why_not_choices=list(WhyNot), made_code=journey.made_code())


@bp.post("/results/why-not")
def why_not() -> Response:
    """A reason for the role just hidden; it changes the Profile, and the page says how."""
    catalogue = current_services().catalogue
    role_id = params.choice(params.form("role", "reason"), "role", journey.not_for_me(catalogue))
    reason = params.choice(params.form("role", "reason"), "reason", [w.value for w in WhyNot])
    if role_id is not None and reason is not None:
        journey.give_why_not(catalogue, WhyNot(reason), role_id)
    return redirect(url_for("results.index", show=_show()) + LIST_ANCHOR, code=303)


@bp.post("/results/why-not/undo")
def undo_why_not() -> Response:
    catalogue = current_services().catalogue
    role_id = params.choice(params.form("role"), "role", journey.not_for_me(catalogue))
    if role_id is not None:
        journey.take_back_why_not(catalogue, role_id)
    return redirect(url_for("results.index", show=_show()) + LIST_ANCHOR, code=303)


@bp.post("/results/not-for-me")
def not_for_me() -> Response:
    return _change_hidden(journey.add_not_for_me)


@bp.post("/results/put-back")
def put_back() -> Response:
    return _change_hidden(journey.put_back)


def _change_hidden(change: Callable[[Catalogue, str], None]) -> Response:
    catalogue = current_services().catalogue
    role_id = params.choice(params.form("role"), "role", catalogue.role_ids)
    if role_id is None:
        return redirect(url_for("results.index", show=_show()), code=303)
    change(catalogue, role_id)
    return redirect(url_for("results.index", show=_show()) + LIST_ANCHOR, code=303)


@bp.get("/results/print")
def printable() -> str | Response:
    state = _results_state()
    if state is None:
        return redirect(url_for("questions.begin"))
    answers, hidden, show = state
    codec = current_services().codec
    today = date.today()
    code = codec.make(answers, hidden, today)
    return render_template(
        "results/print.html", suggestions=suggestions_for(answers, hidden, show),
        rows=answer_rows(answers), shared=False, made_on=today, code=code,
        expires_on=codec.expires_on(today), code_url=share_url(code),
        back_url=url_for("results.index", show=show))
