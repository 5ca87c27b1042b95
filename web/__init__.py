"""Career Compass on the web: a thin Flask shell around the engine in ``compass/``.

:func:`create_app` builds the app in layers: defaults, then settings from ``COMPASS_*``
environment variables (see :mod:`web.settings`), then any test overrides. The catalogue,
the question flow and the ranking engine are loaded once per process and shared.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

from flask import Flask

from web import errors, frontend, security, services, sessions, views
from web.settings import Settings, SettingsError

__all__ = ["create_app"]


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The Career Compass web app.

    ``test_config`` switches to :meth:`Settings.for_tests`; its lower-case keys that name a
    setting (e.g. ``rate_limit``) override that setting, and the rest go into Flask's config.
    """
    settings = _settings(test_config)
    app = Flask(__name__)
    app.config.from_mapping(security.flask_config(settings))
    app.config.from_mapping({k: v for k, v in (test_config or {}).items() if k.isupper()})
    app.config["COMPASS_SETTINGS"] = settings
    app.jinja_env.autoescape = True
    sessions.init_app(app)
    services.init_app(app, settings)
    frontend.init_app(app, settings.frontend_dir)
    errors.init_app(app)
    limiter = security.init_app(app, settings, limited=views.SHARE_BLUEPRINTS)
    app.extensions["compass_limiter"] = limiter
    views.init_app(app)
    return app


def _settings(test_config: Mapping[str, Any] | None) -> Settings:
    if test_config is None:
        return Settings.from_env(os.environ)
    names = {f.name for f in fields(Settings)}
    unknown = [k for k in test_config if not k.isupper() and k not in names]
    if unknown:
        raise SettingsError(f"unknown setting(s) in test_config: {', '.join(sorted(unknown))}")
    overrides = {k: v for k, v in test_config.items() if k in names}
    return replace(Settings.for_tests(), **overrides).checked()
