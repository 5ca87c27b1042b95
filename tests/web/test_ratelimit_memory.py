"""The in-memory rate-limit store: the same counts as limits' own, with one sweeping thread
per process instead of a new timer thread after each hit."""

from __future__ import annotations

import threading
import time

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from web import ratelimit_memory
from web.ratelimit_memory import SCHEME, SweptMemoryStorage


def _threads() -> set[threading.Thread]:
    return set(threading.enumerate())


def test_the_settings_scheme_gives_this_storage() -> None:
    assert isinstance(storage_from_string(f"{SCHEME}://"), SweptMemoryStorage)


def test_many_hits_start_one_thread_not_one_each() -> None:
    storage = SweptMemoryStorage()
    limiter = MovingWindowRateLimiter(storage)
    before = _threads()
    for n in range(200):
        limiter.hit(parse("1000 per minute"), "visitor", str(n % 7))
        time.sleep(0.0005)
    started = {t for t in _threads() - before if t.is_alive()}
    assert [t.name for t in started] == ["rate-limit-sweeper"]


def test_limits_are_counted_as_before() -> None:
    limiter = MovingWindowRateLimiter(SweptMemoryStorage())
    three = parse("3 per second")
    assert [limiter.hit(three, "a") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(three, "b")  # another key has its own count
    time.sleep(1.05)
    assert limiter.hit(three, "a")  # the window moved on


def test_the_sweeper_clears_expired_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit_memory, "SWEEP_SECONDS", 0.05)
    storage = SweptMemoryStorage()
    limiter = MovingWindowRateLimiter(storage)
    limiter.hit(parse("5 per second"), "gone")
    assert any(storage.events.values())
    deadline = time.monotonic() + 3
    while any(storage.events.values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(storage.events.values())


def test_the_sweeper_keeps_going_after_a_failed_sweep(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit_memory, "SWEEP_SECONDS", 0.02)
    storage = SweptMemoryStorage()
    calls: list[int] = []

    def flaky() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise KeyError("a key cleared while sweeping")

    monkeypatch.setattr(storage, ratelimit_memory.BASE_EXPIRY, flaky)
    MovingWindowRateLimiter(storage).hit(parse("5 per second"), "someone")
    deadline = time.monotonic() + 3
    while len(calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(calls) >= 3
