"""Lesson resources: the one-page lesson guide and print-ready role cards."""

from __future__ import annotations

import html
import re

import pytest
import textstat
from flask import Flask
from flask.testing import FlaskClient
from test_adviser import text_of

from compass.catalogue import Catalogue
from compass.catalogue.checks import MAX_READING_GRADE
from compass.catalogue.vocab import Family
from web.filters import join_words, pay
from web.security import CONTENT_SECURITY_POLICY


@pytest.fixture
def catalogue(app: Flask) -> Catalogue:
    found: Catalogue = app.extensions["compass"].catalogue
    return found


def main_words(response: object) -> str:
    """The words inside <main>, as a reader sees them."""
    main = text_of(response).split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main.split(">", 1)[1])))


def cards_in(page: str) -> dict[str, str]:
    """Each card's text, by role id."""
    found = re.findall(r'<article class="app-role-card" aria-labelledby="card-([a-z0-9-]+)">(.*?)</article>',
                       page, re.S)
    return {role_id: re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))
            for role_id, body in found}


def test_the_lesson_guide_covers_before_during_after_privacy_codes_and_groups(
        client: FlaskClient) -> None:
    response = client.get("/advisers/lesson-guide")
    assert response.status_code == 200
    words = main_words(response)
    for heading in ("Before the lesson", "During the lesson", "After the lesson", "Using share codes",
                    "Using group sessions", "Privacy"):
        assert heading in words
    assert "90 days" in words and "5 pupils" in words and "Clear my answers" in words
    assert textstat.flesch_kincaid_grade(words) <= MAX_READING_GRADE
    links = set(re.findall(r'href="(/[^"]*)"', text_of(response).split("<main", 1)[1]))
    assert {"/groups", "/advisers/role-cards", "/advisers/code"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_card_index_offers_every_family_and_all_jobs(client: FlaskClient,
                                                        catalogue: Catalogue) -> None:
    page = text_of(client.get("/advisers/role-cards"))
    families = {r.family for r in catalogue.roles}
    for family in families:
        assert f'href="/advisers/role-cards/{family.value}"' in page
        assert f'href="/advisers/role-cards/{family.value}?download=1"' in page
    assert 'href="/advisers/role-cards/all?download=1"' in page
    counts = [int(n) for n in re.findall(r"cell--numeric\">(\d+)<", page)]
    assert counts[0] == len(catalogue.roles) == sum(counts[1:])


def test_there_is_one_card_for_every_role_with_what_a_card_needs(client: FlaskClient,
                                                                   catalogue: Catalogue) -> None:
    page = text_of(client.get("/advisers/role-cards/all"))
    cards = cards_in(page)
    assert set(cards) == set(catalogue.role_ids)
    titles = re.findall(r'class="app-role-card__title" id="card-[a-z0-9-]+">([^<]+)<', page)
    assert titles == sorted(titles) and len(titles) == len(catalogue.roles)
    for role in catalogue.roles:
        body = cards[role.id]
        assert role.title in body and html.unescape(role.summary) in body
        assert all(point in body for point in role.day_to_day[:3])
        assert not any(point in body for point in role.day_to_day[3:])
        assert f"Pay {pay(role.pay)}" in body
        route = role.paid_ways_in[0] if role.paid_ways_in else None
        assert f"Paid way in {route.name}" in body if route else "Paid way in None" in body
        assert f"Where in Leeds {join_words(role.leeds_employers)}" in body


@pytest.mark.parametrize("family", list(Family))
def test_each_family_has_its_own_set_of_cards(client: FlaskClient, catalogue: Catalogue,
                                              family: Family) -> None:
    expected = {r.id for r in catalogue.roles if r.family is family}
    response = client.get(f"/advisers/role-cards/{family.value}")
    if not expected:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert set(cards_in(text_of(response))) == expected


def test_unknown_card_sets_are_not_found(client: FlaskClient) -> None:
    response = client.get("/advisers/role-cards/astronauts")
    assert response.status_code == 404 and "There are no role cards" in text_of(response)


def test_cards_download_as_one_self_contained_file(client: FlaskClient, catalogue: Catalogue) -> None:
    response = client.get("/advisers/role-cards/pharmacy?download=1")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert response.headers["Content-Disposition"] == \
        'attachment; filename="career-compass-role-cards-pharmacy.html"'
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    page = text_of(response)
    assert set(cards_in(page)) == {r.id for r in catalogue.roles if r.family is Family.PHARMACY}
    style = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(style) == 1 and ".app-role-card" in style[0] and "@media print" in style[0]
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert not re.search(r"(href|url)\(?=?[\"']?(https?:)?//", page)


def test_role_cards_print_one_card_without_splitting_it(client: FlaskClient) -> None:
    with client.get("/static/css/app.css") as response:
        css = text_of(response)
    printed = css.split("@media print")[1:]
    assert any(re.search(r"\.app-role-card \{[^}]*break-inside: avoid", block) for block in printed)


def test_each_card_shows_the_roles_first_paid_way_in_or_says_there_is_none(
        client: FlaskClient, catalogue: Catalogue) -> None:
    page = text_of(client.get("/advisers/role-cards/all"))
    for role_id in ("porter", "clinical-psychologist"):
        role = catalogue.role(role_id)
        card = page.split(f">{role.title}</h2>", 1)[1].split("</article>", 1)[0]
        paid = role.paid_ways_in
        expected = paid[0].name if paid else "None: you study full time first"
        assert expected.replace("'", "&#39;") in card, role_id


@pytest.mark.parametrize("path", ["/advisers/lesson-guide?x=1", "/advisers/role-cards?family=pharmacy",
                                  "/advisers/role-cards/all?download=2",
                                  "/advisers/role-cards/all?download=1&download=1",
                                  "/advisers/role-cards/all?print=1"])
def test_unknown_or_stale_values_in_a_link_are_not_read(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"  # download=2 is not a download
