"""Group sessions: counts only, from 5 pupils, for a day; pupils join once, by choice.

Also the fuzz test for every adviser, group and resource route (forms and query strings).
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from test_adviser import code_for, text_of, words_of
from web_helpers import Journey, grade, main_text, open_code
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from compass.catalogue.checks import MAX_READING_GRADE
from compass.catalogue.vocab import Family, RouteKind
from compass.groups import MIN_GROUP_SIZE, Contribution, GroupSession, Tally, TallyStore
from compass.questionnaire import Answers, score, validate_answers
from compass.suggestions import suggest
from web import create_app
from web.settings import Settings, SettingsError
from web.stores import GROUP_STORE as STORE
from web.stores import init_app as init_store

FAMILY_LABELS = {f.value: f.label for f in Family}
KIND_LABELS = {k.value: k.label for k in RouteKind}
STAGES = ("school", "college", "working", "not_working", "university", "school")


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """A test app whose tallies live in a temporary SQLite file."""
    yield create_app({"database_url": f"sqlite:///{tmp_path / 'groups.sqlite3'}"})


def start(app: Flask) -> tuple[Journey, str, str]:
    """An adviser starts a session: their browser, the tally page and the join code."""
    adviser = Journey(app.test_client(), app.extensions["compass"].flow)
    response = adviser.post("/groups/start", {})
    assert response.status_code == 303
    tally_url = response.headers["Location"]
    assert tally_url == "/groups/tally"  # the adviser key stays out of every web address
    found = re.search(r'id="join-code">([A-Z0-9]+)<', text_of(adviser.client.get(tally_url)))
    assert found
    return adviser, tally_url, found.group(1)


def key_on(adviser: Journey) -> str:
    """The adviser key, shown on its own page (never on the projected tally)."""
    assert 'id="adviser-key"' not in text_of(adviser.client.get("/groups/tally"))
    found = re.search(r'id="adviser-key">([A-Za-z0-9_-]+)<', text_of(adviser.client.get("/groups/key")))
    assert found
    return found.group(1)


def open_tally(app: Flask, key: str) -> tuple[Journey, TestResponse]:
    """Another browser opens a tally by typing its adviser key."""
    other = Journey(app.test_client(), app.extensions["compass"].flow)
    return other, other.post("/groups/tally", {"key": key})


def pupil(app: Flask, stage: str, **choices: str) -> Journey:
    """A pupil's browser with a finished set of answers (loaded from a share code)."""
    journey = Journey(app.test_client(), app.extensions["compass"].flow)
    assert open_code(journey, code_for(app, {"stage": stage, **choices})).status_code == 303
    assert journey.post("/code/shared/use", {}).status_code == 303
    return journey


def answers_in(journey: Journey) -> Answers:
    code = re.search(r'/code#([0-9A-Z-]+)"', text_of(journey.client.get("/save")))  # the long form
    assert code
    found = journey.client.application.extensions["compass"]
    shared: Answers = found.codec.read(code.group(1), [], datetime.now(UTC).date()).answers
    return shared


def expected_contribution(app: Flask, answers: Answers) -> Contribution:
    """Worked out here from the engine: the families and route kinds of the top 10."""
    found = app.extensions["compass"]
    top = suggest(found.flow, found.engine, answers, []).recommendations
    assert len(top) == 10
    return Contribution(frozenset(r.role.family.value for r in top),
                        frozenset(r.route.route.kind.value for r in top),
                        score(found.flow, answers).constraints.earn_while_learning)


def chart(page: str, chart_id: str) -> dict[str, int]:
    """One chart's bars as {label: count}, read from the page."""
    section = page.split(f'id="chart-{chart_id}"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'app-chart__label">([^<]+)</span>.*?<rect class="app-chart__fill" '
                      r'width="(\d+)".*?app-chart__count">(\d+) of (\d+) \((\d+)%\)', section, re.S)
    bars = {}
    for label, width, count, total, percent in rows:
        assert width == percent and round(100 * int(count) / int(total)) == int(percent)
        bars[html.unescape(label)] = int(count)
    table = re.findall(r'<th scope="row" class="nhsuk-table__header">([^<]+)</th><td[^>]*>(\d+)</td>',
                       section)
    assert {html.unescape(label): int(n) for label, n in table} == bars  # the text alternative
    return bars


