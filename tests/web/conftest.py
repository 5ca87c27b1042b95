"""Fixtures for the web tests: an app on the real catalogue, a client, and a journey helper.

``tests/web`` shares its name with the ``web`` package. The repository root goes first on
``sys.path`` so that ``import web`` finds the package rather than this folder.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if sys.path[:1] != [str(REPO)]:
    sys.path.insert(0, str(REPO))

import pytest  # noqa: E402
from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402
from playwright.sync_api import Browser, sync_playwright  # noqa: E402
from web_helpers import Journey  # noqa: E402

from compass.questionnaire import Flow  # noqa: E402
from web import create_app  # noqa: E402
from web.server import BackgroundServer  # noqa: E402


@pytest.fixture
def app() -> Iterator[Flask]:
    """A test app: real catalogue, flow and engine (loaded once per process), CSRF on."""
    yield create_app({})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def flow(app: Flask) -> Flow:
    found: Flow = app.extensions["compass"].flow
    return found


@pytest.fixture
def journey(client: FlaskClient, flow: Flow) -> Journey:
    return Journey(client, flow)


# Browser tests: each module defines its own ``live_app``; the real server and Debian's
# Chromium are shared by every test in that module.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(live_app: Flask) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does this)")
    running = BackgroundServer(live_app, threads=4).start()
    yield running.url
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
