"""The NHS.UK frontend, served from ``node_modules`` by this app: never from a CDN.

The published stylesheet loads the Frutiger font from assets.nhs.uk and points its icons
at ``/assets/images``. At start-up we read it once, drop the external font rules (the
design falls back to Arial) and point the icons at our own route, so a page never makes
a request to anyone but us.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request, send_from_directory
from werkzeug.wrappers import Response as BaseResponse

from web.settings import SettingsError

VERSION = "10.6.1"
CSS_FILE = f"nhsuk-frontend-{VERSION}.min.css"
JS_FILE = f"nhsuk-frontend-{VERSION}.min.js"
EXTERNAL_FONT_FACE = re.compile(r"@font-face\{[^}]*https?://[^}]*\}")
ONE_YEAR = 365 * 24 * 60 * 60

bp = Blueprint("frontend", __name__, url_prefix="/frontend")


@dataclass(frozen=True)
class Stylesheet:
    text: bytes
    etag: str


def local_stylesheet(css: str, images_url: str) -> Stylesheet:
    """The NHS stylesheet with no external fonts and icons served from ``images_url``."""
    text = EXTERNAL_FONT_FACE.sub("", css).replace("url(/assets/images/", f"url({images_url}")
    if re.search(r"url\(\s*['\"]?(https?:)?//", text):
        raise SettingsError("the NHS.UK stylesheet still loads something from another site")
    data = text.encode("utf-8")
    return Stylesheet(data, hashlib.sha256(data).hexdigest()[:16])


def init_app(app: Flask, frontend_dir: Path) -> None:
    """Check the package is installed, prepare the stylesheet and register the routes."""
    css_path = frontend_dir / CSS_FILE
    if not css_path.is_file() or not (frontend_dir / JS_FILE).is_file():
        raise SettingsError(
            f"nhsuk-frontend {VERSION} was not found in {frontend_dir}. Run 'npm ci' in the "
            "project folder (make run does this), or set COMPASS_FRONTEND_DIR.")
    stylesheet = local_stylesheet(css_path.read_text("utf-8"), "/frontend/images/")
    app.extensions["compass_frontend"] = (frontend_dir, stylesheet)
    app.register_blueprint(bp)


def _package() -> tuple[Path, Stylesheet]:
    frontend_dir, stylesheet = current_app.extensions["compass_frontend"]
    return frontend_dir, stylesheet


@bp.get("/nhsuk.css")
def stylesheet() -> BaseResponse:
    _, sheet = _package()
    response = Response(sheet.text, mimetype="text/css")
    response.set_etag(sheet.etag)
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


@bp.get("/nhsuk.mjs")
def script() -> BaseResponse:
    frontend_dir, _ = _package()
    return send_from_directory(frontend_dir, JS_FILE, mimetype="text/javascript", max_age=3600)


@bp.get("/images/<name>")
def image(name: str) -> BaseResponse:
    frontend_dir, _ = _package()
    if not re.fullmatch(r"[a-z0-9-]+\.(svg|png|ico)", name):
        abort(404)
    return send_from_directory(frontend_dir / "assets" / "images", name, max_age=ONE_YEAR)
