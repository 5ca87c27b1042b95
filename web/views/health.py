"""``/healthz`` (the process answers) and ``/readyz`` (everything loaded, every store answering)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, current_app, jsonify
from werkzeug.wrappers import Response

from compass.groups import StoreUnavailable
from web.security import rate_limit_storage_ok
from web.services import current_services
from web.settings import Settings
from web.stores import group_store

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> tuple[Response, int]:
    """Ready once create_app has loaded everything and the stores answer (503 if one does not);
    says which ranker is in use and why, and when a fallback is serving."""
    services = current_services()
    engine = services.engine
    stores = {"database": _state(group_store().ping)}
    settings: Settings = current_app.config["COMPASS_SETTINGS"]
    if settings.redis_url:
        stores["redis"] = ("ready" if rate_limit_storage_ok()
                           else "down: rate limits are counted in each process until it is back")
    ready = all(state == "ready" for state in stores.values())
    return jsonify(
        status="ready" if ready else "not ready",
        stores=stores,
        roles=len(services.catalogue.roles),
        catalogue=services.catalogue_note,
        questions=len(services.flow.questions),
        ranker=engine.ranker_name,
        fallback=engine.fallback_reason is not None,
        fallback_reason=engine.fallback_reason,
        ranker_note=engine.ranker_note,
        role_embeddings=engine.text.problem or "ready",
    ), 200 if ready else 503


def _state(ping: Callable[[], None]) -> str:
    try:
        ping()
    except StoreUnavailable as exc:
        return f"down: {exc}"
    return "ready"
