"""The security and privacy baseline, applied to every response.

CSRF tokens on every form, a Content Security Policy that allows nothing but this site
(and no inline script), careful cookies, request size limits and rate limits sized for a
school, where a whole class shares one IP address.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from ipaddress import IPv4Network, IPv6Network, ip_address
from typing import TYPE_CHECKING

from flask import Blueprint, Flask, Response, current_app, request, session
from flask_limiter import ApplicationLimit, Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from limits import parse_many
from limits.errors import ConfigurationError
from limits.strategies import MovingWindowRateLimiter
from werkzeug.middleware.proxy_fix import ProxyFix

from web.errors import FRIENDLY, PageError
from web.ratelimit_memory import SweptMemoryStorage
from web.settings import Settings, SettingsError

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
UNLIMITED_ENDPOINTS = frozenset({"static", "health.healthz", "health.readyz"})
MAX_QUERY_BYTES = 1024

csrf = CSRFProtect()


def flask_config(settings: Settings) -> dict[str, object]:
    """Flask and extension settings that follow from our own."""
    return {
        "SECRET_KEY": settings.secret_key,
        "SESSION_COOKIE_NAME": "compass",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": settings.secure_cookies,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_REFRESH_EACH_REQUEST": False,
        "WTF_CSRF_TIME_LIMIT": settings.csrf_time_limit,
        "WTF_CSRF_FIELD_NAME": "csrf_token",
        "MAX_CONTENT_LENGTH": settings.max_request_bytes,
        "MAX_FORM_MEMORY_SIZE": settings.max_request_bytes,
        "MAX_FORM_PARTS": 100,
        "TEMPLATES_AUTO_RELOAD": False,
        "RATELIMIT_HEADERS_ENABLED": False,
        "RATELIMIT_ENABLED": True,
    }


FORWARDED_HEADERS = ("HTTP_FORWARDED", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO",
                     "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT", "HTTP_X_FORWARDED_PREFIX")


class OnlyFromTrustedProxies:
    """Drops forwarded headers unless the request came straight from a trusted proxy, so a
    visitor cannot pick their own address (and dodge or spend someone else's rate limit)."""

    def __init__(self, app: WSGIApplication, networks: tuple[IPv4Network | IPv6Network, ...]) -> None:
        self.app = app
        self.networks = networks

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if not self._trusted(environ.get("REMOTE_ADDR", "")):
            for name in FORWARDED_HEADERS:
                environ.pop(name, None)
        return self.app(environ, start_response)

    def _trusted(self, address: str) -> bool:
        try:
            peer = ip_address(address)
        except ValueError:
            return False
        return any(peer in network for network in self.networks)


LIMIT_TRIPPED = "ratelimit %s (%s) exceeded at endpoint: %s"  # flask-limiter's message


class LimitKeysOutOfLogs(logging.Filter):
    """flask-limiter logs the key of a limit that trips: someone's address or visitor id.
    Keep the line (which limit, where), not the key."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == LIMIT_TRIPPED and isinstance(record.args, tuple) and len(record.args) == 3:
            record.args = (record.args[0], "key not logged", record.args[2])
        return True


def _keep_limit_keys_out_of_logs() -> None:
    logger = logging.getLogger("flask-limiter")
    if not any(isinstance(f, LimitKeysOutOfLogs) for f in logger.filters):
        logger.addFilter(LimitKeysOutOfLogs())


def init_app(app: Flask, settings: Settings, limited: tuple[Blueprint, ...]) -> Limiter:
    """Switch on CSRF, headers, size checks and rate limits. Returns the app's limiter."""
    if settings.proxy_count:
        fixed = ProxyFix(app.wsgi_app, x_for=settings.proxy_count, x_proto=settings.proxy_count,
                         x_host=settings.proxy_count)
        app.wsgi_app = OnlyFromTrustedProxies(fixed, settings.trusted_proxy_networks)  # type: ignore[method-assign]
    csrf.init_app(app)
    _keep_limit_keys_out_of_logs()
    try:
        limiter = Limiter(
            get_remote_address,
            app=app,
            application_limits=[
                ApplicationLimit(settings.rate_limit, key_function=get_remote_address,
                                 exempt_when=_unlimited, scope="address"),
                ApplicationLimit(settings.visitor_rate_limit, key_function=visitor_key,
                                 exempt_when=_not_a_known_visitor, scope="visitor"),
            ],
            storage_uri=settings.ratelimit_storage_url,
            strategy="moving-window",
            # A Redis that stops answering must not stop the site: count in this process
            # until it is back (/readyz says so meanwhile), and never turn it into a 500.
            in_memory_fallback_enabled=True,
            swallow_errors=True,
        )
    except ConfigurationError as exc:
        raise SettingsError(
            f"COMPASS_REDIS_URL '{settings.redis_url}' cannot be used: {exc}.") from None
    for blueprint in limited:
        limiter.limit(settings.share_rate_limit)(blueprint)
    app.extensions[LOOKUP_COUNTER] = LookupCounter(limiter)
    app.before_request(_give_a_visitor_id)
    app.before_request(_refuse_long_query)
    app.after_request(_add_headers)
    return limiter


def _unlimited() -> bool:
    return request.endpoint in UNLIMITED_ENDPOINTS or request.blueprint == "frontend"


VISITOR = "visitor"


def _give_a_visitor_id() -> None:
    """A random id in the session cookie, so one browser can be counted apart from its
    classmates on the same school address. It is never stored or logged anywhere else."""
    if not _unlimited() and not isinstance(session.get(VISITOR), str):
        session[VISITOR] = secrets.token_urlsafe(12)


def _not_a_known_visitor() -> bool:
    """A browser's first request (no id yet), or a script that never keeps cookies, is
    counted by its address alone."""
    return _unlimited() or not isinstance(session.get(VISITOR), str)


def visitor_key() -> str:
    """One browser's rate-limit key: the random id in its session cookie."""
    return str(session.get(VISITOR))


class LookupCounter:
    """Counts code look-ups in the limiter's storage (Redis when set), or in this process's
    memory while that storage is down, so a look-up never fails because of the counter."""

    def __init__(self, limiter: Limiter) -> None:
        self.limiter = limiter
        self.fallback = MovingWindowRateLimiter(SweptMemoryStorage())

    def hit(self, limit: str, *identifiers: str) -> bool:
        items = parse_many(limit)
        try:
            return all(self.limiter.limiter.hit(item, *identifiers) for item in items)
        except Exception:  # noqa: BLE001 (any storage failure: count locally instead)
            return all(self.fallback.hit(item, *identifiers) for item in items)


LOOKUP_COUNTER = "compass_lookup_counter"


def count_lookup(kind: str) -> None:
    """Count one code look-up of ``kind`` from this address; a 429 page once past the limit.

    Opening a share code, joining a group and opening a group's tally each have their own
    count, tighter than the site-wide limit, so nobody can guess codes quickly.
    """
    limiter: Limiter = current_app.extensions["compass_limiter"]
    if not limiter.enabled:
        return
    settings: Settings = current_app.config["COMPASS_SETTINGS"]
    counter: LookupCounter = current_app.extensions[LOOKUP_COUNTER]
    if not counter.hit(settings.lookup_rate_limit, "code-lookup", kind, get_remote_address()):
        raise PageError(429, *FRIENDLY[429])


def rate_limit_storage_ok() -> bool:
    """The shared rate-limit store answers (always true for in-process memory)."""
    limiter: Limiter = current_app.extensions["compass_limiter"]
    try:
        return bool(limiter.storage.check())
    except Exception:  # noqa: BLE001 (a store that raises is a store that is down)
        return False


def _refuse_long_query() -> None:
    if len(request.query_string) > MAX_QUERY_BYTES:
        raise PageError(414, "That address is too long",
                        "The web address was too long. Start again from the home page.")


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        # Pages may show someone's answers: never keep them in a shared computer's cache.
        response.headers["Cache-Control"] = "no-store"
    return response
