"""A city's worth of serving, for real: two server processes (one of them gunicorn with two
workers) sharing one PostgreSQL and one Redis, and stores that go down and come back.

Needs the PostgreSQL and Redis that .ci/run starts (COMPASS_TEST_DATABASE_URL and
COMPASS_TEST_REDIS_URL); skipped without them.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from hosts import TEST_DATABASE_URL, TEST_REDIS_URL, Browser, Host, Relay, fresh_stores, shared_settings, start_host
from web_helpers import default_answer

from compass.questionnaire import load_flows, questions_for, validate_answers
from compass.sharecode import ShareCodec

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (TEST_DATABASE_URL and TEST_REDIS_URL),
                       reason="needs the PostgreSQL and Redis that .ci/run starts"),
]
REPO = Path(__file__).resolve().parents[2]
RATE_LIMIT = 80


def share_code(secret: str, stage: str) -> str:
    """A share code for a full set of default answers, made with the hosts' own secret."""
    flow = load_flows(REPO / "questionnaires")["main"]
    raw: dict[str, object] = {}
    while (question := next((q for q in questions_for(flow, raw) if q.id not in raw), None)) is not None:
        raw[question.id] = stage if question.id == "stage" else default_answer(question)
    codec = ShareCodec(flow, secret.encode(), 90)
    return codec.make(validate_answers(flow, raw), [], date.today())


def join_code_and_key(tally: str, key_page: str) -> tuple[str, str]:
    join = re.search(r'id="join-code">([A-Z0-9]+)<', tally)
    key = re.search(r'id="adviser-key">([A-Za-z0-9_-]+)<', key_page)
    assert join and key, tally[:2000]
    return join.group(1), key.group(1)


def pupil_joins(host: Host, secret: str, stage: str, join_code: str) -> Browser:
    pupil = Browser()
    assert pupil.post(host.url, "/code", {"code": share_code(secret, stage)})[0] == 303
    assert pupil.post(host.url, "/code/shared/use", {})[0] == 303
    status, page, location = pupil.post(host.url, "/groups/join", {"join_code": join_code})
    assert (status, location) == (303, "/groups/joined"), page[:2000]
    return pupil


@pytest.fixture
def hosts(tmp_path: Path) -> Iterator[tuple[Host, Host, dict[str, str], Path]]:
    database, redis_url = fresh_stores()
    settings = shared_settings(COMPASS_DATABASE_URL=database, COMPASS_REDIS_URL=redis_url,
                               COMPASS_RATE_LIMIT=f"{RATE_LIMIT} per minute",
                               COMPASS_VISITOR_RATE_LIMIT="10000 per minute",
                               COMPASS_LOOKUP_RATE_LIMIT="10000 per minute")
    access_log = tmp_path / "access.log"
    first = start_host(tmp_path, settings, workers=2, access_log=access_log)
    try:
        second = start_host(tmp_path, settings)
    except BaseException:
        first.stop()
        raise
    yield first, second, settings, access_log
    first.stop()
    second.stop()


def test_a_session_started_on_one_host_is_joined_on_the_other_and_limits_count_once(
        hosts: tuple[Host, Host, dict[str, str], Path]) -> None:
    first, second, settings, access_log = hosts
    secret = settings["COMPASS_SECRET_KEY"]
    adviser = Browser()
    assert adviser.post(first.url, "/groups/start", {})[:3:2] == (303, "/groups/tally")
    join_code, key = join_code_and_key(adviser.open(first.url + "/groups/tally")[1],
                                       adviser.open(first.url + "/groups/key")[1])
    pupils = [pupil_joins(second, secret, stage, join_code) for stage in ("school", "college")]
    assert "2 pupils have joined." in adviser.open(first.url + "/groups/tally")[1]
    on_the_other = Browser()  # the same adviser key opens the tally on the other host
    assert on_the_other.post(second.url, "/groups/tally", {"key": key})[0] == 303
    assert "2 pupils have joined." in on_the_other.open(second.url + "/groups/tally")[1]

    # One Redis counts for both: every request so far came from 127.0.0.1.
    used = adviser.requests + on_the_other.requests + sum(p.requests for p in pupils)
    hammer = Browser()
    served = 0
    for i in range(2 * RATE_LIMIT):
        status = hammer.open((first if i % 2 else second).url + "/roles/porter")[0]
        if status == 429:
            break
        assert status == 200
        served += 1
    assert served == RATE_LIMIT - used, (served, used)
    assert hammer.open(first.url + "/roles/porter")[0] == 429
    assert hammer.open(second.url + "/roles/porter")[0] == 429

    # The gunicorn access log: method, path, status and time; no codes, keys or addresses.
    time.sleep(1)
    logged = access_log.read_text()
    assert '"GET /groups/tally" 200' in logged and '"POST /groups/start" 303' in logged
    for secret_text in (join_code, key, "127.0.0.1", "csrf_token", "?"):
        assert secret_text not in logged, secret_text


def _through(url: str, relay: Relay) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)
    address = f"127.0.0.1:{relay.port}"
    return urlunsplit(parts._replace(netloc=f"{netloc[0]}@{address}" if len(netloc) == 2 else address))


def test_stores_that_go_down_give_503s_and_lose_nothing(tmp_path: Path) -> None:
    database, redis_url = fresh_stores()
    db_parts, redis_parts = urlsplit(database), urlsplit(redis_url)
    db_relay = Relay("127.0.0.1", db_parts.port or 5432)
    redis_relay = Relay("127.0.0.1", redis_parts.port or 6379)
    settings = shared_settings(COMPASS_DATABASE_URL=_through(database, db_relay),
                               COMPASS_REDIS_URL=_through(redis_url, redis_relay),
                               COMPASS_LOOKUP_RATE_LIMIT="10000 per minute")
    host = start_host(tmp_path, settings)
    try:
        adviser = Browser()
        adviser.post(host.url, "/groups/start", {})
        join_code, _ = join_code_and_key(adviser.open(host.url + "/groups/tally")[1],
                                          adviser.open(host.url + "/groups/key")[1])
        for stage in ("school", "college"):
            pupil_joins(host, settings["COMPASS_SECRET_KEY"], stage, join_code)

        db_relay.cut()
        status, page, _ = adviser.open(host.url + "/groups/tally")
        assert status == 503 and "Class sessions are not working at the moment" in page
        status, body, _ = adviser.open(host.url + "/readyz")
        assert status == 503 and json.loads(body)["stores"]["database"].startswith("down")
        assert adviser.open(host.url + "/")[0] == 200
        assert adviser.open(host.url + "/roles/porter")[0] == 200

        redis_relay.cut()
        assert adviser.open(host.url + "/roles/porter")[0] == 200  # counted in the process meanwhile
        assert json.loads(adviser.open(host.url + "/readyz")[1])["stores"]["redis"].startswith("down")

        db_relay.restore()
        redis_relay.restore()
        deadline = time.monotonic() + 30
        while adviser.open(host.url + "/readyz")[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert adviser.open(host.url + "/readyz")[0] == 200
        assert "2 pupils have joined." in adviser.open(host.url + "/groups/tally")[1]  # nothing lost
    finally:
        host.stop()
        db_relay.cut()
        redis_relay.cut()
