"""The security and privacy baseline: headers, cookies, CSRF, allow-lists, limits, logs."""

from __future__ import annotations

import base64
import logging
import re
import urllib.error
import urllib.request
import zlib
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Journey, text_of

from web import create_app
from web.security import CONTENT_SECURITY_POLICY
from web.server import BackgroundServer

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
PAGES = ["/", "/about-your-answers", "/clear", "/questions/stage", "/roles", "/roles/porter",
         "/compare?role=porter&role=midwife", "/compare", "/next-steps/porter?stage=school",
         "/code", "/no-such-page"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_the_security_headers(client: FlaskClient, path: str) -> None:
    headers = client.get(path, follow_redirects=True).headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"


def test_the_content_security_policy_allows_only_our_own_scripts() -> None:
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_other_sites(client: FlaskClient, path: str) -> None:
    page = text_of(client.get(path, follow_redirects=True))
    loads = re.findall(r"<(script|link|img|form|iframe)\b[^>]*?\b(src|href|action)=\"([^\"]*)\"",
                       page)
    for tag, attribute, value in loads:
        assert value.startswith("/"), (tag, attribute, value)
    assert "<style" not in page and " style=" not in page


def test_the_stylesheet_has_no_external_fonts_and_images_are_ours(client: FlaskClient) -> None:
    css = text_of(client.get("/frontend/nhsuk.css"))
    assert "assets.nhs.uk" not in css and "https://" not in css
    assert "url(/frontend/images/" in css
    with client.get("/frontend/images/nhsuk-icon-cross.svg") as image:
        assert image.status_code == 200
    with client.get("/frontend/nhsuk.mjs") as script:
        assert script.mimetype == "text/javascript"


def test_templates_have_no_inline_script_style_or_handlers() -> None:
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text("utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", text), template


def test_session_cookie_is_http_only_same_site_and_can_be_secure(journey: Journey) -> None:
    response = journey.answer("stage", "school")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = Journey(create_app({"secure_cookies": True}).test_client(), journey.flow)
    secure.client.get("/clear")
    stored = secure.client.get_cookie("compass")
    assert stored is not None and stored.secure and stored.http_only


def test_the_session_cookie_cannot_be_read_or_changed_on_a_shared_computer(journey: Journey) -> None:
    """Before: the cookie was signed but readable, so a person's own words could be decoded
    from the browser (base64 of zlib-compressed JSON)."""
    secret = "my secret words about my dad being ill"
    journey.answer_all({"stage": "school", "in_your_own_words": secret})
    stored = journey.client.get_cookie("compass")
    assert stored is not None
    value = stored.value
    payload = value.lstrip(".").split(".")[0]  # how Flask's signed cookie was laid out
    for part in (payload, value):
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        try:
            raw = zlib.decompress(raw)
        except zlib.error:
            pass
        assert b"secret words" not in raw and b"school" not in raw
    assert secret in text_of(journey.client.get("/check"))
    journey.client.set_cookie("compass", value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB"))
    tampered = journey.client.get("/check", follow_redirects=True)  # simply a fresh start
    assert tampered.status_code == 200 and secret not in text_of(tampered)


def test_posting_without_a_csrf_token_is_refused_kindly(client: FlaskClient) -> None:
    response = client.post("/questions/stage", data={"answer": "school"})
    assert response.status_code == 400
    assert "Your page timed out" in text_of(response)


def test_csrf_tokens_last_a_school_lesson(app: Flask) -> None:
    assert app.config["WTF_CSRF_TIME_LIMIT"] >= 2 * 60 * 60


@pytest.mark.parametrize("path", [
    "/?fbclid=x", "/?utm_source=x&utm_medium=y", "/roles?q=nurse&gclid=z", "/roles?colour=red",
    "/roles?family=pets", "/roles?family=pharmacy&family=pharmacy", "/questions/stage?change=2",
    "/compare?role=ghost", "/code?code=1&x=2", "/healthz?verbose=1", "/about-your-answers?ref=qr",
])
def test_links_from_the_outside_world_open_the_normal_page(client: FlaskClient, path: str) -> None:
    """Tracking tags and unknown or stale values in a link are not read: never an error."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert "Sorry, we could not understand that" not in text_of(response)


def test_values_out_of_range_are_clamped(client: FlaskClient) -> None:
    assert 'value="nurse"' in text_of(client.get("/roles?q=nurse&q=porter"))
    assert 'value="' + "a" * 100 + '"' in text_of(client.get("/roles?q=" + "a" * 150))


def test_results_show_is_clamped_to_what_there_is(journey: Journey) -> None:
    journey.answer_all()
    for asked, shown in [("99999", 30), ("0", 10), ("7", 10), ("15", 20), ("x", 10)]:
        page = text_of(journey.client.get(f"/results?show={asked}&fbclid=abc"))
        assert page.count("app-result\" id=\"result-") == shown, asked


def test_unexpected_form_fields_get_a_400_page(journey: Journey) -> None:
    assert journey.post("/questions/stage", {"answer": "school", "admin": "1"}).status_code == 400
    assert journey.post("/questions/stage", {"answer": "astronaut"}).status_code == 400
    assert journey.post("/results/not-for-me", {"role": "ghost"}).status_code == 400


def test_large_requests_are_refused(journey: Journey) -> None:
    response = journey.post("/questions/stage", {"answer": "x" * 20_000})
    assert response.status_code == 413
    assert "That was too much to send" in text_of(response)
    assert journey.client.get("/roles?q=" + "a" * 2000).status_code == 414


def test_an_oversized_post_through_the_server_gets_the_site_page() -> None:
    """Waitress's own limit answers in bare text; the app's limit must be met first."""
    server = BackgroundServer(create_app({})).start()
    try:
        request = urllib.request.Request(server.url + "/questions/stage", data=b"a=" + b"x" * 40_000,
                                         method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
    finally:
        server.stop()
    assert refused.value.code == 413
    with refused.value:  # close the answer's socket now, not when it is garbage collected
        page = refused.value.read().decode()
    assert "That was too much to send" in page and "<html" in page


def test_user_text_is_escaped(client: FlaskClient) -> None:
    page = text_of(client.get("/roles", query_string={"q": "<script>alert(1)</script>"}))
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_rate_limit_answers_with_a_friendly_429(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    limited = create_app({"rate_limit": "3 per minute"}).test_client()
    statuses = [limited.get("/roles").status_code for _ in range(5)]
    assert "exceeded at endpoint" in caplog.text and "127.0.0.1" not in caplog.text
    assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429
    assert "Please slow down" in text_of(limited.get("/roles"))
    assert limited.get("/frontend/nhsuk.css").status_code == 200
    assert limited.get("/healthz").status_code == 200


@pytest.mark.slow  # free text loads the real sentence model
def test_answers_and_codes_never_reach_the_logs(journey: Journey, app: Flask,
                                                caplog: pytest.LogCaptureFixture,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    journey.results({"stage": "college", "in_your_own_words": "secret hobby words"})
    page = text_of(journey.client.get("/save"))
    code = re.search(r'id="share-code">([0-9A-Z-]+)<', page).group(1)  # type: ignore[union-attr]
    engine = app.extensions["compass"].engine

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom: secret hobby words " + code)

    monkeypatch.setattr(engine, "recommend", broken)
    app.extensions["compass"].suggestions.clear()  # ranked by an earlier test: rank it again
    assert journey.post("/code", {"code": code}).status_code == 303
    failed = journey.client.get("/code/shared")
    assert failed.status_code == 500
    assert "Sorry, something went wrong" in text_of(failed)
    assert "ValueError" in caplog.text
    assert "secret hobby words" not in caplog.text and code not in caplog.text


def test_health_and_readiness(client: FlaskClient) -> None:
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz").json
    assert ready is not None and ready["status"] == "ready"
    assert ready["roles"] > 100 and ready["ranker"]
    assert ready["fallback"] == (ready["fallback_reason"] is not None)
    assert ready["fallback"] or "significant" in ready["ranker_note"]  # why this ranker ships


def _statuses(url: str, forwarded_for: str, times: int) -> list[int]:
    statuses = []
    for _ in range(times):
        request = urllib.request.Request(url + "/", headers={"X-Forwarded-For": forwarded_for})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as exc:
            statuses.append(exc.code)
            exc.close()
    return statuses


@pytest.mark.parametrize(("trusted", "counted_apart"), [("127.0.0.1", True), ("10.9.9.9", False)])
def test_behind_a_proxy_each_visitor_is_counted_apart_but_only_via_a_trusted_proxy(
        trusted: str, counted_apart: bool) -> None:
    """Through waitress: forwarded addresses reach the rate limiter from a trusted proxy only."""
    app = create_app({"proxy_count": 1, "trusted_proxies": trusted, "rate_limit": "3 per minute"})
    server = BackgroundServer(app).start()
    try:
        assert _statuses(server.url, "203.0.113.1", 4) == [200, 200, 200, 429]
        other = _statuses(server.url, "203.0.113.2", 1)
    finally:
        server.stop()
    assert other == ([200] if counted_apart else [429])


def test_a_hall_of_open_connections_does_not_lock_out_the_next_visitor() -> None:
    """Waitress's default limit of 100 open connections made the 101st visitor wait ~60 s."""
    import socket

    server = BackgroundServer(create_app({})).start()
    host, port = server.url.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port)), timeout=5) for _ in range(150)]
    try:
        with urllib.request.urlopen(server.url + "/healthz", timeout=5) as response:
            assert response.status == 200
    finally:
        for connection in idle:
            connection.close()
        server.stop()
