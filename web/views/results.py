"""The person's suggestions: the list, 'not for me', putting roles back, and a printout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from compass.catalogue import Catalogue
from compass.questionnaire import Answers
from web import journey, params
from web.results import PAGE, SHOW_CHOICES, suggest
from web.services import Services, services
from web.views.questions import CheckRow, describe

bp = Blueprint("results", __name__)


def _show() -> int:
    return int(params.choice(request.args, "show", SHOW_CHOICES) or PAGE)


def _answers_or_none() -> Answers | None:
    return journey.complete_answers(services().flow)


def _results_state() -> tuple[Services, Answers, list[str], int] | None:
    """What a results page needs, or None when the answers are not complete yet."""
    params.query("show")
    show = _show()
    answers = _answers_or_none()
    if answers is None:
        return None
    found = services()
    return found, answers, journey.not_for_me(found.catalogue), show


@bp.get("/results")
def index() -> str | Response:
    state = _results_state()
    if state is None:
        return redirect(url_for("questions.begin"))
    found, answers, hidden, show = state
    suggestions = suggest(found, answers, hidden, show)
    return render_template("results/index.html", suggestions=suggestions, interactive=True,
                           steps_args={}, nav="results.index")


@bp.post("/results/not-for-me")
def not_for_me() -> Response:
    return _change_hidden(journey.add_not_for_me)


@bp.post("/results/put-back")
def put_back() -> Response:
    return _change_hidden(journey.put_back)


def _change_hidden(change: Callable[[Catalogue, str], None]) -> Response:
    params.query("show")
    catalogue = services().catalogue
    role_id = params.choice(params.form("role"), "role", catalogue.role_ids)
    if role_id is None:
        return redirect(url_for("results.index", show=_show()), code=303)
    change(catalogue, role_id)
    return redirect(url_for("results.index", show=_show()) + "#results", code=303)


@bp.get("/results/print")
def printable() -> str | Response:
    state = _results_state()
    if state is None:
        return redirect(url_for("questions.begin"))
    found, answers, hidden, show = state
    today = date.today()
    code = found.codec.make(answers, hidden, today)
    return render_template(
        "results/print.html", suggestions=suggest(found, answers, hidden, show),
        rows=answer_rows(answers), shared=False, made_on=today, code=code,
        expires_on=today + timedelta(days=found.settings.share_code_days),
        code_url=share_url(code), back_url=url_for("results.index", show=show))


def answer_rows(answers: Answers) -> list[CheckRow]:
    flow = services().flow
    raw = answers.to_dict()
    return [CheckRow(q, describe(q, raw.get(q.id))) for q in journey.path(flow, raw)
            if q.id in raw]


def share_url(code: str) -> str:
    base = services().settings.public_url.rstrip("/")
    if base:
        return base + url_for("share.view", code=code)
    return url_for("share.view", code=code, _external=True)
