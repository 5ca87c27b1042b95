"""Settings for the web service, read once from ``COMPASS_*`` environment variables.

Every setting has a default that suits a single school or a laptop. Each is checked at
start-up; a bad value stops the server with a message naming the variable, what it should
be and how to fix it. Production refuses to start without ``COMPASS_SECRET_KEY``.
:data:`SETTING_HELP` describes every variable (``compass serve --help`` points here).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Any

from limits import parse_many

from compass.catalogue import DEFAULT_CATALOGUE
from compass.errors import CompassError
from web.ratelimit_memory import SCHEME as MEMORY_SCHEME

REPO = Path(__file__).resolve().parents[1]
ENVIRONMENTS = ("production", "development", "test")
MIN_SECRET_LENGTH = 32


SETTING_HELP = {
    "COMPASS_ENV": "production (default), development or test. Only production needs a secret key.",
    "COMPASS_SECRET_KEY": "Signs the session cookie and share codes. At least 32 characters; "
                          "required in production. Changing it makes every share code stop working.",
    "COMPASS_SECURE_COOKIES": "true (default) sends cookies over https only. Set false only "
                              "for plain-http testing.",
    "COMPASS_RATE_LIMIT": "Requests allowed per IP address, e.g. '150 per second;6000 per minute'. "
                          "A whole class or hall often shares one school address, so this is "
                          "generous; COMPASS_VISITOR_RATE_LIMIT is the tighter one.",
    "COMPASS_VISITOR_RATE_LIMIT": "Requests allowed per visitor (one browser's session), e.g. "
                                  "'10 per second;300 per minute'.",
    "COMPASS_SHARE_RATE_LIMIT": "Requests allowed per IP address to make or open share codes.",
    "COMPASS_LOOKUP_RATE_LIMIT": "Code look-ups allowed per IP address, counted separately for "
                                 "advisers opening share codes, starting a group, opening a "
                                 "group's tally and pupils joining a group. Default '40 per "
                                 "minute;200 per hour': a class of 30 on one school address can "
                                 "each open one code.",
    "COMPASS_REDIS_URL": "A redis:// URL where rate-limit counts live, shared by every worker "
                         "and host. Unset (default): each process counts in its own memory. "
                         "If Redis stops, counting falls back to memory and /readyz says so.",
    "COMPASS_CSRF_TIME_LIMIT": "Seconds a form stays valid (default 4 hours: a school lesson).",
    "COMPASS_SHARE_CODE_DAYS": "Days a share code keeps working (default 90).",
    "COMPASS_MAX_REQUEST_BYTES": "Largest request body accepted, in bytes (default 16384).",
    "COMPASS_PUBLIC_URL": "The site's public address, used in share links and QR codes; "
                          "default: the address the request came to.",
    "COMPASS_PROXY_COUNT": "How many reverse proxies sit in front (default 0), so the real "
                           "client address is used for rate limits.",
    "COMPASS_CONNECTION_LIMIT": "Open connections one server process accepts at once (default "
                                "1000: a school hall of phones, each holding a few). Beyond it, "
                                "new visitors wait.",
    "COMPASS_TRUSTED_PROXIES": "Addresses or networks of those proxies, comma-separated (default "
                               "127.0.0.1,::1). Forwarded headers from anywhere else are "
                               "ignored, so nobody can choose the address they are counted as.",
    "COMPASS_CATALOGUE_DIR": "The role catalogue folder (default roles_catalogue/).",
    "COMPASS_QUESTIONNAIRE_DIR": "The question flow folder (default questionnaires/).",
    "COMPASS_FRONTEND_DIR": "Where nhsuk-frontend's dist/nhsuk folder is (default under "
                            "node_modules/).",
    "COMPASS_MODELS_DIR": "Built ranking models (default models/); without them the "
                          "transparent scorer is used and /readyz says so.",
    "COMPASS_DATABASE_URL": "The SQLAlchemy database URL for everything written while the "
                            "service runs (group session tallies: counts only, deleted a day "
                            "after a session starts). Default: SQLite at compass.sqlite3 in the "
                            "Flask instance folder; use postgresql+psycopg://user:password@host/db "
                            "when more than one host serves.",
    "COMPASS_PRELOAD_TEXT_MODEL": "true (default) loads the sentence model at start-up so the "
                                  "first person to write in their own words does not wait.",
}


class SettingsError(CompassError):
    """A setting is missing or has a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    """Everything the service reads from its environment. Names match ``COMPASS_<NAME>``."""

    env: str = "production"
    secret_key: str = ""
    secure_cookies: bool = True
    rate_limit: str = "150 per second;6000 per minute"
    visitor_rate_limit: str = "10 per second;300 per minute"
    share_rate_limit: str = "120 per minute"
    lookup_rate_limit: str = "40 per minute;200 per hour"
    redis_url: str = ""
    csrf_time_limit: int = 4 * 60 * 60
    share_code_days: int = 90
    max_request_bytes: int = 16 * 1024
    public_url: str = ""
    proxy_count: int = 0
    trusted_proxies: str = "127.0.0.1,::1"
    connection_limit: int = 1000
    catalogue_dir: Path = DEFAULT_CATALOGUE
    questionnaire_dir: Path = REPO / "questionnaires"
    frontend_dir: Path = REPO / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
    models_dir: Path = REPO / "models"
    database_url: str = ""
    preload_text_model: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Read every ``COMPASS_<NAME>`` variable that is set, then check the result."""
        values: dict[str, Any] = {}
        for item in fields(cls):
            name = f"COMPASS_{item.name.upper()}"
            if name in environ:
                values[item.name] = _convert(name, environ[name], cls._kind(item.name))
        return cls(**values).checked()

    @classmethod
    def for_tests(cls, **overrides: Any) -> Settings:
        """Settings for the test suite: plain http, a throwaway key, no limits in the way."""
        base = cls(env="test", secret_key=secrets.token_hex(32), secure_cookies=False,
                   rate_limit="100000 per minute", visitor_rate_limit="100000 per minute",
                   share_rate_limit="100000 per minute", lookup_rate_limit="100000 per minute",
                   database_url="sqlite://",
                   preload_text_model=False)
        return replace(base, **overrides).checked()

    @classmethod
    def _kind(cls, name: str) -> type:
        return type(getattr(cls(), name))

    @property
    def trusted_proxy_networks(self) -> tuple[IPv4Network | IPv6Network, ...]:
        return tuple(ip_network(part.strip(), strict=False)
                     for part in self.trusted_proxies.split(",") if part.strip())

    @property
    def ratelimit_storage_url(self) -> str:
        return self.redis_url or f"{MEMORY_SCHEME}://"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    def checked(self) -> Settings:
        """These settings, or a :class:`SettingsError` naming the first bad one."""
        if self.env not in ENVIRONMENTS:
            raise SettingsError(f"COMPASS_ENV is '{self.env}'; use one of: {', '.join(ENVIRONMENTS)}")
        if not self.secret_key:
            if self.is_production:
                raise SettingsError(
                    "COMPASS_SECRET_KEY is not set. The service signs answers and share codes "
                    "with it, so production will not start without one. Make one with: "
                    "python -c \"import secrets; print(secrets.token_hex(32))\"")
            return replace(self, secret_key=secrets.token_hex(32))
        if len(self.secret_key) < MIN_SECRET_LENGTH:
            raise SettingsError(
                f"COMPASS_SECRET_KEY is {len(self.secret_key)} characters long; it must be at "
                f"least {MIN_SECRET_LENGTH}. Make one with: "
                "python -c \"import secrets; print(secrets.token_hex(32))\"")
        for name in ("csrf_time_limit", "share_code_days", "max_request_bytes", "connection_limit"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"COMPASS_{name.upper()} must be a whole number above 0")
        for name in ("rate_limit", "visitor_rate_limit", "share_rate_limit", "lookup_rate_limit"):
            try:
                parse_many(getattr(self, name))
            except ValueError:
                raise SettingsError(
                    f"COMPASS_{name.upper()} is '{getattr(self, name)}'; write it like "
                    "'40 per second;1200 per minute'") from None
        if self.proxy_count < 0:
            raise SettingsError("COMPASS_PROXY_COUNT must be 0 (no proxy) or the number of proxies")
        try:
            self.trusted_proxy_networks  # noqa: B018 (checks every address parses)
        except ValueError as exc:
            raise SettingsError(f"COMPASS_TRUSTED_PROXIES: {exc}; write addresses or networks "
                                "separated by commas, e.g. '10.0.0.5,10.1.0.0/16'") from None
        if self.redis_url and not self.redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError("COMPASS_REDIS_URL must start with redis://, rediss:// or unix://")
        if self.public_url and not self.public_url.startswith(("https://", "http://")):
            raise SettingsError("COMPASS_PUBLIC_URL must start with https:// (or http:// for tests)")
        return self


def _convert(name: str, raw: str, kind: type) -> Any:
    text = raw.strip()
    if kind is bool:
        lowered = text.lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise SettingsError(f"{name} is '{raw}'; use true or false")
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise SettingsError(f"{name} is '{raw}'; it should be a whole number") from None
    if issubclass(kind, Path):
        return Path(text)
    return text
