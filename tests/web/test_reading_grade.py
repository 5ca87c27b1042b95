"""Plain English for a 14-year-old: every page type reads at grade 7 or below.

Measured on the rendered text of each page's main content, as a person sees it: each block
(paragraph, list item, heading, table cell, label, button) is read as its own line, so a
list of job titles is not scored as one endless sentence. Flesch-Kincaid grade (textstat),
the same measure the catalogue and question checks use.
"""

from __future__ import annotations

import pytest
from flask import Flask
from web_helpers import Journey, first_of_type, grade, main_text

from compass.questionnaire import QuestionType

MAX_GRADE = 7.0
ROLE_SAMPLE = ("healthcare-assistant", "paramedic", "clinical-psychologist", "porter",
               "social-worker-adults", "software-developer")


@pytest.fixture
def pupil(app: Flask) -> Journey:
    journey = Journey(app.test_client(), app.extensions["compass"].flow)
    journey.results({"stage": "school"})
    return journey


def page_types(app: Flask) -> list[str]:
    flow = app.extensions["compass"].flow
    roles = [r for r in ROLE_SAMPLE if app.extensions["compass"].catalogue.has_role(r)]
    return [
        "/", "/about-your-answers", "/words", "/clear", "/check", "/results", "/results?show=20",
        "/results/print", "/save", "/code", "/roles", "/roles?q=nurse", "/roles?q=phsyio",
        "/compare?role=porter&role=adult-nurse&role=paramedic", "/advisers", "/advisers/code",
        "/advisers/lesson-guide", "/groups", "/groups/join",
        *(f"/questions/{first_of_type(flow, kind).id}" for kind in QuestionType),
        *(f"/roles/{r}" for r in roles), *(f"/next-steps/{r}" for r in roles),
    ]


def test_every_page_type_reads_at_grade_7_or_below(app: Flask, pupil: Journey) -> None:
    grades = {}
    for path in page_types(app):
        response = pupil.client.get(path)
        assert response.status_code == 200, path
        grades[path] = grade(response.get_data(as_text=True))
    too_hard = {path: round(g, 1) for path, g in grades.items() if g > MAX_GRADE}
    assert not too_hard, too_hard


def test_every_role_page_reads_at_grade_7_or_below(app: Flask, pupil: Journey) -> None:
    too_hard = {}
    for role in app.extensions["compass"].catalogue.roles:
        found = grade(pupil.client.get(f"/roles/{role.id}").get_data(as_text=True))
        if found > MAX_GRADE:
            too_hard[role.id] = round(found, 1)
    assert not too_hard, too_hard


def test_the_measure_reads_blocks_as_lines() -> None:
    page = '<main id="maincontent"><ul><li>Porter</li><li>Nurse</li></ul><p>You help. Yes.</p></main>'
    assert main_text(page) == "Porter. Nurse. You help. Yes."
