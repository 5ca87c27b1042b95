"""The real thing: waitress on loopback and Debian's Chromium, driven by Playwright.

One server and one browser serve the whole module. The journey is done with the keyboard
only, with JavaScript on and off; axe-core checks every page type against WCAG 2.2 AA;
nothing may scroll sideways at 320 pixels; no request may leave 127.0.0.1; and the main
pages are saved as screenshots (test-artifacts/screenshots/) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
    ViewportSize,
)
from web_helpers import Value, default_answer, first_of_type

from compass.questionnaire import Flow, QuestionType, questions_for, validate_answers
from web import create_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PHONE: ViewportSize = {"width": 320, "height": 640}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} -> ` +
    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


@pytest.fixture(scope="module")
def live_app() -> Flask:
    return create_app({"secure_cookies": True})


@dataclass
class Watch:
    """What a browser context did that it should not: leave loopback, or log errors."""

    offsite: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.offsite == [], f"requests to other sites: {self.offsite}"
        assert self.errors == [], f"console errors (CSP or script): {self.errors}"


class Contexts:
    """Opens watched browser contexts on the test server."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.browser = browser
        self.base = base
        self.watch = Watch()
        self.opened: list[BrowserContext] = []

    def new(self, javascript: bool = True, viewport: ViewportSize = DESKTOP,
            axe: bool = False) -> Page:
        context = self.browser.new_context(java_script_enabled=javascript, viewport=viewport,
                                           base_url=self.base)
        if axe:
            context.add_init_script(path=str(AXE))
        context.route("**/*", self._only_loopback)
        page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.watch.errors.append(str(e)))
        page.on("response", self._response)
        self.opened.append(context)
        return page

    def _console(self, message: ConsoleMessage) -> None:
        # A page answered with 400 or 404 on purpose is reported as a failed load; failed
        # stylesheets, scripts and images are caught in _response instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.watch.errors.append(message.text)

    def _response(self, response: Response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.watch.errors.append(f"{response.status} for {response.url}")

    def _only_loopback(self, route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname != "127.0.0.1":
            self.watch.offsite.append(request.url)
            route.abort()
        else:
            route.continue_()

    def close(self) -> None:
        for context in self.opened:
            context.close()


@pytest.fixture
def contexts(browser: Browser, server: str) -> Iterator[Contexts]:
    opened = Contexts(browser, server)
    yield opened
    opened.close()
    opened.watch.check()


# ---- keyboard helpers ---------------------------------------------------------------------

def focused_matches(page: Page, selector: str) -> bool:
    return bool(page.locator(f"{selector}:focus").count())


def tab_to(page: Page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key on {page.url}")


def answer_by_keyboard(page: Page, choices: dict[str, int], text: str) -> None:
    """Answer the question on screen with the keyboard, then press Continue."""
    question_id = page.url.rsplit("/", 1)[-1].split("?")[0]
    radios = page.locator("input[type=radio]")
    if page.locator("textarea").count():
        tab_to(page, "textarea")
        page.keyboard.type(text)
    elif page.locator("input[type=checkbox]").count():
        tab_to(page, "input[type=checkbox]")
        page.keyboard.press("Space")
    elif radios.count():
        names = list(dict.fromkeys(radios.evaluate_all("els => els.map(e => e.name)")))
        for name in names:
            tab_to(page, f"input[type=radio][name='{name}']")
            page.keyboard.press("Space")
            for _ in range(choices.get(question_id, 0)):
                page.keyboard.press("ArrowDown")
    tab_to(page, "button[type=submit]")
    follow(page, "Enter")


def follow(page: Page, key: str) -> None:
    """Press ``key`` on the focused link or button and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def walk_questions(page: Page, choices: dict[str, int], text: str = "") -> list[str]:
    """Answer every question by keyboard; returns the progress captions seen."""
    seen = []
    while "/questions/" in page.url:
        caption = page.locator(".app-progress").inner_text()
        # no total on the first question: it depends on the stage, not known yet
        assert re.fullmatch(r"Question 1" if not seen else r"Question \d+ of \d+", caption), caption
        seen.append(caption)
        answer_by_keyboard(page, choices, text)
    return seen


def result_titles(page: Page) -> list[str]:
    return page.locator(".app-result h2 a").all_inner_texts()


# ---- the journey --------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_whole_journey_by_keyboard(contexts: Contexts, javascript: bool) -> None:
    page = contexts.new(javascript=javascript)
    page.goto("/")
    if javascript:  # our module loaded the NHS.UK scripts: enhancements are switched on
        page.wait_for_function("document.body.classList.contains('nhsuk-frontend-supported')")
    tab_to(page, "a.nhsuk-button")
    follow(page, "Enter")
    captions = walk_questions(page, {"stage": 1}, text="I like science and helping people")
    assert captions[0] == "Question 1" and captions[1].startswith("Question 2 of ")
    assert captions[-1] == f"Question {len(captions)} of {len(captions)}"
    assert page.url.endswith("/check")
    assert "I like science and helping people" in page.locator("main").inner_text()
    tab_to(page, "a.nhsuk-button")
    follow(page, "Enter")
    before = result_titles(page)
    assert len(before) == 10
    assert page.locator(".app-result").first.locator(".app-result__reason").count() == 1
    tab_to(page, ".app-result button[type=submit]")
    follow(page, "Enter")
    after = result_titles(page)
    assert before[0] not in after and len(after) == 10
    assert "Jobs you said are not for you" in page.locator("main").inner_text()


RESULTS_HEIGHT_MOST, RESULTS_WORDS_MOST = 4000, 700


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_ten_results_fit_a_phone(contexts: Contexts, live_app: Flask, javascript: bool) -> None:
    """Ten suggestions at 320 px: at most 4,000 px tall and 700 words on the whole page."""
    page = contexts.new(javascript=javascript, viewport=PHONE)
    use_code_without_script(page, code_for_answers(live_app, {"stage": "school"}))
    assert len(result_titles(page)) == 10
    height = page.evaluate("document.documentElement.scrollHeight")
    words = len(page.locator("body").inner_text().split())
    assert height <= RESULTS_HEIGHT_MOST and words <= RESULTS_WORDS_MOST, (height, words)
    # The first screen says who the list is for and shows the first suggestion.
    first = page.locator(".app-result").first.bounding_box()
    assert first is not None and first["y"] < PHONE["height"]


def test_compare_from_the_results_page(contexts: Contexts, live_app: Flask) -> None:
    page = contexts.new(javascript=False, viewport=PHONE)
    use_code_without_script(page, code_for_answers(live_app, {"stage": "school"}))
    chosen = result_titles(page)[:2]
    for box in page.locator(".app-result input[type=checkbox]").all()[:2]:
        box.check()
    page.get_by_role("button", name="Compare ticked jobs").click()
    assert page.locator("table caption").inner_text().endswith("side by side")
    header = page.locator("table thead").inner_text()
    assert all(title in header for title in chosen)


@pytest.mark.parametrize("path", ["/?fbclid=x", "/?utm_source=x&utm_medium=y",
                                  "/roles?q=nurse&gclid=z", "/results?show=99999"])
def test_links_from_the_outside_world_render_the_normal_page(contexts: Contexts, live_app: Flask,
                                                             path: str) -> None:
    page = contexts.new(javascript=False)
    use_code_without_script(page, code_for_answers(live_app, {"stage": "school"}))
    response = page.goto(path)
    assert response is not None and response.status == 200
    assert "could not understand" not in page.locator("main").inner_text()


def use_code_without_script(page: Page, code: str) -> None:
    """Type a code into the 'open a code' form and use its answers (no JavaScript needed)."""
    page.goto("/code")
    page.locator("#code").fill(code)
    page.get_by_role("button", name="Open").click()
    page.get_by_role("button", name="Use these answers on this device").click()
    assert page.url.endswith("/results")


def test_back_link_and_error_summary(contexts: Contexts) -> None:
    page = contexts.new()
    page.goto("/questions/stage")
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".nhsuk-error-summary")
    assert summary.is_visible()
    assert page.title().startswith("Error: ")
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "stage-school"
    page.get_by_label("At sixth form or college").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Back").click()
    assert page.url.endswith("/questions/stage")
    assert page.get_by_label("At sixth form or college").is_checked()


def test_share_a_code_and_open_it_in_another_browser(contexts: Contexts) -> None:
    page = contexts.new()
    page.goto("/questions/")
    walk_questions(page, {"stage": 3})
    page.goto("/results")
    mine = result_titles(page)
    page.get_by_role("link", name="Save or share these jobs").click()
    code = page.locator("#share-code").inner_text()
    assert page.locator(".app-qr svg").count() == 1
    adviser = contexts.new(javascript=False)
    adviser.goto("/")
    adviser.get_by_role("link", name="Open a code").first.click()
    adviser.get_by_label("Open a code").fill(code.replace("-", " ").lower())
    adviser.get_by_role("button", name="Open").click()
    assert adviser.get_by_role("heading", name="Suggestions from a code").is_visible()
    assert result_titles(adviser) == mine


def test_explorer_search_filter_and_compare(contexts: Contexts, live_app: Flask) -> None:
    page = contexts.new(javascript=False)
    page.goto("/roles")
    page.get_by_label("Search by words").fill("physio")
    page.get_by_role("button", name="Show jobs").click()
    assert "Physiotherapist" in page.locator(".app-role-list").inner_text()
    page.goto("/roles")
    page.get_by_label("Kind of job").select_option("pharmacy")
    page.get_by_label("How you get in").select_option("earn")
    page.get_by_role("button", name="Show jobs").click()
    listed = page.locator(".app-role-list h3").all_inner_texts()
    catalogue = live_app.extensions["compass"].catalogue
    pharmacy = {r.title for r in catalogue.roles if r.family.value == "pharmacy" and r.has_paid_way_in}
    assert listed and "Pharmacy assistant" in listed and set(listed) <= pharmacy
    for box in page.locator(".app-role-list input[type=checkbox]").all()[:2]:
        box.check()
    page.get_by_role("button", name="Compare ticked jobs").first.click()
    assert page.locator("table caption").inner_text().endswith("side by side")


# ---- every page type: axe, no sideways scrolling, screenshots ------------------------------

def code_for_answers(app: Flask, choices: dict[str, str]) -> str:
    """A share code for a full set of answers, made with the live app's own codec."""
    found = app.extensions["compass"]
    raw: dict[str, Value] = {}
    while (question := next((q for q in questions_for(found.flow, raw) if q.id not in raw),
                            None)) is not None:
        raw[question.id] = choices.get(question.id, default_answer(question))
    answers = validate_answers(found.flow, raw)
    code: str = found.codec.make(answers, [], date.today())
    return code


def use_code(page: Page, code: str) -> None:
    """Load a code's answers into this browser, the way an adviser or a pupil would."""
    page.goto(f"/code#{code}")  # a share link: the code rides after '#', and a script opens it
    page.wait_for_url("**/code/shared")
    page.get_by_role("button", name="Use these answers on this device").click()
    assert page.url.endswith("/results")


def page_types(flow: Flow, code: str) -> list[tuple[str, str]]:
    kinds = {kind: first_of_type(flow, kind).id for kind in
             (QuestionType.SINGLE, QuestionType.RATING, QuestionType.MULTIPLE, QuestionType.TEXT)}
    return [
        ("start", "/"), ("privacy", "/about-your-answers"), ("words", "/words"), ("clear", "/clear"),
        *((f"question-{kind.value}", f"/questions/{qid}") for kind, qid in kinds.items()),
        ("check", "/check"),
        ("results", "/results"), ("results-more", "/results?show=20"),
        ("print", "/results/print"), ("save", "/save"), ("open-code", "/code"),
        ("shared", "/code/shared"), ("roles", "/roles"),
        ("roles-filtered", "/roles?q=nurse&route=earn"), ("roles-none", "/roles?q=zzzz"),
        ("roles-corrected", "/roles?q=phsyio"), ("roles-filter-words", "/roles?q=no+degree"),
        ("role", "/roles/healthcare-assistant"),
        ("compare", "/compare?role=porter&role=adult-nurse&role=physiotherapist"),
        ("compare-choose", "/compare?role=porter"),
        ("next-steps-school", "/next-steps/healthcare-assistant?stage=school"),
        ("next-steps-out-of-work", "/next-steps/care-worker?stage=not_working"),
        ("next-steps-ask", "/next-steps/porter"),
        ("error-404", "/roles/no-such-job"), ("outside-link", "/roles?q=nurse&gclid=z&utm_source=poster"),
        ("open-code-error", ""),
    ]


@pytest.mark.parametrize(("viewport", "device"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_every_page_type_is_accessible_and_fits(contexts: Contexts, live_app: Flask,
                                                viewport: ViewportSize, device: str) -> None:
    page = contexts.new(viewport=viewport, axe=True)
    code = code_for_answers(live_app, {"stage": "school"})
    use_code(page, code)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    flow = live_app.extensions["compass"].flow
    for name, path in [*page_types(flow, code), ("question-error", "")]:
        if name == "question-error":
            page.goto(f"/questions/{first_of_type(flow, QuestionType.TEXT).id}")
            page.locator("textarea").fill("I like helping people. " * 30)
            page.get_by_role("button", name=re.compile("Continue|Save")).click()
            assert page.locator(".nhsuk-error-summary").is_visible()
        elif name == "open-code-error":
            page.goto("/code")
            page.locator("#code").fill("WRONG")
            page.get_by_role("button", name="Open").click()
            assert page.locator(".nhsuk-error-summary").is_visible()
        else:
            page.goto(path)
        page.wait_for_load_state("load")  # stylesheets applied before axe measures target sizes
        violations = page.evaluate(RUN_AXE, WCAG)
        if violations:
            problems[name] = violations
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport['width']}px"
        # The full list of every role is very tall: its first screen is enough to look at.
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=name != "roles")
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
