"""The adviser's guidance page for a share code: what it shows, what it refuses, its limits."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Journey, Value, default_answer, open_code, text_of
from werkzeug.test import TestResponse

from compass.questionnaire import questions_for, validate_answers
from compass.sharecode import ShareCodeError, invalid_detail
from web import create_app
from web.security import CONTENT_SECURITY_POLICY
from web.settings import Settings

TODAY = date.today()


def words_of(response: object) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces squeezed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text_of(response))))


def code_for(app: Flask, choices: Mapping[str, Value] | None = None, issued: date = TODAY,
             hidden: Sequence[str] = ()) -> str:
    """A share code for a full set of answers (``choices`` first, else defaults)."""
    found = app.extensions["compass"]
    chosen = dict(choices or {})
    raw: dict[str, Value] = {}
    while (question := next((q for q in questions_for(found.flow, raw) if q.id not in raw),
                            None)) is not None:
        raw[question.id] = chosen.get(question.id, default_answer(question))
    code: str = found.codec.make(validate_answers(found.flow, raw), list(hidden), issued)
    return code


def open_for_adviser(client: FlaskClient, code: str) -> TestResponse:
    """An adviser types ``code`` into their form (posted; the page then lives at one address)."""
    return open_code(Journey(client, client.application.extensions["compass"].flow), code, "/advisers/code")


def guidance_words(client: FlaskClient, code: str) -> str:
    opened = open_for_adviser(client, code)
    assert opened.status_code == 303, text_of(opened)[:2000]
    response = client.get(opened.headers["Location"])
    assert response.status_code == 200, text_of(response)[:2000]
    return words_of(response)


def test_the_hub_links_every_adviser_tool(client: FlaskClient) -> None:
    page = text_of(client.get("/advisers"))
    for path in ("/advisers/code", "/groups", "/advisers/lesson-guide", "/advisers/role-cards"):
        assert f'href="{path}"' in page
    assert 'href="/advisers"' in text_of(client.get("/"))  # the footer link


def test_a_typed_code_opens_one_page_with_answers_results_and_prompts(
        journey: Journey, app: Flask) -> None:
    journey.results({"stage": "school"})
    shared = text_of(journey.client.get("/save"))
    code = re.search(r'id="share-code">([0-9A-Z-]+)<', shared).group(1)  # type: ignore[union-attr]
    adviser = app.test_client()
    typed = open_for_adviser(adviser, code.lower().replace("-", " "))
    assert typed.status_code == 303 and typed.headers["Location"] == "/advisers/young-person"
    response = adviser.get(typed.headers["Location"])
    page = text_of(response)
    assert response.status_code == 200
    other = Journey(app.test_client(), journey.flow)
    open_code(other, code)
    share_titles = re.findall(r'<a href="/roles/([a-z0-9-]+)(?:\?stage=[a-z_]+)?">[^<]+</a>\s*</h2>',
                              text_of(other.client.get("/code/shared")))
    assert re.findall(r'\d+\. <a href="/roles/([a-z0-9-]+)">', page) == share_titles
    assert len(share_titles) == 10
    words = words_of(response)
    for heading in ("At a glance", "Prompts for your conversation", "What to ask next",
                    "Tasters, volunteering and work experience",
                    "Suggested jobs, reasons and next steps", "Their answers"):
        assert heading in words
    assert words.count("Why it might suit them") == 10 and words.count("Best next step:") == 10
    assert "Which of these fits you best right now?" in words  # the answers, question by question
    assert "Ask which GCSE options they have chosen" in words
    assert "data-print-page" in page and "/next-steps/" in page and "stage=school" in page


@pytest.mark.parametrize(("choices", "expected"), [
    ({"stage": "not_working"}, "free Leeds programmes that help people into health and care jobs"),
    ({"stage": "college"}, "apply for university, an apprenticeship or a job this year"),
    ({"stage": "university"}, "what their degree is"),
    ({"stage": "working", "study_years": "up_to_2", "earn_while_learning": "paid"},
     "They want to be paid while they learn"),
    ({"stage": "college", "study_years": "up_to_4", "earn_while_learning": "study_first"},
     "They are open to a degree"),
    ({"stage": "college", "study_years": "earn_now"}, "They want to earn now"),
    ({"stage": "working", "shifts": "days_only"}, "shifts, nights or weekends are not OK"),
    ({"stage": "school", "gcse_english_maths": "neither"}, "do not expect grade 4"),
    ({"stage": "school", "gcse_english_maths": "not_sure"}, "not sure about grade 4"),
])
def test_prompts_follow_the_stage_and_what_they_said(client: FlaskClient, app: Flask,
                                                     choices: dict[str, str], expected: str) -> None:
    assert expected in guidance_words(client, code_for(app, choices))


def test_not_for_me_jobs_are_shown_and_asked_about(client: FlaskClient, app: Flask) -> None:
    title = app.extensions["compass"].catalogue.role("porter").title
    words = guidance_words(client, code_for(app, {"stage": "college"}, hidden=["porter"]))
    assert f"They said {title.lower()} is not for them. Ask why" in words
    assert f"Jobs they said are not for them {title}" in words


def test_forged_expired_and_garbage_codes_get_the_same_plain_answer(
        client: FlaskClient, app: Flask) -> None:
    good = code_for(app, {"stage": "school"})
    forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    expired = code_for(app, {"stage": "school"}, issued=TODAY - timedelta(days=91))
    last_day = code_for(app, {"stage": "school"}, issued=TODAY - timedelta(days=90))
    assert open_for_adviser(client, last_day).status_code == 303
    plain = str(ShareCodeError(90))
    for bad in (forged, expired, "0" * 30, "NOT-A-CODE"):
        response = open_for_adviser(client, bad)
        words = words_of(response)
        assert response.status_code == 400 and words.count(plain) == 2, bad  # summary and field
        assert "This code does not work" in plain and invalid_detail(90) in plain


def test_the_form_checks_a_code_is_typed_and_looks_like_a_code(client: FlaskClient) -> None:
    assert client.get("/advisers/code").status_code == 200
    empty = open_for_adviser(client, "")
    assert empty.status_code == 400 and "Enter a code" in text_of(empty)
    assert 'href="#code"' in text_of(empty)
    wrong = open_for_adviser(client, "WRONG!")
    assert wrong.status_code == 400 and str(ShareCodeError(90)).replace("'", "&#39;") in text_of(wrong)


@pytest.mark.parametrize("path", ["/advisers?x=1", "/advisers/code?code=A&x=2",
                                  "/advisers/young-person?code=A&print=1"])
def test_a_code_in_the_address_is_never_read(client: FlaskClient, path: str) -> None:
    """Codes are only ever posted; one in a query string is not read, and is not an error."""
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200
    assert "Sorry, we could not understand that" not in text_of(response)
    assert response.request.path in {"/advisers", "/advisers/code"}  # no list was opened


def test_a_class_of_30_on_one_address_can_each_open_a_code_but_guessing_is_stopped(
        app: Flask) -> None:
    limited = create_app({"lookup_rate_limit": Settings().lookup_rate_limit})
    school = limited.test_client()
    codes = [code_for(limited, {"stage": "school"}, issued=TODAY - timedelta(days=i))
             for i in range(30)]
    assert len(set(codes)) == 30
    assert [open_for_adviser(school, c).status_code for c in codes] == [303] * 30
    guesses = [open_for_adviser(school, f"{'0' * 29}{i % 10}").status_code for i in range(15)]
    assert 400 in guesses and guesses[-1] == 429
    slowed = open_for_adviser(school, codes[0])
    assert slowed.status_code == 429 and "Please slow down" in text_of(slowed)
    elsewhere = limited.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert open_for_adviser(elsewhere, codes[0]).status_code == 303
    assert school.get("/advisers/code").status_code == 200  # the form itself is not a look-up


@pytest.mark.parametrize("path", ["/advisers", "/advisers/code", "/advisers/young-person"])
def test_adviser_pages_send_the_security_headers_and_load_nothing_offsite(
        client: FlaskClient, path: str) -> None:
    response = client.get(path, follow_redirects=True)
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["Cache-Control"] == "no-store"
    loads = re.findall(r"<(?:script|link|img|form|iframe)\b[^>]*?\b(?:src|href|action)=\"([^\"]*)\"",
                       text_of(response))
    assert loads and all(value.startswith("/") for value in loads)