# ---- the adviser's side -------------------------------------------------------------------

def test_starting_a_session_needs_a_csrf_token(client: FlaskClient) -> None:
    assert client.post("/groups/start").status_code == 400


def test_a_new_session_shows_the_join_code_and_asks_for_five_pupils(app: Flask) -> None:
    adviser, tally_url, join_code = start(app)
    assert re.fullmatch(r"[A-Z2-9]{6}", join_code)
    words = words_of(adviser.client.get(tally_url))
    assert "0 pupils have joined." in words and "Results show from 5 pupils" in words
    assert "5 more pupils need to join" in words
    key = key_on(adviser)
    assert key not in words and join_code not in key  # the key has its own page
    other, opened = open_tally(app, key)
    assert opened.status_code == 303 and opened.headers["Location"] == "/groups/tally"
    other_device = words_of(other.client.get(tally_url))
    assert "0 pupils have joined." in other_device and join_code not in other_device
    assert "shown on the device that started this session" in other_device


def test_below_the_minimum_the_tally_shows_only_how_many_have_joined(app: Flask) -> None:
    adviser, tally_url, join_code = start(app)
    for stage in STAGES[:MIN_GROUP_SIZE - 1]:
        assert pupil(app, stage).post("/groups/join", {"join_code": join_code}).status_code == 303
    page = text_of(adviser.client.get(tally_url))
    words = words_of(adviser.client.get(tally_url))
    assert "4 pupils have joined." in words and "1 more pupil needs to join" in words
    assert "app-chart" not in page and "<table" not in page
    assert not any(label in html.unescape(page) for label in FAMILY_LABELS.values())
    assert not any(label in html.unescape(page) for label in KIND_LABELS.values())


def test_from_five_pupils_the_chart_shows_the_counts(app: Flask) -> None:
    adviser, tally_url, join_code = start(app)
    expected = []
    choices = [{"earn_while_learning": "paid"}, {"earn_while_learning": "study_first"}, {}, {},
               {"earn_while_learning": "not_sure"}]
    for stage, chosen in zip(STAGES, choices, strict=False):
        journey = pupil(app, stage, **chosen)
        expected.append(expected_contribution(app, answers_in(journey)))
        assert journey.post("/groups/join", {"join_code": join_code.lower()}).status_code == 303
    page = text_of(adviser.client.get(tally_url))
    assert "5 pupils have joined." in words_of(adviser.client.get(tally_url))
    families = Counter(f for c in expected for f in c.families)
    kinds = Counter(k for c in expected for k in c.route_kinds)
    earn = sum(c.earn_while_learning for c in expected)
    assert chart(page, "families") == {FAMILY_LABELS[f]: n for f, n in families.items()}
    assert chart(page, "routes") == {KIND_LABELS[k]: n for k, n in kinds.items()}
    assert chart(page, "earn") == {"Yes": earn, "No or not sure": 5 - earn}
    assert 0 < earn < 5
    counts = list(chart(page, "families").values())
    assert counts == sorted(counts, reverse=True)
    ideas = page.split("Ideas for your follow-up lesson", 1)[1]
    linked = re.findall(r'href="/advisers/role-cards/([a-z-]+)"', ideas)
    assert linked == sorted(families, key=lambda f: (-families[f], f))[:3]  # cards to print


def test_sessions_and_their_counts_end_after_a_day(app: Flask) -> None:
    store: TallyStore = app.extensions[STORE]
    old: GroupSession = store.start_session(datetime.now(UTC) - timedelta(days=1, minutes=1))
    other, _ = open_tally(app, old.adviser_key)
    ended = other.client.get("/groups/tally")
    assert ended.status_code == 404 and "This group session has ended" in text_of(ended)
    refused = pupil(app, "school").post("/groups/join", {"join_code": old.join_code})
    assert refused.status_code == 400 and "That class code does not work" in text_of(refused)


