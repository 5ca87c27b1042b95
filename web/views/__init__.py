"""One blueprint per screen, each with its templates in ``web/templates/<screen>/``."""

from __future__ import annotations

from flask import Flask

from web import cards, filters, stores
from web.views import adviser, groups, health, questions, resources, results, roles, share, start, steps

BLUEPRINTS = (start.bp, questions.bp, results.bp, roles.bp, steps.bp, share.bp, health.bp,
              adviser.bp, groups.bp, resources.bp)
SHARE_BLUEPRINTS = (share.bp,)


def init_app(app: Flask) -> None:
    filters.init_app(app)
    cards.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    stores.init_app(app)
