"""'Your next steps' tailored to the person's stage, with real Leeds organisations."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Journey

from compass.catalogue import Catalogue
from compass.catalogue.vocab import Stage
from web.next_steps import TALENT_PIPELINE, plan_next_steps


def text_of(response: object) -> str:
    return response.get_data(as_text=True)  # type: ignore[attr-defined, no-any-return]


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
def test_out_of_education_it_starts_with_the_leeds_talent_pipeline(
        client: FlaskClient, catalogue: Catalogue, stage: str) -> None:
    page = text_of(client.get(f"/next-steps/care-worker?stage={stage}"))
    pipeline = catalogue.programmes[TALENT_PIPELINE]
    first_link = re.search(r'<a href="(https://[^"]+)" rel="noopener noreferrer">', page)
    assert first_link and first_link.group(1) == pipeline.url
    assert "Volunteering and work experience" in page


def test_every_stage_and_role_gives_real_catalogue_links(catalogue: Catalogue) -> None:
    for role in catalogue.roles:
        for stage in Stage:
            steps = plan_next_steps(catalogue, role, stage)
            assert steps.sections, (role.id, stage)
            for section in steps.sections:
                for item in (*section.providers, *section.programmes):
                    assert item.id in catalogue.providers or item.id in catalogue.programmes


def test_the_stage_comes_from_the_answers(journey: Journey) -> None:
    journey.answer("stage", "not_working")
    page = text_of(journey.client.get("/next-steps/porter"))
    assert 'value="not_working" selected' in page
    assert "Get free help in Leeds" in page


def test_without_a_stage_it_asks_for_one(client: FlaskClient) -> None:
    page = text_of(client.get("/next-steps/porter"))
    assert "tell us where you are now" in page
    assert "Your GCSEs" not in page


def test_a_bad_stage_is_refused(client: FlaskClient) -> None:
    assert client.get("/next-steps/porter?stage=retired").status_code == 400
    assert client.get("/next-steps/nobody?stage=school").status_code == 404
