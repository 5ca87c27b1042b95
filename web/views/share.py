"""Save or share: make a code (with a link and QR code), and open a code someone made."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response

from compass.sharecode import MAX_TYPED_LENGTH, ShareCodeError, canonical_code
from web import journey, params
from web.answer_form import FieldError
from web.pages import answer_rows, qr_svg, read_code_or_404, share_url, stage_args, suggestions_for
from web.services import current_services

bp = Blueprint("share", __name__)
WHAT_TO_DO = "Check it with the person who made it and type it again using 'Open a code'."


@bp.get("/save")
def save() -> str | Response:
    params.query()
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
def enter() -> str | Response | tuple[str, int]:
    values = params.query("code")
    typed = params.text(values, "code", MAX_TYPED_LENGTH)
    if "code" not in values:
        return render_template("share/enter.html", errors=(), entered="", nav="share.enter")
    services = current_services()
    try:
        services.codec.read(typed, services.catalogue.role_ids, date.today())
    except ShareCodeError as exc:
        errors = (FieldError("code", str(exc) if typed.strip() else "Enter a code"),)
        return render_template("share/enter.html", errors=errors, entered=typed,
                               nav="share.enter"), 400
    return redirect(url_for("share.view", code=canonical_code(typed)))


@bp.get("/code/<code>")
def view(code: str) -> str:
    params.query()
    shared = read_code_or_404(code, WHAT_TO_DO)
    suggestions = suggestions_for(shared.answers, shared.not_for_me)
    return render_template("share/view.html", code=canonical_code(code), issued=shared.issued,
                           suggestions=suggestions, interactive=False,
                           steps_args=stage_args(suggestions))


@bp.get("/code/<code>/print")
def printable(code: str) -> str:
    params.query()
    shared = read_code_or_404(code, WHAT_TO_DO)
    canonical = canonical_code(code)
    return render_template(
        "results/print.html", suggestions=suggestions_for(shared.answers, shared.not_for_me),
        rows=answer_rows(shared.answers), shared=True, made_on=shared.issued, code=canonical,
        expires_on=current_services().codec.expires_on(shared.issued),
        code_url=share_url(canonical), back_url=url_for("share.view", code=canonical))


@bp.post("/code/<code>/use")
def use(code: str) -> Response:
    params.query()
    params.form()
    shared = read_code_or_404(code, WHAT_TO_DO)
    journey.replace_all(shared.answers, shared.not_for_me)
    return redirect(url_for("results.index"), code=303)
