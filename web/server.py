"""Serving the app with waitress: the one place that knows about the WSGI server.

Used by ``compass serve``, by the browser tests (in a thread, on a free loopback port) and
by the web benchmark. Waitress writes no access log, so no address (which could hold a
share code) is ever logged.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from flask import Flask
from waitress.server import create_server

from web import create_app

log = logging.getLogger("web")
MAX_HEADER_BYTES = 32 * 1024
BACKLOG = 2048  # connections the operating system queues while the server is busy


def waitress_options(app: Flask, threads: int) -> dict[str, object]:
    settings = app.config["COMPASS_SETTINGS"]
    return {
        "threads": threads,
        "ident": "career-compass",
        "max_request_body_size": settings.max_request_bytes,
        "max_request_header_size": MAX_HEADER_BYTES,
        "channel_timeout": 60,
        "connection_limit": settings.connection_limit,
        "backlog": BACKLOG,
        # Forwarded headers reach the app only when a proxy is configured; the app then honours
        # them from the trusted proxy addresses alone (web.security.OnlyFromTrustedProxies).
        "clear_untrusted_proxy_headers": not settings.proxy_count,
    }


def serve(host: str, port: int, threads: int = 8) -> None:
    """Build the app from the environment and serve it until interrupted."""
    app = create_app()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    server = create_server(app, host=host, port=port, **waitress_options(app, threads))
    print(f"Career Compass is running at http://{host}:{port}/ (press Ctrl+C to stop)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@dataclass
class BackgroundServer:
    """Waitress serving an app in a daemon thread on 127.0.0.1; for tests and benchmarks."""

    app: Flask
    threads: int = 4

    def __post_init__(self) -> None:
        self._server = create_server(self.app, host="127.0.0.1", port=0,
                                     **waitress_options(self.app, self.threads))
        self._thread = threading.Thread(target=self._server.run, daemon=True,
                                        name="compass-waitress")

    @property
    def url(self) -> str:
        port = self._server.effective_port
        return f"http://127.0.0.1:{port}"

    def start(self) -> BackgroundServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Let requests in progress finish, then close the socket and the loop."""
        self._server.task_dispatcher.shutdown(timeout=5)
        self._server.close()
        self._thread.join(timeout=5)
