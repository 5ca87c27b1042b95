"""One error type for the web service, and one handler that renders every error page.

Views raise :class:`PageError` with a status, a short title and a sentence or two of
plain English. Werkzeug's own errors (404, 405, 413, 429 and CSRF failures) are turned
into the same page. Nothing about the request (its address or its answers) is logged.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from compass.groups import StoreUnavailable

log = logging.getLogger("web")


class PageError(Exception):
    """Something the person asked for cannot be shown. Rendered as a friendly page."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.message = message


FRIENDLY = {
    400: ("Sorry, we could not understand that",
          "Something in the address or the form was not what we expected. "
          "Go back and try again, or start from the home page."),
    404: ("Page not found",
          "We could not find that page. Check the address, or start from the home page."),
    405: ("Sorry, that did not work",
          "That page cannot be used that way. Start again from the home page."),
    413: ("That was too much to send",
          "What you sent was too long. Go back and try again with less."),
    414: ("That address is too long",
          "The web address was too long. Start again from the home page."),
    429: ("Please slow down",
          "Too many pages were asked for at once, from you or from your network. "
          "Wait a minute, then try again."),
    500: ("Sorry, something went wrong",
          "Something went wrong on our side. Please try again in a minute."),
}


def bad_request(message: str = "") -> PageError:
    title, default = FRIENDLY[400]
    return PageError(400, title, message or default)


def not_found(message: str = "") -> PageError:
    title, default = FRIENDLY[404]
    return PageError(404, title, message or default)


def from_http(exc: HTTPException) -> PageError:
    status = exc.code or 500
    if isinstance(exc, CSRFError):
        return PageError(400, "Your page timed out",
                         "For your safety, forms stop working after a few hours or when your "
                         "answers are cleared. Go back, refresh the page and try again.")
    title, message = FRIENDLY.get(status, FRIENDLY[500 if status >= 500 else 400])
    return PageError(status, title, message)


def render_error(error: PageError) -> tuple[str, int]:
    return render_template("errors/error.html", error=error), error.status


STORE_DOWN = PageError(503, "This is not working right now",
                       "Class sessions are not working at the moment. Your own answers and "
                       "suggestions still work. Try again in a few minutes.")


def init_app(app: Flask) -> None:
    app.register_error_handler(PageError, render_error)
    app.register_error_handler(StoreUnavailable, lambda exc: render_error(STORE_DOWN))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        return render_error(from_http(exc))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> tuple[str, int]:
        # Log the kind of failure and where, never the address or the form: they may hold
        # answers or a share code.
        log.error("unhandled %s in %s at %s", type(exc).__name__, _endpoint(), _frames(exc))
        return render_error(PageError(500, *FRIENDLY[500]))


def _frames(exc: BaseException) -> str:
    """Where the error happened (file, line, function), without its message or values."""
    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))


def _endpoint() -> str:
    from flask import request

    return request.endpoint or "an unknown page"
