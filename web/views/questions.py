"""The questions, one per page, and the 'check your answers' page."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from compass.profile import FREE_TEXT_LIMIT
from compass.questionnaire import Flow, Question, QuestionType, Rating
from web import journey, params
from web.answer_form import Submission, Value, read_submission
from web.errors import not_found
from web.pages import CheckRow, describe
from web.services import current_services

bp = Blueprint("questions", __name__)


@bp.get("/questions/")
def begin() -> Response:
    """Carry on from the first question without an answer (or check the answers)."""
    question = journey.first_unanswered(current_services().flow)
    if question is None:
        return redirect(url_for("questions.check"))
    return redirect(url_for("questions.question", question_id=question.id))


@bp.route("/questions/<question_id>", methods=["GET", "POST"])
def question(question_id: str) -> str | Response | tuple[str, int]:
    change = params.query("change").choice("change", ["1"]) is not None
    flow = current_services().flow
    position = journey.position(flow, question_id)
    if position is None:
        raise not_found()
    first_gap = journey.first_unanswered(flow)
    if first_gap is not None and _comes_before(flow, first_gap.id, question_id):
        return redirect(url_for("questions.question", question_id=first_gap.id))
    if request.method == "POST":
        submission = read_submission(position.question, request.form)
        if submission.ok:
            journey.save_answer(flow, question_id, submission.entered)
            return redirect(_after(change), code=303)
        return _page(position, submission, change), 400
    saved = journey.answers_so_far(flow).get(question_id)
    return _page(position, Submission(_blank(position.question) if saved is None else saved, ()),
                 change)


@bp.get("/check")
def check() -> str | Response:
    flow = current_services().flow
    if journey.complete_answers(flow) is None:
        return redirect(url_for("questions.begin"))
    answers = journey.answers_so_far(flow)
    path = journey.path(flow, answers)
    rows = [CheckRow(q, describe(q, answers.get(q.id))) for q in path]
    return render_template("questions/check.html", rows=rows,
                           back_url=url_for("questions.question", question_id=path[-1].id))


def _page(position: journey.Position, submission: Submission, change: bool) -> str:
    question = position.question
    if change:
        back = url_for("questions.check")
    elif position.previous is not None:
        back = url_for("questions.question", question_id=position.previous.id)
    else:
        back = url_for("start.index")
    return render_template(
        "questions/question.html", question=question, position=position,
        entered=submission.entered, errors=submission.errors, change=change, back_url=back,
        action=url_for("questions.question", question_id=question.id, change="1" if change else None),
        ratings=list(Rating), text_limit=FREE_TEXT_LIMIT, nav="questions.begin")


def _after(change: bool) -> str:
    flow = current_services().flow
    next_question = journey.first_unanswered(flow)
    if next_question is None:
        return url_for("questions.check")
    if change and journey.complete_answers(flow) is not None:
        return url_for("questions.check")
    return url_for("questions.question", question_id=next_question.id)


def _comes_before(flow: Flow, first: str, second: str) -> bool:
    ids = [q.id for q in journey.path(flow, journey.answers_so_far(flow))]
    return ids.index(first) < ids.index(second)


def _blank(question: Question) -> Value:
    if question.type is QuestionType.MULTIPLE:
        return []
    if question.type is QuestionType.RATING:
        return {}
    return ""
