"""Result cards: the same list renders the same cards for everyone, once, with nothing in
them about one person; their buttons belong to forms after the list."""

from __future__ import annotations

import re

from flask import Flask
from web_helpers import CSRF, Journey, text_of

from compass.questionnaire import validate_answers
from web.cards import cards

LIST = re.compile(r'<ol class="app-results" id="results">.*?</ol>', re.S)


def test_two_people_with_the_same_answers_get_the_same_cards_and_their_own_token(app: Flask) -> None:
    first, second = Journey(app.test_client(), app.extensions["compass"].flow), \
        Journey(app.test_client(), app.extensions["compass"].flow)
    pages = [text_of(j.results({"stage": "college"})) for j in (first, second)]
    lists = [LIST.search(page) for page in pages]
    assert lists[0] and lists[1] and lists[0].group(0) == lists[1].group(0)
    assert "csrf_token" not in lists[0].group(0)
    tokens = [CSRF.search(page.split("</ol>", 1)[1]) for page in pages]
    assert tokens[0] and tokens[1] and tokens[0].group(1) != tokens[1].group(1)


def test_each_not_for_me_button_posts_the_form_that_carries_the_token(journey: Journey) -> None:
    page = text_of(journey.results({"stage": "school"}))
    assert page.count('form="not-for-me-form" name="role"') == 10
    form = re.search(r'<form method="post" action="([^"]+)" id="not-for-me-form".*?</form>', page, re.S)
    assert form and form.group(1).startswith("/results/not-for-me") and "csrf_token" in form.group(0)


def test_a_list_renders_its_cards_once(app: Flask, journey: Journey) -> None:
    journey.answer_all({"stage": "school"})
    services = app.extensions["compass"]
    answers = validate_answers(services.flow, journey.answers)
    with app.test_request_context("/results"):
        listed = services.suggestions(answers, ())
        assert cards(listed, interactive=True) is cards(listed, interactive=True)
        assert "Not for me" not in cards(listed) and "Not for me" in cards(listed, interactive=True)
        by_stage = cards(listed, steps_args={"stage": "school"})
        assert by_stage is not cards(listed) and "?stage=school" in by_stage
        assert "?stage=school" not in cards(listed)
    with app.test_request_context("/results", base_url="http://localhost/compass/"):
        assert 'href="/compass/roles/' in cards(listed)  # kept apart for each site prefix
