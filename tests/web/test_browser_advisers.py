"""The adviser pages in a real browser: the same harness as test_browser.py.

Waitress on loopback and Debian's Chromium via Playwright; axe-core (WCAG 2.2 AA) on every
new page type at phone and desktop widths; no sideways scrolling at 320 pixels; nothing
loaded from other sites; screenshots in test-artifacts/screenshots/ for a person to check.
Covers an adviser opening a share code (and an expired and a forged one), a group session
below the minimum size and then with its chart, and the printable lesson resources.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, ViewportSize
from test_adviser import code_for
from test_browser import (
    DESKTOP,
    PHONE,
    RUN_AXE,
    SCREENSHOTS,
    WCAG,
    Contexts,
    follow,
    tab_to,
    use_code,
)

from compass.groups import Contribution
from web import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]
STAGES = ("school", "college", "working", "not_working", "university")


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    groups_db = tmp_path_factory.mktemp("groups") / "groups.sqlite3"
    return create_app({"secure_cookies": True, "database_url": f"sqlite:///{groups_db}"})


@pytest.fixture
def contexts(browser: Browser, server: str) -> Iterator[Contexts]:
    opened = Contexts(browser, server)
    yield opened
    opened.close()
    opened.watch.check()


def axe_violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate(RUN_AXE, WCAG)
    return found


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def pdf_pages(page: Page) -> int:
    """How many A4 pages the browser prints this page on."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))


def main_text(page: Page) -> str:
    return page.locator("main").inner_text()


def start_session(contexts: Contexts) -> tuple[Page, str]:
    """An adviser starts a group session with the keyboard; returns their page and the code."""
    adviser = contexts.new(axe=True)
    adviser.goto("/groups")
    tab_to(adviser, "button[type=submit]")
    follow(adviser, "Enter")
    return adviser, adviser.locator("#join-code").inner_text()


def join_as_pupil(contexts: Contexts, code: str, join_code: str) -> Page:
    """A pupil with finished answers adds their results from their results page."""
    page = contexts.new(axe=True)
    use_code(page, code)
    page.get_by_role("link", name="Add my results to my class").click()
    page.get_by_label("Class code").fill(join_code.lower())
    page.get_by_role("button", name="Add my results").click()
    assert page.get_by_role("heading", name="Your results have been added").is_visible()
    return page


# ---- the adviser view of a share code -----------------------------------------------------

@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_an_adviser_opens_a_code_by_keyboard_and_prints_one_page(
        contexts: Contexts, live_app: Flask, javascript: bool) -> None:
    code = code_for(live_app, {"stage": "college", "shifts": "days_only"}, hidden=["porter"])
    page = contexts.new(javascript=javascript, axe=javascript)  # axe itself needs JavaScript
    page.goto("/")
    tab_to(page, "a[href='/advisers']")
    follow(page, "Enter")
    tab_to(page, "a[href='/advisers/code']")
    follow(page, "Enter")
    tab_to(page, "input#code")
    page.keyboard.type(code.replace("-", " ").lower())
    follow(page, "Enter")
    assert page.url.endswith("/advisers/young-person")  # the code is never in the address
    text = main_text(page)
    for heading in ("At a glance", "Prompts for your conversation", "What to ask next",
                    "Things to check", "Tasters, volunteering and work experience",
                    "Suggested jobs, reasons and next steps", "Their answers"):
        assert heading in text
    assert "shifts, nights or weekends are not OK" in text
    assert page.locator(".app-guidance__role").count() == 10
    assert page.get_by_role("button", name="Print this page").is_visible() == javascript
    if javascript:
        assert axe_violations(page) == []
    screenshot(page, f"adviser-guidance-{'js' if javascript else 'nojs'}")
    page.emulate_media(media="print")
    assert not page.locator("header.nhsuk-header").is_visible()
    printed = page.locator(".app-guidance__role a[href^='http']").first.evaluate(
        "a => getComputedStyle(a, '::after').content")
    assert printed.startswith('" (https://')  # web links print in full
    if not javascript:
        screenshot(page, "adviser-guidance-print")


def test_expired_and_forged_codes_get_the_same_plain_page(contexts: Contexts,
                                                          live_app: Flask) -> None:
    page = contexts.new(axe=True)
    expired = code_for(live_app, {"stage": "school"}, issued=date.today() - timedelta(days=91))
    good = code_for(live_app, {"stage": "school"})
    forged = good[:-2] + ("00" if good[-2:] != "00" else "11")
    seen = []
    for name, code in (("expired", expired), ("forged", forged)):
        type_into_form(page, "/advisers/code", "#code", code, "Open the guidance page")
        assert page.locator(".nhsuk-error-summary").is_visible()
        seen.append(main_text(page))
        assert axe_violations(page) == []
        screenshot(page, f"adviser-code-{name}")
    assert seen[0] == seen[1] and "This code does not work" in seen[0]


# ---- group sessions -----------------------------------------------------------------------

