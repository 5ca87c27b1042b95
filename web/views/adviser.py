"""For advisers: a hub page, and one printable guidance page for a young person's share code.

The guidance page shows what the code holds (answers and 'not for me' jobs), the jobs
Career Compass suggests with their reasons and best next steps, and the engine's prompts
for a guidance conversation. Nothing is stored on the server: the code is the only key,
kept in the adviser's encrypted session while the page is open, and every look-up counts
against a tighter per-address limit so codes cannot be guessed.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from compass.guidance import plan_guidance
from compass.sharecode import MAX_TYPED_LENGTH, ShareCodeError
from web import params
from web.answer_form import FieldError
from web.pages import answer_rows, checked_code, read_code_or_404, shared_suggestions, stage_args
from web.security import count_lookup
from web.services import current_services

bp = Blueprint("adviser", __name__)
OPENED = "adviser_code"
WHAT_TO_DO = "Check the code with the young person, or ask them to make a new one from their results."


@bp.get("/advisers")
def index() -> str:
    return render_template("adviser/index.html")


@bp.get("/advisers/code")
def enter() -> str:
    return render_template("adviser/enter.html", errors=(), entered="")


@bp.post("/advisers/code")
def open_code() -> Response | tuple[str, int]:
    """The form, posted: the code goes in the body and then this browser's encrypted
    session, never in a web address a proxy could log."""
    typed = params.text(params.form("code"), "code", MAX_TYPED_LENGTH)
    count_lookup("share-code")
    try:
        session[OPENED] = checked_code(typed)
    except ShareCodeError as exc:
        message = str(exc) if typed.strip() else "Enter a code"
        return render_template("adviser/enter.html", errors=(FieldError("code", message),),
                               entered=typed), 400
    return redirect(url_for("adviser.view"), code=303)


@bp.get("/advisers/young-person")
def view() -> str | Response:
    code = session.get(OPENED)
    if not isinstance(code, str):
        return redirect(url_for("adviser.enter"))
    shared = read_code_or_404(code, WHAT_TO_DO)
    services = current_services()
    suggestions = shared_suggestions(shared)
    return render_template(
        "adviser/view.html", code=code, issued=shared.issued,
        expires_on=services.codec.expires_on(shared.issued), suggestions=suggestions,
        rows=answer_rows(shared.answers),
        guidance=plan_guidance(services.catalogue, services.wording, suggestions),
        steps_args=stage_args(suggestions))
