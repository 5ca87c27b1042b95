"""Save or share: a code, a link and a QR code that reopen the same suggestions elsewhere."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from test_adviser import open_for_adviser
from web_helpers import Journey, open_code, text_of

from compass.questionnaire import validate_answers
from compass.sharecode import ShareCodeError, invalid_detail
from web import create_app


def titles(page: str) -> list[str]:
    return re.findall(r'<a href="/roles/[a-z0-9-]+(?:\?stage=[a-z_]+)?">([^<]+)</a>\s*</h2>', page)


def make_code(journey: Journey) -> tuple[str, str]:
    page = text_of(journey.client.get("/save"))
    code = re.search(r'id="share-code">([0-9A-Z-]+)<', page)
    assert code, page[:3000]
    return code.group(1), page


def long_code_of(page: str) -> str:
    """The long signed code the save page puts in its link and QR code."""
    found = re.search(r'/code#([0-9A-Z-]+)"', page)
    assert found, page[:3000]
    return found.group(1)


def test_save_page_gives_a_short_code_a_link_and_an_inline_qr_code(journey: Journey) -> None:
    journey.results({"stage": "school"})
    code, page = make_code(journey)
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)  # ten characters to read out
    assert len(long_code_of(page)) > 20  # the link carries the long signed form, after '#'
    assert make_code(journey)[0] == code  # the same answers keep the same code
    assert '<svg role="img" aria-label="QR code for your link"' in page
    assert "<img" not in page.split("app-qr")[1][:200]


def test_an_adviser_opening_the_code_sees_the_same_suggestions(
        journey: Journey, app: Flask) -> None:
    own = titles(text_of(journey.results({"stage": "working", "shifts": "days_only"})))
    first = re.findall(r'name="role" value="([a-z0-9-]+)"', text_of(journey.client.get("/results")))[0]
    journey.post("/results/not-for-me", {"role": first})
    own = titles(text_of(journey.client.get("/results")))
    code, _ = make_code(journey)
    adviser = Journey(app.test_client(), journey.flow)
    response = open_code(adviser, code.lower().replace("-", " "))
    assert response.status_code == 303 and response.headers["Location"] == "/code/shared"
    shared = text_of(adviser.client.get(response.headers["Location"]))
    assert titles(shared) == own and len(own) == 10
    assert "Not for me" not in shared
    assert "?stage=working" in shared


@pytest.mark.slow  # free text loads the real sentence model
def test_the_code_holds_no_free_text(journey: Journey, app: Flask) -> None:
    journey.results({"stage": "college", "in_your_own_words": "I love drawing comics"})
    code, _ = make_code(journey)
    other = Journey(app.test_client(), journey.flow)
    open_code(other, code)
    printed = text_of(other.client.get("/code/shared/print"))
    assert "I love drawing comics" not in printed
    assert "I love drawing comics" in text_of(journey.client.get("/results/print"))


def test_using_a_code_copies_its_answers_to_this_browser(journey: Journey, app: Flask) -> None:
    journey.results({"stage": "university"})
    code, _ = make_code(journey)
    other = Journey(app.test_client(), journey.flow)
    assert other.client.get("/results").status_code == 302
    open_code(other, code)
    response = other.post("/code/shared/use", {})
    assert response.status_code == 303
    assert other.client.get("/results").status_code == 200


def test_bad_codes_get_one_plain_answer(client: FlaskClient, app: Flask, journey: Journey) -> None:
    journey.results()
    short, page = make_code(journey)
    code = long_code_of(page)
    tampered = code[:-1] + ("0" if code[-1] != "0" else "1")
    codec = app.extensions["compass"].codec
    answers = codec.read(code, [], date.today()).answers
    expired = codec.make(answers, [], date.today() - timedelta(days=91))
    unknown = "ABCD-EFGH" if short != "ABCD-EFGH" else "ABCD-EFGJ"
    for bad in (tampered, expired, "NOT-A-CODE", "0" * 30, unknown):
        typed = open_code(journey, bad)
        assert typed.status_code == 400
        assert str(ShareCodeError(90)).replace("'", "&#39;") in text_of(typed)
        assert invalid_detail(90).replace("'", "&#39;") in text_of(typed)


def test_the_code_pages_follow_the_code_lifetime_setting() -> None:
    short = create_app({"share_code_days": 30})
    codec = short.extensions["compass"].codec
    browser = Journey(short.test_client(), codec.flow)
    answers = validate_answers(codec.flow, {"stage": "school"}, partial=True)
    old = codec.make(answers, [], date.today() - timedelta(days=31))
    refused = text_of(open_code(browser, old))
    assert "more than 30 days old" in refused and "90 days" not in refused
    fresh = codec.make(answers, [], date.today())
    expires = (date.today() + timedelta(days=30)).strftime("%B %Y")
    open_code(browser, fresh)
    assert expires in text_of(browser.client.get("/code/shared/print"))


def test_an_empty_code_asks_for_one(journey: Journey) -> None:
    response = open_code(journey, "")
    assert response.status_code == 400
    assert 'href="#code"' in text_of(response)


def test_a_code_never_travels_in_a_web_address(journey: Journey, app: Flask) -> None:
    """Before: /code/<code> put every opened code in proxies' access logs."""
    journey.results({"stage": "school"})
    code, _ = make_code(journey)
    other = Journey(app.test_client(), journey.flow)
    assert other.client.get(f"/code/{code}").status_code == 404
    in_address = other.client.get("/code", query_string={"code": code})
    assert in_address.status_code == 200 and code not in text_of(in_address)  # not read
    assert other.client.get("/code/shared").headers["Location"] == "/code"  # nothing open yet
    opened = open_code(other, code)
    page = text_of(other.client.get(opened.headers["Location"]))
    assert code not in opened.headers["Location"]
    links = re.findall(r'(?:href|action)="([^"]*)"', page)
    assert links and not [link for link in links if code in link or code.replace("-", "") in link]


def test_saving_before_answering_goes_to_the_questions(client: FlaskClient) -> None:
    assert client.get("/save").headers["Location"].endswith("/questions/")


def test_an_adviser_sees_exactly_the_list_the_young_person_saw(journey: Journey, app: Flask) -> None:
    """A short code keeps why roles were hidden, so the Profile and the list are the same."""
    journey.results({"stage": "school"})
    hidden = re.findall(r'name="role" value="([a-z0-9-]+)"', text_of(journey.client.get("/results")))[0]
    journey.post("/results/not-for-me", {"role": hidden})
    journey.post("/results/why-not", {"role": hidden, "reason": "blood-and-needles"})
    own = titles(text_of(journey.client.get("/results")))
    code, _ = make_code(journey)
    adviser = app.test_client()
    assert open_for_adviser(adviser, code).status_code == 303
    seen = re.findall(r'\d+\. <a href="/roles/[a-z0-9-]+(?:\?stage=[a-z_]+)?">([^<]+)</a>',
                      text_of(adviser.get("/advisers/young-person")))
    assert seen == own and len(own) == 10


def test_the_young_person_can_delete_their_code(journey: Journey, app: Flask) -> None:
    journey.results({"stage": "school"})
    code, _ = make_code(journey)
    results = text_of(journey.client.get("/results"))
    assert code in results and "Delete my code" in results
    deleted = journey.post("/save/delete", {})
    assert deleted.status_code == 303
    assert "Your code is deleted" in text_of(journey.client.get("/results"))
    other = Journey(app.test_client(), journey.flow)
    assert open_code(other, code).status_code == 400  # the same page as any code that does not work
