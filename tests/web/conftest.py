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
from web_helpers import Journey  # noqa: E402

from compass.questionnaire import Flow  # noqa: E402
from web import create_app  # noqa: E402


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
