"""Save or share: make a code (with a link and QR code), and open a code someone made."""

from __future__ import annotations

from datetime import date, timedelta

import segno
from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response

from compass.sharecode import (
    GROUP,
    INVALID,
    INVALID_DETAIL,
    INVALID_TITLE,
    ShareCodeError,
    SharedAnswers,
    normalise_code,
)
from web import journey, params
from web.answer_form import FieldError
from web.errors import PageError
from web.results import suggest
from web.services import services
from web.views.results import answer_rows, share_url

bp = Blueprint("share", __name__)
MAX_CODE_LENGTH = 100


@bp.get("/save")
def save() -> str | Response:
    params.query()
    found = services()
    answers = journey.complete_answers(found.flow)
    if answers is None:
        return redirect(url_for("questions.begin"))
    today = date.today()
    code = found.codec.make(answers, journey.not_for_me(found.catalogue), today)
    link = share_url(code)
    return render_template("share/save.html", code=code, link=link, qr_svg=qr_svg(link),
                           expires_on=today + timedelta(days=found.settings.share_code_days))


@bp.get("/code")
def enter() -> str | Response | tuple[str, int]:
    values = params.query("code")
    typed = params.text(values, "code", MAX_CODE_LENGTH)
    if "code" not in values:
        return render_template("share/enter.html", errors=(), entered="", nav="share.enter")
    try:
        _read(typed)
    except ShareCodeError:
        message = "Enter a code" if not typed.strip() else INVALID
        errors = (FieldError("code", message),)
        return render_template("share/enter.html", errors=errors, entered=typed,
                               nav="share.enter"), 400
    return redirect(url_for("share.view", code=_canonical(typed)))


@bp.get("/code/<code>")
def view(code: str) -> str:
    params.query()
    shared = _read_or_refuse(code)
    found = services()
    suggestions = suggest(found, shared.answers, shared.not_for_me)
    stage = suggestions.stage.value if suggestions.stage else None
    return render_template("share/view.html", code=_canonical(code), issued=shared.issued,
                           suggestions=suggestions, interactive=False,
                           steps_args={"stage": stage} if stage else {})


@bp.get("/code/<code>/print")
def printable(code: str) -> str:
    params.query()
    shared = _read_or_refuse(code)
    found = services()
    canonical = _canonical(code)
    return render_template(
        "results/print.html", suggestions=suggest(found, shared.answers, shared.not_for_me),
        rows=answer_rows(shared.answers), shared=True, made_on=shared.issued, code=canonical,
        expires_on=shared.issued + timedelta(days=found.settings.share_code_days),
        code_url=share_url(canonical), back_url=url_for("share.view", code=canonical))


@bp.post("/code/<code>/use")
def use(code: str) -> Response:
    params.query()
    params.form()
    shared = _read_or_refuse(code)
    journey.replace_all(shared.answers, shared.not_for_me)
    return redirect(url_for("results.index"), code=303)


def qr_svg(link: str) -> str:
    """An inline SVG QR code for ``link``, made here on the server."""
    svg: str = segno.make(link, error="m").svg_inline(scale=4, title="QR code for your link",
                                                      svgclass="app-qr__image")
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code for your link" ', 1)


def _canonical(code: str) -> str:
    text = normalise_code(code)
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def _read(code: str) -> SharedAnswers:
    if len(code) > MAX_CODE_LENGTH:
        raise ShareCodeError
    found = services()
    return found.codec.read(code, found.catalogue.role_ids, date.today())


def _read_or_refuse(code: str) -> SharedAnswers:
    try:
        return _read(code)
    except ShareCodeError:
        raise PageError(404, INVALID_TITLE,
                        f"{INVALID_DETAIL} Check it with the person who made it and type it again "
                        "using 'Open a code'.") from None