def test_unknown_keys_and_codes_are_refused(app: Flask) -> None:
    _, tally_url, join_code = start(app)
    unknown, _ = open_tally(app, "A" * 24)
    assert unknown.client.get(tally_url).status_code == 404
    assert open_tally(app, join_code)[1].status_code == 400  # the join code is no key
    assert open_tally(app, "A" * 70)[1].status_code == 400
    journey = pupil(app, "college")
    wrong = journey.post("/groups/join", {"join_code": "ZZZZZZ"})
    assert wrong.status_code == 400 and 'href="#join_code"' in text_of(wrong)
    empty = journey.post("/groups/join", {"join_code": "  "})
    assert empty.status_code == 400 and "Enter your class code" in text_of(empty)


def test_an_adviser_can_go_back_to_a_session_by_its_key(app: Flask) -> None:
    adviser, tally_url, _ = start(app)
    key = key_on(adviser)
    other, response = open_tally(app, f" {key} ")
    assert response.status_code == 303 and response.headers["Location"] == tally_url
    assert "0 pupils have joined." in words_of(other.client.get(tally_url))
    empty = other.post("/groups/tally", {"key": ""})
    assert empty.status_code == 400 and "Enter your adviser key" in text_of(empty)
    assert other.post("/groups/tally", {"key": "not a key"}).status_code == 400
    assert app.test_client().get("/groups/tally").headers["Location"] == "/groups"  # none open


# ---- the pupil's side ---------------------------------------------------------------------

def test_pupils_join_from_their_results_page_once_per_browser_session(app: Flask) -> None:
    adviser, tally_url, join_code = start(app)
    journey = pupil(app, "school")
    assert 'href="/groups/join"' in text_of(journey.client.get("/results"))
    preview = words_of(journey.client.get("/groups/join"))
    assert "What we add" in preview and "You do not have to do this." in preview
    joined = journey.post("/groups/join", {"join_code": f" {join_code[:3]}-{join_code[3:]} "})
    assert joined.status_code == 303 and joined.headers["Location"] == "/groups/joined"
    assert "Your results have been added" in text_of(journey.client.get("/groups/joined"))
    again = journey.post("/groups/join", {"join_code": join_code.lower()})
    assert again.status_code == 400
    assert "You have already added your results to this class" in text_of(again)
    assert "1 pupil has joined." in words_of(adviser.client.get(tally_url))


def test_pupil_pages_are_plain_english_and_the_privacy_page_explains_joining(app: Flask) -> None:
    _, _, join_code = start(app)
    journey = pupil(app, "school")
    pages = [journey.client.get("/groups/join")]
    journey.post("/groups/join", {"join_code": join_code})
    pages.append(journey.client.get("/groups/joined"))
    for response in pages:
        page = text_of(response)
        assert grade(page) <= MAX_READING_GRADE, main_text(page)
    privacy = words_of(journey.client.get("/about-your-answers"))
    assert "Adding your results to your class" in privacy and "deleted after a day" in privacy


def test_joining_needs_finished_questions(app: Flask) -> None:
    _, _, join_code = start(app)
    journey = Journey(app.test_client(), app.extensions["compass"].flow)
    assert journey.client.get("/groups/join").headers["Location"] == "/questions/"
    assert journey.post("/groups/join", {"join_code": join_code}).status_code == 302
    assert journey.client.get("/groups/joined").status_code == 302


