"""A young person's real journey through Career Compass, for Locust.

Each simulated visitor: opens the home page, answers the questions one page at a time
(reading each page, then posting its form with the page's CSRF token), opens their
results, one suggested role and its next steps, makes a share code, opens a code someone
gave them, and adds their results to a class group session. Between pages they think for
a while, as a person reading on a phone does.

Addresses: with COMPASS_LOAD_ADDRESSES=many (default) each visitor comes from its own
address; with ``shared`` all come from one school address. The server must trust the
forwarded address from 127.0.0.1 (COMPASS_PROXY_COUNT=1), as it would behind a proxy.
COMPASS_LOAD_JOIN_CODE names the group session to join; COMPASS_LOAD_SHARE_CODE a code to open.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from compass.questionnaire import Question, QuestionType, load_flows, questions_for  # noqa: E402

FLOW = load_flows(Path(__file__).resolve().parents[2] / "questionnaires")["main"]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ROLE_LINK = re.compile(r'<a href="/roles/([a-z0-9-]+)">[^<]+</a>\s*</h2>')
SHARE_CODE = re.compile(r'id="share-code">([0-9A-Z-]+)<')
SHARED_ADDRESS = "203.0.113.7"
THINK = (float(os.environ.get("COMPASS_LOAD_THINK_MIN", "0.5")), float(os.environ.get("COMPASS_LOAD_THINK_MAX", "2")))
rate_limited = {"count": 0}
journeys = {"done": 0}


def answer_for(question: Question, rng: random.Random) -> dict[str, Any]:
    if question.type is QuestionType.RATING:
        return {f"rate-{item.id}": rng.choice(["like", "not_sure", "dislike"]) for item in question.items}
    if question.type is QuestionType.MULTIPLE:
        return {"answer": [rng.choice(question.options).id]}
    if question.type is QuestionType.TEXT:
        return {"answer": ""}
    return {"answer": rng.choice(question.options).id}


def chosen(question: Question, form: dict[str, Any]) -> Any:
    if question.type is QuestionType.RATING:
        return {k.removeprefix("rate-"): v for k, v in form.items()}
    return form["answer"]


class YoungPerson(HttpUser):
    wait_time = between(*THINK)

    def on_start(self) -> None:
        many = os.environ.get("COMPASS_LOAD_ADDRESSES", "many") == "many"
        address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}" \
            if many else SHARED_ADDRESS
        self.client.headers["X-Forwarded-For"] = address
        self.rng = random.Random()

    def think(self) -> None:
        self.wait()

    def get(self, path: str, name: str | None = None) -> str:
        with self.client.get(path, name=name or path, catch_response=True) as response:
            return self._checked(response)

    def post(self, path: str, data: dict[str, Any], token: str, name: str | None = None) -> str:
        with self.client.post(path, data={**data, "csrf_token": token}, name=name or path,
                              catch_response=True) as response:
            return self._checked(response)

    @staticmethod
    def _checked(response: Any) -> str:
        if response.status_code == 429:  # a deliberate rate-limit answer, counted apart
            rate_limited["count"] += 1
            response.success()
        elif response.status_code >= 400:
            response.failure(f"status {response.status_code}")
        return str(response.text or "")

    @task
    def journey(self) -> None:
        self.client.cookies.clear()
        page = self.get("/")
        self.think()
        answers: dict[str, Any] = {}
        page = self.get("/questions/", name="/questions/[first]")
        while (question := next((q for q in questions_for(FLOW, answers) if q.id not in answers), None)):
            token = CSRF.search(page)
            if token is None:
                return
            form = answer_for(question, self.rng)
            self.think()
            page = self.post(f"/questions/{question.id}", form, token.group(1), name="/questions/[id]")
            answers[question.id] = chosen(question, form)
        results = self.get("/results")
        roles = ROLE_LINK.findall(results)
        self.think()
        if roles:
            role = roles[0]
            self.get(f"/roles/{role}", name="/roles/[id]")
            self.think()
            self.get(f"/next-steps/{role}", name="/next-steps/[id]")
            self.think()
        saved = self.get("/save")
        token = CSRF.search(self.get("/clear"))
        code = os.environ.get("COMPASS_LOAD_SHARE_CODE") or (m.group(1) if (m := SHARE_CODE.search(saved)) else "")
        if token and code:
            self.think()
            self.post("/code", {"code": code}, token.group(1))
            self.get("/code/shared")
        join_code = os.environ.get("COMPASS_LOAD_JOIN_CODE", "")
        if token and join_code:
            self.think()
            self.get("/groups/join")
            self.post("/groups/join", {"join_code": join_code}, token.group(1))
        journeys["done"] += 1


@events.quitting.add_listener
def _report(environment: Any, **_: Any) -> None:
    print(f"COMPASS-LOAD journeys={journeys['done']} rate_limited={rate_limited['count']}", flush=True)
