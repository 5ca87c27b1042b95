"""Settings for the web service, read once from ``COMPASS_*`` environment variables.

Every setting has a default that suits a single school or a laptop. Each is checked at
start-up; a bad value stops the server with a message naming the variable, what it should
be and how to fix it. Production refuses to start without ``COMPASS_SECRET_KEY``.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from compass.catalogue import DEFAULT_CATALOGUE
from compass.errors import CompassError

REPO = Path(__file__).resolve().parents[1]
ENVIRONMENTS = ("production", "development", "test")
MIN_SECRET_LENGTH = 32


class SettingsError(CompassError):
    """A setting is missing or has a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    """Everything the service reads from its environment. Names match ``COMPASS_<NAME>``."""

    env: str = "production"
    secret_key: str = ""
    secure_cookies: bool = True
    rate_limit: str = "40 per second;1200 per minute"
    share_rate_limit: str = "120 per minute"
    ratelimit_storage_url: str = "memory://"
    csrf_time_limit: int = 4 * 60 * 60
    share_code_days: int = 90
    max_request_bytes: int = 16 * 1024
    public_url: str = ""
    proxy_count: int = 0
    catalogue_dir: Path = DEFAULT_CATALOGUE
    questionnaire_dir: Path = REPO / "questionnaires"
    frontend_dir: Path = REPO / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
    models_dir: Path = REPO / "models"

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
                   rate_limit="100000 per minute", share_rate_limit="100000 per minute")
        return replace(base, **overrides).checked()

    @classmethod
    def _kind(cls, name: str) -> type:
        return type(getattr(cls(), name))

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
        for name in ("csrf_time_limit", "share_code_days", "max_request_bytes"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"COMPASS_{name.upper()} must be a whole number above 0")
        if self.proxy_count < 0:
            raise SettingsError("COMPASS_PROXY_COUNT must be 0 (no proxy) or the number of proxies")
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
    if kind is Path:
        return Path(text)
    return text
