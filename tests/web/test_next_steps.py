"""'Your next steps' tailored to the person's stage, with real Leeds organisations."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Journey, text_of

from compass.catalogue import Catalogue


@pytest.fixture
def catalogue(app: Flask) -> Catalogue:
    found: Catalogue = app.extensions["compass"].catalogue
    return found


def test_at_school_it_covers_gcses_and_post_16_options_in_leeds(client: FlaskClient) -> None:
    page = text_of(client.get("/next-steps/healthcare-assistant?stage=school"))
    assert "Your GCSEs" in page and "English and maths" in page
    assert "T Level in Health" in page and "A levels" in page
    assert "Where to study in Leeds after Year 11" in page
    assert "leedscitycollege.ac.uk" in page


def test_at_college_it_covers_apprenticeships_and_degrees(client: FlaskClient) -> None:
    page = text_of(client.get("/next-steps/adult-nurse?stage=college"))
    assert ">Apprenticeships</h2>" in page and ">University</h2>" in page
    assert "ucas.com" in page


@pytest.mark.parametrize("stage", ["working", "not_working"])
def test_out_of_education_it_offers_free_help_in_leeds(
        client: FlaskClient, catalogue: Catalogue, stage: str) -> None:
    page = text_of(client.get(f"/next-steps/care-worker?stage={stage}"))
    free_help = page.split(">Get free help in Leeds</h2>", 1)[1].split("</section>", 1)[0]
    assert "leedshealthandcareacademy.org" in free_help
    assert "Volunteering and work experience" in page


def test_each_card_leads_to_a_role_page_with_the_same_best_step(journey: Journey) -> None:
    results = text_of(journey.results({"stage": "college"}))
    role_ids = re.findall(r'<a href="/roles/([a-z0-9-]+)">[^<]+</a>\s*</h2>', results)
    assert len(role_ids) == 10
    for role_id in role_ids:
        steps = text_of(journey.client.get(f"/next-steps/{role_id}"))
        best = steps.split('id="best-step"', 1)[1].split("</section>", 1)[0]
        first = re.search(r'<h3 class="nhsuk-card__heading nhsuk-heading-s">([^<]+)</h3>', best)
        assert first, role_id
        assert first.group(1) in text_of(journey.client.get(f"/roles/{role_id}")), role_id


def test_the_stage_comes_from_the_answers(journey: Journey) -> None:
    journey.answer("stage", "not_working")
    page = text_of(journey.client.get("/next-steps/porter"))
    assert 'value="not_working" selected' in page
    assert "Get free help in Leeds" in page


def test_without_a_stage_it_shows_the_best_step_and_asks_where_they_are(client: FlaskClient) -> None:
    page = text_of(client.get("/next-steps/porter"))
    assert "tell us where you are now" in page and "Your best next step" in page
    assert "Your GCSEs" not in page


def test_an_unknown_stage_in_a_link_is_ignored(client: FlaskClient) -> None:
    assert text_of(client.get("/next-steps/porter?stage=retired")) == text_of(
        client.get("/next-steps/porter"))
    assert client.get("/next-steps/nobody?stage=school").status_code == 404
