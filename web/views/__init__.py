"""One blueprint per screen, each with its templates in ``web/templates/<screen>/``."""

from __future__ import annotations

from flask import Flask

from web import filters
from web.views import health, questions, results, roles, share, start, steps

BLUEPRINTS = (start.bp, questions.bp, results.bp, roles.bp, steps.bp, share.bp, health.bp)
SHARE_BLUEPRINTS = (share.bp,)


def init_app(app: Flask) -> None:
    filters.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