class RecordingStore:
    """A TallyStore that keeps a copy of everything it is given."""

    def __init__(self, inner: TallyStore) -> None:
        self.inner = inner
        self.received: list[tuple[object, ...]] = []

    def start_session(self, now: datetime | None = None) -> GroupSession:
        return self.inner.start_session(now)

    def join_code_is_open(self, join_code: str, now: datetime | None = None) -> bool:
        return self.inner.join_code_is_open(join_code, now)

    def add(self, join_code: str, contribution: Contribution, now: datetime | None = None) -> None:
        self.received.append((join_code, contribution, now))
        self.inner.add(join_code, contribution, now)

    def tally(self, adviser_key: str, now: datetime | None = None) -> Tally:
        return self.inner.tally(adviser_key, now)


@pytest.mark.slow  # free text loads the real sentence model
def test_the_tally_never_receives_answers_or_free_text(app: Flask, tmp_path: Path) -> None:
    recording = RecordingStore(app.extensions[STORE])
    app.extensions[STORE] = recording
    _, _, join_code = start(app)
    secret = "secret hobby words about drawing comics"
    journey = Journey(app.test_client(), app.extensions["compass"].flow)
    journey.results({"stage": "college", "in_your_own_words": secret, "shifts": "days_only"})
    own_titles = re.findall(r'<a href="/roles/([a-z0-9-]+)">[^<]+</a>\s*</h2>',
                            text_of(journey.client.get("/results")))
    assert journey.post("/groups/join", {"join_code": join_code}).status_code == 303
    ((code, contribution, now),) = recording.received
    assert code == join_code and now is None
    assert contribution == expected_contribution(app, validate_answers(journey.flow, journey.answers))
    catalogue = app.extensions["compass"].catalogue
    assert contribution.families == {catalogue.role(r).family.value for r in own_titles}
    assert isinstance(contribution.earn_while_learning, bool)
    assert "secret" not in repr(contribution) and "days_only" not in repr(contribution)
    database = sqlite3.connect(tmp_path / "groups.sqlite3")
    keys = {row[0] for row in database.execute("SELECT key FROM group_count")}
    columns = {row[1] for table in ("group_session", "group_count")
               for row in database.execute(f"PRAGMA table_info({table})")}
    database.close()
    assert keys == contribution.families | contribution.route_kinds
    assert columns == {"join_hash", "adviser_hash", "expires_at", "participants",
                       "earn_while_learning", "category", "key", "count"}
    raw = (tmp_path / "groups.sqlite3").read_bytes()
    assert secret.encode() not in raw and b"drawing" not in raw and join_code.encode() not in raw


def test_a_class_of_30_on_one_address_can_each_join_but_guessing_is_stopped(
        tmp_path: Path) -> None:
    limited = create_app({"lookup_rate_limit": Settings().lookup_rate_limit,
                          "database_url": f"sqlite:///{tmp_path / 'limited.sqlite3'}"})
    adviser, tally_url, join_code = start(limited)
    pupils = [pupil(limited, STAGES[i % len(STAGES)]) for i in range(31)]
    assert [p.post("/groups/join", {"join_code": join_code}).status_code
            for p in pupils[:30]] == [303] * 30
    assert "30 pupils have joined." in words_of(adviser.client.get(tally_url))
    guesser = pupils[30]
    guesses = [guesser.post("/groups/join", {"join_code": f"ZZZZZ{i}"}).status_code
               for i in range(2, 13)]
    assert guesses[:10] == [400] * 10 and guesses[-1] == 429
    elsewhere = Journey(limited.test_client(), limited.extensions["compass"].flow)
    elsewhere.client.environ_base["REMOTE_ADDR"] = "192.0.2.9"
    assert open_code(elsewhere, code_for(limited, {"stage": "school"})).status_code == 303
    assert elsewhere.post("/code/shared/use", {}).status_code == 303
    assert elsewhere.post("/groups/join", {"join_code": join_code}).status_code == 303


@pytest.mark.parametrize("path", ["/groups?x=1", "/groups/tally?key=abc", "/groups/joined?x=1"])
def test_a_key_or_unknown_value_in_the_address_is_not_read(app: Flask, path: str) -> None:
    journey = pupil(app, "school")
    response = journey.client.get(path, follow_redirects=True)
    assert response.status_code == 200
    assert "Sorry, we could not understand that" not in text_of(response)
    assert response.request.path != "/groups/tally"  # no tally opened from the address


