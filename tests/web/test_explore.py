"""The role explorer on the real catalogue: search, filters, role pages and comparing."""

from __future__ import annotations

import html
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Journey, text_of

from compass.catalogue import Catalogue
from compass.catalogue.vocab import Family


def listed(page: str) -> list[str]:
    return re.findall(r'name="role" type="checkbox" value="([a-z0-9-]+)"', page)


@pytest.fixture
def catalogue(app: Flask) -> Catalogue:
    found: Catalogue = app.extensions["compass"].catalogue
    return found


def test_the_explorer_lists_every_role_a_to_z(client: FlaskClient, catalogue: Catalogue) -> None:
    ids = listed(text_of(client.get("/roles")))
    assert sorted(ids) == sorted(catalogue.role_ids)
    titles = [catalogue.role(i).title.lower() for i in ids]
    assert titles == sorted(titles)


@pytest.mark.parametrize(("words", "expected"), [
    ("physio", "physiotherapist"),
    ("porter", "porter"),
    ("coding", "clinical-coder"),
    ("HCA", "healthcare-assistant"),
    ("nursing", "adult-nurse"),
])
def test_search_finds_roles_by_other_titles_and_word_forms(client: FlaskClient, words: str,
                                                           expected: str) -> None:
    found = listed(text_of(client.get("/roles", query_string={"q": words})))
    assert expected in found[:5]


def test_search_with_no_match_says_so(client: FlaskClient) -> None:
    page = text_of(client.get("/roles?q=zzzqqq"))
    assert "No jobs match" in page and not listed(page)


@pytest.mark.parametrize("family", list(Family))
def test_family_filter_keeps_only_that_family(client: FlaskClient, catalogue: Catalogue,
                                              family: Family) -> None:
    found = listed(text_of(client.get(f"/roles?family={family.value}")))
    assert found == [i for i in found if catalogue.role(i).family is family]
    assert len(found) == sum(r.family is family for r in catalogue.roles)


def test_no_degree_filter_leaves_out_roles_that_need_one(client: FlaskClient) -> None:
    no_degree = listed(text_of(client.get("/roles?route=no-degree")))
    degree = listed(text_of(client.get("/roles?route=degree")))
    assert "porter" in no_degree and "adult-nurse" not in no_degree
    assert "adult-nurse" in degree and "porter" not in degree


def test_role_page_shows_everything_a_person_needs(client: FlaskClient,
                                                   catalogue: Catalogue) -> None:
    role = catalogue.role("healthcare-assistant")
    page = text_of(client.get("/roles/healthcare-assistant"))
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", page)
    assert headings[:6] == ["What you would do", "Where you would work", "Pay", "How to get in",
                            "Try it first in Leeds", "Where it can lead"]  # read top-down
    assert "Where these facts come from" in headings
    words = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert role.day_to_day[0] in words
    assert 'href="/words#' in page  # hard words link to what they mean
    for route in role.entry_routes:
        assert route.name in page
    for target in role.progression:
        assert f'href="/roles/{target}"' in page
    for source in role.sources:
        assert f'href="{source}"' in page
    assert "leedsth.nhs.uk" in page
    assert 'href="/next-steps/healthcare-assistant"' in page
    blurbs = [p.offers for p in catalogue.providers.values() if p.offers in words]
    assert blurbs == []  # the role page names who can help; the next steps page says what they do
    for way in role.ways_to_try:
        assert f'href="{catalogue.ways_to_try[way].url}"' in page


def test_role_page_lists_roles_that_lead_to_it(client: FlaskClient, catalogue: Catalogue) -> None:
    target = next(r for r in catalogue.roles if catalogue.leads_to(r.id))
    page = text_of(client.get(f"/roles/{target.id}"))
    assert "Jobs that can lead here" in page
    for source in catalogue.leads_to(target.id):
        assert f'href="/roles/{source.id}"' in page


def test_unknown_role_is_a_friendly_404(client: FlaskClient) -> None:
    response = client.get("/roles/not-a-role")
    assert response.status_code == 404
    assert "We could not find that job" in text_of(response)


def test_compare_two_or_three_roles_side_by_side(client: FlaskClient) -> None:
    page = text_of(client.get("/compare?role=porter&role=adult-nurse&role=physiotherapist"))
    assert "side by side" in page
    assert page.count('scope="col"') == 3


def test_compare_asks_again_for_one_or_four_roles(client: FlaskClient) -> None:
    one = client.get("/compare?role=porter")
    assert one.status_code == 400 and "Tick two or three jobs" in text_of(one)
    four = client.get("/compare?role=porter&role=adult-nurse&role=physiotherapist&role=midwife")
    assert four.status_code == 400
    assert re.search(r'value="porter" checked', text_of(four))
    assert client.get("/compare").status_code == 200


def test_compare_this_job_with_others_opens_the_choice_with_it_ticked(client: FlaskClient) -> None:
    role_page = text_of(client.get("/roles/porter"))
    link = re.search(r'href="(/compare[^"]*)">Compare this job with others', role_page)
    assert link is not None
    choose = client.get(link.group(1).replace("&amp;", "&"))
    assert choose.status_code == 200
    assert 'value="porter" checked' in text_of(choose) and "There is a problem" not in text_of(choose)


def test_compare_adds_rows_for_the_persons_answers(journey: Journey) -> None:
    journey.results({"stage": "working", "shifts": "days_only"})
    page = text_of(journey.client.get("/compare?role=paramedic&role=medical-secretary"))
    assert "How each job fits your answers" in page and "You need set day hours" in page
    hours = page.split("Working hours<br>", 1)[1].split("</tr>", 1)[0]
    assert "Does not fit" in hours and "Fits" in hours
