"""Rate limits for a school: per visitor and per address, shared through Redis when set,
and never a 500 when the counter's store fails."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from web import create_app
from web.ratelimit_memory import SweptMemoryStorage


def _statuses(client: FlaskClient, count: int, path: str = "/roles") -> list[int]:
    return [client.get(path).status_code for _ in range(count)]


def test_one_busy_browser_is_slowed_but_its_classmates_on_the_same_address_are_not() -> None:
    app = create_app({"visitor_rate_limit": "3 per minute", "rate_limit": "100 per minute"})
    busy, classmate = app.test_client(), app.test_client()
    busy.get("/")  # the first visit gives the browser its visitor id
    assert _statuses(busy, 4) == [200, 200, 200, 429]
    assert _statuses(classmate, 3) == [200, 200, 200]


def test_thirty_pupils_on_one_address_each_get_their_own_allowance() -> None:
    app = create_app({"visitor_rate_limit": "5 per minute", "rate_limit": "1000 per minute"})
    pupils = [app.test_client() for _ in range(30)]
    assert all(_statuses(p, 5) == [200] * 5 for p in pupils)


def test_a_rate_limit_store_that_is_down_never_gives_a_500(tmp_path: object) -> None:
    """Before: the limiter's storage errors reached the visitor as a 500 page."""
    app = create_app({"redis_url": "redis://127.0.0.1:9/0", "rate_limit": "3 per minute"})
    client = app.test_client()
    statuses = _statuses(client, 5)
    assert 500 not in statuses and statuses[0] == 200
    assert statuses[-1] == 429  # still counted, in this process, while Redis is away
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert json.loads(ready.data)["stores"]["redis"].startswith("down")


def test_two_servers_sharing_redis_count_one_address_once(redis_url: str) -> None:
    first = create_app({"redis_url": redis_url, "rate_limit": "4 per minute"}).test_client()
    second = create_app({"redis_url": redis_url, "rate_limit": "4 per minute"}).test_client()
    assert _statuses(first, 2) + _statuses(second, 2) == [200] * 4
    assert first.get("/roles").status_code == 429 and second.get("/roles").status_code == 429
    assert json.loads(first.get("/readyz").data)["stores"]["redis"] == "ready"


def test_an_in_memory_counter_that_raises_never_gives_a_500(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing count is never the visitor's problem: the page is served as usual."""
    def broken(*_: object, **__: object) -> bool:
        raise RuntimeError("dictionary changed size during iteration")

    app = create_app({"rate_limit": "100 per minute"})
    monkeypatch.setattr(SweptMemoryStorage, "acquire_entry", broken)
    client = app.test_client()
    assert _statuses(client, 3) == [200, 200, 200]
    assert _statuses(client, 1, "/results") == [302]