@pytest.mark.parametrize(("method", "path", "data"), [
    ("POST", "/groups/tally", {"key": "A" * 24, "x": "1"}),
    ("POST", "/groups/join", {"join_code": "ABCDEF", "answers": "school"}),
    ("POST", "/groups/join", {"join_code": "A" * 21}),
    ("POST", "/groups/start", {"name": "Year 10"}),
])
def test_unexpected_form_fields_get_a_400_page(app: Flask, method: str, path: str,
                                              data: dict[str, str] | None) -> None:
    journey = pupil(app, "school")
    response = journey.post(path, data or {})
    assert response.status_code == 400
    assert "Sorry, we could not understand that" in text_of(response)


def test_two_join_codes_in_one_form_are_refused(app: Flask) -> None:
    journey = pupil(app, "school")
    response = journey.client.post("/groups/join", data=MultiDict(
        [("join_code", "ABCDEF"), ("join_code", "GHJKMN"), ("csrf_token", journey.token())]))
    assert response.status_code == 400


# ---- where the tallies live ---------------------------------------------------------------

def test_tallies_default_to_the_instance_folder(tmp_path: Path) -> None:
    bare = Flask("groups_test", instance_path=str(tmp_path / "instance"))
    bare.config["COMPASS_SETTINGS"] = Settings.for_tests(database_url="")
    init_store(bare)
    assert (tmp_path / "instance" / "compass.sqlite3").is_file()
    assert Settings().database_url == "" and Settings.for_tests().database_url == "sqlite://"


def test_a_database_that_cannot_be_opened_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="COMPASS_DATABASE_URL"):
        create_app({"database_url": f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'groups.sqlite3'}"})
    with pytest.raises(SettingsError, match="COMPASS_DATABASE_URL.*not a database URL"):
        create_app({"database_url": "nonsense://here"})


def test_the_lookup_limit_and_database_are_read_from_the_environment() -> None:
    key = "k" * 64
    url = "postgresql+psycopg://compass@db.internal/compass"
    settings = Settings.from_env({"COMPASS_SECRET_KEY": key, "COMPASS_DATABASE_URL": url,
                                  "COMPASS_LOOKUP_RATE_LIMIT": "10 per minute"})
    assert settings.database_url == url and settings.lookup_rate_limit == "10 per minute"
    with pytest.raises(SettingsError, match="COMPASS_LOOKUP_RATE_LIMIT"):
        Settings.from_env({"COMPASS_SECRET_KEY": key, "COMPASS_LOOKUP_RATE_LIMIT": "lots"})


# ---- fuzzing every adviser, group and resource route --------------------------------------

FUZZ_TARGETS = (
    ("GET", "/advisers", ()), ("GET", "/advisers/code", ()), ("POST", "/advisers/code", ("code",)),
    ("GET", "/advisers/young-person", ()),
    ("GET", "/groups", ()), ("POST", "/groups/start", ()), ("POST", "/groups/tally", ("key",)),
    ("GET", "/groups/tally", ()), ("GET", "/groups/key", ()),
    ("GET", "/groups/join", ()), ("POST", "/groups/join", ("join_code",)),
    ("GET", "/groups/joined", ()), ("GET", "/advisers/lesson-guide", ()),
    ("GET", "/advisers/role-cards", ()), ("GET", "/advisers/role-cards/all", ("download",)),
    ("GET", "/advisers/role-cards/pharmacy", ("download",)),
    ("GET", "/advisers/role-cards/<script>", ("download",)),
)


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[Flask]:
    yield create_app({})


@pytest.fixture(scope="module")
def fuzz_world(fuzz_app: Flask) -> dict[str, object]:
    """A live session and codes to aim at, and browsers that are new, finished and joined."""
    _, tally_url, join_code = start(fuzz_app)
    share = code_for(fuzz_app, {"stage": "working"})
    paths = list(FUZZ_TARGETS)
    browsers = {"new": Journey(fuzz_app.test_client(), fuzz_app.extensions["compass"].flow),
                "finished": pupil(fuzz_app, "college"), "joined": pupil(fuzz_app, "school")}
    assert browsers["joined"].post("/groups/join", {"join_code": join_code}).status_code == 303
    tokens = {name: b.token() for name, b in browsers.items()}
    return {"paths": paths, "browsers": browsers, "tokens": tokens, "join": join_code,
            "share": share}


def fuzz_values(join_code: str, share: str) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from([join_code, join_code.lower(), share, "1", "0", "all", "pharmacy",
                         *(f.value for f in Family)]),
        st.text(max_size=30),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=60, max_size=200),
        st.sampled_from(["", " ", "-", "%00", "\x00", "<script>", "ZZZZZZ", "A" * 3000, "ü" * 10]),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_adviser_or_group_parameter_causes_a_500(data: st.DataObject,
                                                     fuzz_world: dict[str, object]) -> None:
    paths: list[tuple[str, str, tuple[str, ...]]] = fuzz_world["paths"]  # type: ignore[assignment]
    method, path, names = data.draw(st.sampled_from(paths))
    which = data.draw(st.sampled_from(["new", "finished", "joined"]))
    browser: Journey = fuzz_world["browsers"][which]  # type: ignore[index]
    values = fuzz_values(str(fuzz_world["join"]), str(fuzz_world["share"]))
    name = st.sampled_from([*names, "x", "csrf_token", "answers", ""])
    pairs = data.draw(st.lists(st.tuples(name, values), max_size=5))
    if method == "POST" and data.draw(st.booleans()):
        pairs.append(("csrf_token", fuzz_world["tokens"][which]))  # type: ignore[index]
    if method == "GET":
        response = browser.client.get(path, query_string=MultiDict(pairs))
    else:
        response = browser.client.post(path, data=MultiDict(pairs))
    status = response.status_code
    response.close()
    assert status in {200, 302, 303, 400, 404, 405, 413, 414}, (method, path, pairs, status)