def test_a_group_below_the_minimum_then_with_its_chart(contexts: Contexts, live_app: Flask) -> None:
    adviser, join_code = start_session(contexts)
    assert "0 pupils have joined." in main_text(adviser)
    pupils = [join_as_pupil(contexts, code_for(live_app, {"stage": stage}), join_code)
              for stage in STAGES[:4]]
    adviser.get_by_role("button", name="Refresh the counts").click()
    text = main_text(adviser)
    assert "4 pupils have joined." in text and "Results show from 5 pupils" in text
    assert "1 more pupil needs to join" in text and adviser.locator(".app-chart").count() == 0
    assert axe_violations(adviser) == []
    screenshot(adviser, "group-tally-below-minimum")

    again = pupils[0]
    again.goto("/groups/join")
    again.get_by_label("Class code").fill(join_code)
    again.get_by_role("button", name="Add my results").click()
    assert "You have already added your results to this class" in again.locator(
        ".nhsuk-error-summary").inner_text()
    again.wait_for_load_state("load")  # stylesheets applied before axe measures target sizes
    assert axe_violations(again) == []  # the form with its error
    join_as_pupil(contexts, code_for(live_app, {"stage": STAGES[4], "earn_while_learning": "study_first"}),
                  join_code)
    adviser.get_by_role("button", name="Refresh the counts").click()
    assert "5 pupils have joined." in main_text(adviser)
    charts = adviser.locator(".app-chart")
    assert charts.count() == 3
    bars = adviser.locator(".app-chart__fill")
    assert bars.count() >= 5 and bars.first.get_attribute("width") is not None
    adviser.locator(".app-chart summary").first.click()
    assert adviser.locator(".app-chart table").first.is_visible()
    assert "Ideas for your follow-up lesson" in main_text(adviser)
    assert axe_violations(adviser) == []
    screenshot(adviser, "group-tally")
    adviser.emulate_media(media="print")
    screenshot(adviser, "group-tally-print")
    no_script = contexts.new(javascript=False)  # the chart and its table need no JavaScript
    assert adviser.locator("#adviser-key").count() == 0  # never on the projected page
    shown = bars.count()
    adviser.goto("/groups/key")
    key = adviser.locator("#adviser-key").inner_text()
    type_into_form(no_script, "/groups", "#key", key, "Open the session")
    assert no_script.locator(".app-chart__fill").count() == shown
    no_script.locator(".app-chart summary").first.click()
    assert no_script.locator(".app-chart table").first.is_visible()


# ---- every new page type: axe, no sideways scrolling, screenshots --------------------------

def type_into_form(page: Page, path: str, field: str, value: str, button: str) -> None:
    """Open ``path``, type ``value`` into ``field`` and press ``button``: how codes and keys
    reach the server (never in a web address)."""
    page.goto(path)
    page.locator(field).fill(value)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state("load")


def ready_tally(app: Flask, pupils: int) -> str:
    """A session's adviser key, with ``pupils`` contributions added straight to the store."""
    store = app.extensions["compass_groups"]
    session = store.start_session()
    for i in range(pupils):
        store.add(session.join_code, Contribution(
            frozenset({"nursing-midwifery", "allied-health", "adult-social-care"}
                      if i % 2 else {"pharmacy", "allied-health"}),
            frozenset({"apprenticeship", "degree"} if i % 3 else {"degree"}), i % 2 == 0))
    return session.adviser_key


@pytest.mark.parametrize(("viewport", "device"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_every_adviser_page_type_is_accessible_and_fits(contexts: Contexts, live_app: Flask,
                                                        viewport: ViewportSize, device: str) -> None:
    page = contexts.new(viewport=viewport, axe=True)
    code = code_for(live_app, {"stage": "school"})
    use_code(page, code)
    expired = code_for(live_app, {"stage": "school"}, issued=date.today() - timedelta(days=91))
    by_code = ("/advisers/code", "#code", "Open the guidance page")
    by_key = ("/groups", "#key", "Open the session")
    pages: list[tuple[str, str | tuple[tuple[str, str, str], str]]] = [
        ("advisers", "/advisers"), ("adviser-open-code", "/advisers/code"),
        ("adviser-open-code-error", (by_code, "WRONG!")),
        ("adviser-guidance", (by_code, code)), ("adviser-expired", (by_code, expired)),
        ("groups", "/groups"), ("groups-key-error", (by_key, "nope")),
        ("group-tally-small", (by_key, ready_tally(live_app, 2))),
        ("group-tally-chart", (by_key, ready_tally(live_app, 7))), ("group-key", "/groups/key"),
        ("group-ended", (by_key, "A" * 24)), ("group-join", "/groups/join"),
        ("lesson-guide", "/advisers/lesson-guide"), ("role-cards", "/advisers/role-cards"),
        ("role-cards-family", "/advisers/role-cards/pharmacy"),
        ("role-cards-all", "/advisers/role-cards/all"),
    ]
    problems = {}
    for name, target in pages:
        if isinstance(target, str):
            page.goto(target)
        else:
            (path, field, button), value = target
            type_into_form(page, path, field, value, button)
        violations = axe_violations(page)
        if violations:
            problems[name] = violations
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport['width']}px"
        if name != "role-cards-all":  # very tall: the family set shows the same cards
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=True)
    page.goto("/groups/join")
    page.get_by_label("Class code").fill("ZZZZZZ")
    page.get_by_role("button", name="Add my results").click()
    assert page.locator(".nhsuk-error-summary").is_visible()
    if violations := axe_violations(page):
        problems["group-join-error"] = violations
    page.screenshot(path=str(SCREENSHOTS / f"group-join-error-{device}.png"), full_page=True)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_the_lesson_guide_prints_on_one_page_and_cards_do_not_split(contexts: Contexts) -> None:
    page = contexts.new(javascript=False)
    page.goto("/advisers/lesson-guide")
    page.emulate_media(media="print")
    assert pdf_pages(page) == 1
    screenshot(page, "lesson-guide-print")
    page.goto("/advisers/role-cards/pharmacy")
    page.emulate_media(media="print")
    assert not page.locator("header.nhsuk-header").is_visible()
    breaks = page.locator(".app-role-card").evaluate_all(
        "cards => cards.map(c => getComputedStyle(c).breakInside)")
    assert breaks and set(breaks) == {"avoid"}
    screenshot(page, "role-cards-print")
