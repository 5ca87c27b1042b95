"""Save or share: make a code (with a link and QR code), and open a code someone made.

A code never travels in a web address the server sees: it is typed into a form (posted),
then kept in this browser's encrypted session while the shared suggestions are open. A
share link carries it after '#', which browsers never send, and a small script fills the
form from it; without JavaScript the person types the code shown beside the link.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from compass.sharecode import MAX_TYPED_LENGTH, ShareCodeError, SharedAnswers, canonical_code
from web import journey, params
from web.answer_form import FieldError
from web.pages import answer_rows, qr_svg, read_code_or_404, share_url, stage_args, suggestions_for
from web.services import current_services

bp = Blueprint("share", __name__)
WHAT_TO_DO = "Check it with the person who made it and type it again using 'Open a code'."
OPENED = "opened_code"


@bp.get("/save")
def save() -> str | Response:
    services = current_services()
    answers = journey.complete_answers(services.flow)
    if answers is None:
        return redirect(url_for("questions.begin"))
    today = date.today()
    code = services.codec.make(answers, journey.not_for_me(services.catalogue), today)
    link = share_url(code)
    return render_template("share/save.html", code=code, link=link, qr_svg=qr_svg(link),
                           expires_on=services.codec.expires_on(today))


@bp.get("/code")
def enter() -> str:
    return render_template("share/enter.html", errors=(), entered="", nav="share.enter")


@bp.post("/code")
def open_code() -> Response | tuple[str, int]:
    typed = params.text(params.form("code"), "code", MAX_TYPED_LENGTH)
    services = current_services()
    try:
        services.codec.read(typed, services.catalogue.role_ids, date.today())
    except ShareCodeError as exc:
        errors = (FieldError("code", str(exc) if typed.strip() else "Enter a code"),)
        return render_template("share/enter.html", errors=errors, entered=typed,
                               nav="share.enter"), 400
    session[OPENED] = canonical_code(typed)
    return redirect(url_for("share.view"), code=303)


def _opened() -> tuple[str, SharedAnswers] | Response:
    code = session.get(OPENED)
    if not isinstance(code, str):
        return redirect(url_for("share.enter"))
    return code, read_code_or_404(code, WHAT_TO_DO)


@bp.get("/code/shared")
def view() -> str | Response:
    opened = _opened()
    if isinstance(opened, Response):
        return opened
    code, shared = opened
    suggestions = suggestions_for(shared.answers, shared.not_for_me)
    return render_template("share/view.html", code=code, issued=shared.issued,
                           suggestions=suggestions, interactive=False,
                           steps_args=stage_args(suggestions))


@bp.get("/code/shared/print")
def printable() -> str | Response:
    opened = _opened()
    if isinstance(opened, Response):
        return opened
    code, shared = opened
    return render_template(
        "results/print.html", suggestions=suggestions_for(shared.answers, shared.not_for_me),
        rows=answer_rows(shared.answers), shared=True, made_on=shared.issued, code=code,
        expires_on=current_services().codec.expires_on(shared.issued),
        code_url=share_url(code), back_url=url_for("share.view"))


@bp.post("/code/shared/use")
def use() -> Response:
    params.form()
    opened = _opened()
    if isinstance(opened, Response):
        return opened
    _, shared = opened
    journey.replace_all(shared.answers, shared.not_for_me)
    return redirect(url_for("results.index"), code=303)
