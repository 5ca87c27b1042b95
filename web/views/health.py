"""``/healthz`` (the process answers) and ``/readyz`` (the catalogue and ranker are loaded)."""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.wrappers import Response

from web import params
from web.services import services

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    params.query()
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready once create_app has loaded everything; says when the fallback ranker is in use."""
    params.query()
    found = services()
    engine = found.engine
    return jsonify(
        status="ready",
        roles=len(found.catalogue.roles),
        questions=len(found.flow.questions),
        ranker=engine.ranker_name,
        fallback=engine.fallback_reason is not None,
        fallback_reason=engine.fallback_reason,
    )
