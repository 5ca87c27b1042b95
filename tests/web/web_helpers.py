"""Helpers for the web tests: walking the question flow the way a browser would."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import textstat
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from compass.questionnaire import Flow, Question, QuestionType, questions_for

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
Value = str | list[str] | dict[str, str]


def form_data(question: Question, value: Value) -> dict[str, Any]:
    """What the question's form posts for ``value`` (the answer in its dict form)."""
    if question.type is QuestionType.RATING:
        assert isinstance(value, dict)
        return {f"rate-{item}": rating for item, rating in value.items()}
    return {"answer": value}


def default_answer(question: Question) -> Value:
    """A plausible answer: the first option, everything liked, no free text."""
    if question.type is QuestionType.RATING:
        return {item.id: "like" for item in question.items}
    if question.type is QuestionType.MULTIPLE:
        return [question.options[0].id]
    if question.type is QuestionType.TEXT:
        return ""
    return question.options[0].id


class Journey:
    """Walks the question flow through the test client, the way a browser would."""

    def __init__(self, client: FlaskClient, flow: Flow) -> None:
        self.client = client
        self.flow = flow
        self.answers: dict[str, Value] = {}

    def token(self) -> str:
        """A CSRF token for this session, from the page that always has a form."""
        found = CSRF.search(self.client.get("/clear").get_data(as_text=True))
        assert found, "no CSRF token on /clear"
        return found.group(1)

    def post(self, path: str, data: Mapping[str, Any]) -> TestResponse:
        return self.client.post(path, data={**data, "csrf_token": self.token()})

    def answer(self, question_id: str, value: Value, change: bool = False) -> TestResponse:
        question = next(q for q in questions_for(self.flow, self.answers) if q.id == question_id)
        path = f"/questions/{question_id}" + ("?change=1" if change else "")
        response = self.post(path, form_data(question, value))
        if response.status_code == 303:
            self.answers[question_id] = value
        return response

    def answer_all(self, choices: Mapping[str, Value] | None = None) -> TestResponse:
        """Answer every question on the path (``choices`` first, else a default answer)."""
        chosen = dict(choices or {})
        response = self.client.get("/questions/")
        while response.status_code == 302 and "/questions/" in response.headers["Location"]:
            question_id = response.headers["Location"].rsplit("/", 1)[-1]
            question = next(q for q in questions_for(self.flow, self.answers) if q.id == question_id)
            answered = self.answer(question_id, chosen.get(question_id, default_answer(question)))
            assert answered.status_code == 303, answered.get_data(as_text=True)[:2000]
            response = self.client.get("/questions/")
        assert response.headers["Location"].endswith("/check")
        return self.client.get("/check")

    def answer_until(self, question_id: str, choices: Mapping[str, Value] | None = None) -> None:
        """Answer (with ``choices`` or defaults) every question before ``question_id``."""
        chosen = dict(choices or {})
        while True:
            path = questions_for(self.flow, self.answers)
            assert question_id in {q.id for q in path}, f"{question_id} is not on the path"
            pending = next((q for q in path if q.id not in self.answers), None)
            if pending is None or pending.id == question_id:
                return
            value = chosen.get(pending.id, default_answer(pending))
            assert self.answer(pending.id, value).status_code == 303

    def results(self, choices: Mapping[str, Value] | None = None) -> TestResponse:
        self.answer_all(choices)
        return self.client.get("/results")


def first_of_type(flow: Flow, kind: QuestionType, stage: str = "school") -> Question:
    """The first question of this type on the path of someone at ``stage``."""
    stage_id = flow.stage_question.id if flow.stage_question else "stage"
    return next(q for q in questions_for(flow, {stage_id: stage}) if q.type is kind)


def open_code(journey: Journey, code: str, form: str = "/code") -> TestResponse:
    """Type a share code into an 'open a code' form, as a browser posts it (never in the URL)."""
    return journey.post(form, {"code": code})


def text_of(response: object) -> str:
    """A response's body as text."""
    return response.get_data(as_text=True)  # type: ignore[attr-defined, no-any-return]


BLOCK_END = re.compile(r"</(p|li|h[1-6]|td|th|dt|dd|label|legend|button|caption|summary|option)>")


def main_text(page: str) -> str:
    """The words of ``page``'s main content, a line per block, each ending a sentence."""
    main = page.split('id="maincontent">', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style|svg)[^>]*>.*?</\1>", " ", main, flags=re.S)
    main = BLOCK_END.sub(" \u2029 ", main)
    lines = (" ".join(line.split()) for line in html.unescape(re.sub(r"<[^>]+>", " ", main)).split("\u2029"))
    return " ".join(line if line[-1:] in ".?!:" else line + "." for line in lines if line)


def grade(page: str) -> float:
    """The Flesch-Kincaid grade of ``page``'s main content, read a line per block."""
    return float(textstat.flesch_kincaid_grade(main_text(page)))
