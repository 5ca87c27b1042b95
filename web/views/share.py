"""Save or share: make a code (with a link and QR code), and open a code someone made.

A code never travels in a web address the server sees: it is typed into a form (posted),
then kept in this browser's encrypted session while the shared suggestions are open. A
share link carries it after '#', which browsers never send, and a small script fills the
form from it; without JavaScript the person types the code shown beside the link.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import TypeVar

from flask import Blueprint, flash, redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from compass.groups import StoreUnavailable
from compass.sharecode import (
    MAX_TYPED_LENGTH,
    ShareCodeError,
    SharedAnswers,
)
from web import journey, params
from web.answer_form import FieldError
from web.pages import (
    answer_rows,
    checked_code,
    qr_svg,
    read_code_or_404,
    share_url,
    shared_suggestions,
    stage_args,
)
from web.services import current_services
from web.stores import share_store

ViewResult = TypeVar("ViewResult")

bp = Blueprint("share", __name__)
WHAT_TO_DO = "Check it with the person who made it and type it again using 'Open a code'."
OPENED = "opened_code"
MADE = journey.MADE_CODE


@bp.get("/save")
def save() -> str | Response:
    services = current_services()
    answers = journey.complete_answers(services.flow)
    if answers is None:
        return redirect(url_for("questions.begin"))
    today = date.today()
    hidden = journey.not_for_me(services.catalogue)
    why = tuple((reason.value, role) for reason, role in journey.why_not(services.catalogue))
    long_code = services.codec.make(answers, hidden, today)
    short = _short_code(SharedAnswers(answers, tuple(hidden), today, why))
    link = share_url(long_code)
    return render_template("share/save.html", code=short or long_code, short=short,
                           long_code=long_code, link=link, qr_svg=qr_svg(link),
                           expires_on=services.codec.expires_on(today))


def _short_code(shared: SharedAnswers) -> str | None:
    """This browser's short code for ``shared``: the one made before if nothing changed,
    else a new one. None when the database is down (the long code still works)."""
    fingerprint = hashlib.sha256(repr((shared.answers.to_dict(), shared.not_for_me,
                                       shared.why_not, shared.issued)).encode()).hexdigest()
    made = session.get(MADE)
    if isinstance(made, dict) and made.get("for") == fingerprint:
        return str(made["code"])
    try:
        code = share_store().make(current_services().flow, shared)
    except StoreUnavailable:
        return None
    session[MADE] = {"code": code, "for": fingerprint}
    return code


@bp.post("/save/delete")
def delete() -> Response:
    """Delete the short code this browser made: it stops working at once, for everyone."""
    params.form()
    made = session.pop(MADE, None)
    if isinstance(made, dict):
        share_store().delete(str(made.get("code", "")))
        flash("Your code is deleted. Nobody can use it now.")
    return redirect(url_for("results.index"), code=303)


@bp.get("/code")
def enter() -> str:
    return render_template("share/enter.html", errors=(), entered="", nav="share.enter")


@bp.post("/code")
def open_code() -> Response | tuple[str, int]:
    typed = params.text(params.form("code"), "code", MAX_TYPED_LENGTH)
    try:
        session[OPENED] = checked_code(typed)
    except ShareCodeError as exc:
        errors = (FieldError("code", str(exc) if typed.strip() else "Enter a code"),)
        return render_template("share/enter.html", errors=errors, entered=typed,
                               nav="share.enter"), 400
    return redirect(url_for("share.view"), code=303)


def with_opened_code(view: Callable[[str, SharedAnswers], ViewResult]) -> Callable[[], ViewResult | Response]:
    """Pass the view the code this browser opened and what it holds; with none opened, go to
    the page for typing one in."""
    @wraps(view)
    def opened() -> ViewResult | Response:
        code = session.get(OPENED)
        if not isinstance(code, str):
            return redirect(url_for("share.enter"))
        return view(code, read_code_or_404(code, WHAT_TO_DO))
    return opened


@bp.get("/code/shared")
@with_opened_code
def view(code: str, shared: SharedAnswers) -> str:
    suggestions = shared_suggestions(shared)
    return render_template("share/view.html", code=code, issued=shared.issued,
                           suggestions=suggestions, steps_args=stage_args(suggestions))


@bp.get("/code/shared/print")
@with_opened_code
def printable(code: str, shared: SharedAnswers) -> str:
    return render_template(
        "results/print.html", suggestions=shared_suggestions(shared),
        rows=answer_rows(shared.answers), shared=True, made_on=shared.issued, code=code,
        expires_on=current_services().codec.expires_on(shared.issued),
        code_url=share_url(code), back_url=url_for("share.view"))


@bp.post("/code/shared/use")
@with_opened_code
def use(_code: str, shared: SharedAnswers) -> Response:
    params.form()
    journey.replace_all(shared.answers, shared.not_for_me, shared.why_not)
    return redirect(url_for("results.index"), code=303)
