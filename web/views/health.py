"""``/healthz`` (the process answers) and ``/readyz`` (the catalogue and ranker are loaded)."""

from __future__ import annotations

from flask import Blueprint, jsonify
from werkzeug.wrappers import Response

from web import params
from web.services import current_services

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    params.query()
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> Response:
    """Ready once create_app has loaded everything; says when the fallback ranker is in use."""
    params.query()
    services = current_services()
    engine = services.engine
    return jsonify(
        status="ready",
        roles=len(services.catalogue.roles),
        questions=len(services.flow.questions),
        ranker=engine.ranker_name,
        fallback=engine.fallback_reason is not None,
        fallback_reason=engine.fallback_reason,
        ranker_note=engine.ranker_note,
        role_embeddings=engine.text.problem or "ready",
    )