def test_fuzz_targets_cover_every_adviser_route(fuzz_app: Flask) -> None:
    shapes = {re.sub(r"/(\{[a-z]+\}|<script>|%00%FF|all|pharmacy)$", "/<x>", p)
              for _, p, _ in FUZZ_TARGETS}
    for rule in fuzz_app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in {"adviser", "groups", "resources"}:
            assert re.sub(r"<[^>]+>", "<x>", rule.rule) in shapes, rule.rule


def test_a_store_that_is_down_gives_the_sites_503_page_and_readyz_says_so(app: Flask) -> None:
    """A database error used to be a bare 500 while /readyz stayed green."""
    adviser, tally_url, _ = start(app)
    client = app.test_client()
    assert client.get("/readyz").json["stores"] == {"database": "ready"}  # type: ignore[index]
    database = app.extensions[STORE].database
    database.close()  # the database goes away: its server can no longer be reached
    database.engine = create_engine("sqlite:////no/such/folder/compass.sqlite3")
    page = adviser.client.get(tally_url)
    assert page.status_code == 503
    assert "Class sessions are not working at the moment" in text_of(page)
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json is not None
    assert ready.json["status"] == "not ready" and ready.json["stores"]["database"].startswith("down")
    assert client.get("/").status_code == 200  # pages that do not need the store keep working
    assert client.get("/roles/porter").status_code == 200


def test_the_projected_tally_shows_the_join_code_and_a_qr_code_but_never_the_key(app: Flask) -> None:
    adviser, tally_url, join_code = start(app)
    page = text_of(adviser.client.get(tally_url))
    key = key_on(adviser)
    assert key not in page and 'href="/groups/key"' in page
    assert 'aria-label="QR code to join this class"' in page
    assert f"/groups/join#{join_code}" not in page  # the link is only inside the QR image
    assert 'data-refresh-every="' in page and f'href="{tally_url}"' in page  # refreshes, JS or not
