"""The start page, what happens to your answers, what words mean, and clearing answers."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from web import journey, params
from web.services import current_services

bp = Blueprint("start", __name__)


@bp.get("/")
def index() -> str:
    services = current_services()
    answers = journey.answers_so_far(services.flow)
    return render_template(
        "start/index.html",
        question_count=journey.most_questions(services.flow),
        role_count=len(services.catalogue.roles),
        started=bool(answers),
        cleared=params.query("cleared").choice("cleared", ["1"]) is not None,
    )


@bp.get("/about-your-answers")
def privacy() -> str:
    return render_template("start/privacy.html")


@bp.get("/words")
def words() -> str:
    """The glossary: every term a page links, in plain words, A to Z."""
    terms = sorted(current_services().catalogue.glossary, key=lambda t: t.term.lower())
    return render_template("start/words.html", terms=terms)


@bp.route("/clear", methods=["GET", "POST"])
def clear() -> str | Response:
    if request.method == "POST":
        params.form()
        journey.clear()
        return redirect(url_for("start.index", cleared="1"), code=303)
    return render_template("start/clear.html")
