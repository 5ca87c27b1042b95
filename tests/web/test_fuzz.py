"""Fuzzing every form and query parameter through the test client: never a 500.

Each example picks a page, then sends it a mix of the names it expects and names it does
not, with valid values, near misses, long text, odd Unicode and repeats, with or without a
CSRF token, from a browser that has answered some questions (or none, or all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_helpers import Journey
from werkzeug.datastructures import MultiDict

from compass.catalogue.vocab import Family, Setting, Stage
from compass.search import RouteFilter
from web import create_app

ADVISER_BLUEPRINTS = frozenset({"adviser", "groups", "resources"})


@dataclass(frozen=True)
class Target:
    method: str
    path: str
    names: tuple[str, ...]


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[Flask]:
    yield create_app({})


@pytest.fixture(scope="module")
def targets(fuzz_app: Flask) -> list[Target]:
    found = fuzz_app.extensions["compass"]
    question_paths = [f"/questions/{q.id}" for q in found.flow.questions] + ["/questions/nope"]
    answer_names = ("answer", *{f"rate-{i.id}" for q in found.flow.questions for i in q.items})
    role = found.catalogue.roles[0].id
    pages = [
        Target("GET", "/", ("cleared",)), Target("GET", "/about-your-answers", ()), Target("GET", "/words", ()),
        Target("GET", "/clear", ()), Target("POST", "/clear", ()),
        Target("GET", "/questions/", ()), Target("GET", "/check", ()),
        Target("GET", "/results", ("show",)), Target("GET", "/results/print", ("show",)),
        Target("POST", "/results/not-for-me", ("role", "show")),
        Target("POST", "/results/put-back", ("role", "show")),
        Target("POST", "/results/why-not", ("role", "reason", "show")),
        Target("POST", "/results/why-not/undo", ("role", "show")),
        Target("GET", "/roles", ("q", "family", "setting", "route")),
        Target("GET", f"/roles/{role}", ()), Target("GET", "/roles/<script>", ()),
        Target("GET", "/compare", ("role",)), Target("GET", f"/next-steps/{role}", ("stage",)),
        Target("GET", "/save", ()), Target("POST", "/save/delete", ()), Target("GET", "/code", ()),
        Target("POST", "/code", ("code",)),
        Target("GET", "/code/shared", ()), Target("GET", "/code/%00%FF", ()),
        Target("GET", "/code/shared/print", ()), Target("POST", "/code/shared/use", ()),
        Target("GET", "/healthz", ()), Target("GET", "/readyz", ()),
    ]
    for path in question_paths:
        pages.append(Target("GET", path, ("change",)))
        pages.append(Target("POST", path, (*answer_names, "change")))
    return pages


def valid_values(app: Flask) -> list[str]:
    found = app.extensions["compass"]
    values = [o.id for q in found.flow.questions for o in q.options]
    values += ["like", "not_sure", "dislike", "1", "10", "20", "30", *found.catalogue.role_ids[:5]]
    values += [f.value for f in Family] + [s.value for s in Setting] + [s.value for s in Stage]
    values += [r.slug for r in RouteFilter]
    return values


def values_for(app: Flask) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(valid_values(app)),
        st.text(max_size=30),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=400, max_size=700),
        st.sampled_from(["", " ", "0", "-1", "999999999999", "None", "null", "[]", "{}",
                         "<script>", "%00", "\x00", "\ud7ff", "ü" * 10, "a" * 3000]),
    )


@st.composite
def requests(draw: st.DrawFn, app: Flask, pages: list[Target]) -> tuple[Target, list[tuple[str, str]]]:
    target = draw(st.sampled_from(pages))
    names = st.sampled_from([*target.names, "csrf_token", "x", "answer[]", ""]) if target.names \
        else st.sampled_from(["x", "csrf_token", "q"])
    pairs = draw(st.lists(st.tuples(names, values_for(app)), max_size=6))
    return target, pairs


@pytest.fixture(scope="module")
def browsers(fuzz_app: Flask) -> dict[str, tuple[FlaskClient, str]]:
    """Browsers in three states: new, part way through, and finished."""
    found = fuzz_app.extensions["compass"]
    clients = {}
    for state in ("new", "partway", "finished"):
        journey = Journey(fuzz_app.test_client(), found.flow)
        if state == "partway":
            journey.answer("stage", "school")
        elif state == "finished":
            journey.results({"stage": "college"})
        clients[state] = (journey.client, journey.token())
    return clients


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_form_or_query_parameter_causes_a_500(data: st.DataObject, fuzz_app: Flask,
                                                 targets: list[Target],
                                                 browsers: dict[str, tuple[FlaskClient, str]]) -> None:
    target, pairs = data.draw(requests(fuzz_app, targets))
    client, token = browsers[data.draw(st.sampled_from(sorted(browsers)))]
    if target.method == "POST" and data.draw(st.booleans()):
        pairs = [*pairs, ("csrf_token", token)]
    if target.method == "GET":
        response = client.get(target.path, query_string=MultiDict(pairs))
    else:
        query = [(n, v) for n, v in pairs if n in {"show", "change"}]
        form = [(n, v) for n, v in pairs if n not in {"show", "change"}]
        response = client.post(target.path, query_string=MultiDict(query), data=MultiDict(form))
    status = response.status_code
    response.close()
    assert status < 500, (target, pairs, status)
    assert status in {200, 302, 303, 400, 404, 405, 413, 414}


def test_fuzz_targets_cover_every_route(fuzz_app: Flask, targets: list[Target]) -> None:
    covered = {re.sub(r"/[^/]+$", "/<x>", t.path) for t in targets} | {t.path for t in targets}
    for rule in fuzz_app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.startswith("frontend."):
            continue
        if rule.endpoint.split(".")[0] in ADVISER_BLUEPRINTS:  # fuzzed in test_groups.py
            continue
        shape = re.sub(r"<[^>]+>", "<x>", rule.rule)
        assert any(re.fullmatch(re.escape(shape).replace("<x>", "[^/]+"), path)
                   for path in covered), rule.rule
