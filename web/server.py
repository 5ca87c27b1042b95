"""Serving the app: the one place that knows about WSGI servers.

One process (the default): waitress, also used by the browser tests (in a thread, on a free
loopback port) and the web benchmark. Many processes (``compass serve --workers N``):
gunicorn with the app loaded once in the parent before the workers fork, so the catalogue,
the ranking model and the sentence model are shared copy-on-write. Neither server logs an
address's query string or a visitor's IP address.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from waitress.server import create_server

from web import create_app
from web.services import current_services, warm_text_model
from web.stores import DATABASE

log = logging.getLogger("web")
MAX_HEADER_BYTES = 32 * 1024
# Waitress refuses bodies over this with a bare text answer. It sits well above the app's own
# limit (COMPASS_MAX_REQUEST_BYTES), so an oversized form reaches Flask and gets the site's
# "That was too much to send" page; waitress's limit only guards memory.
SERVER_BODY_LIMIT_FACTOR = 64
BACKLOG = 2048  # connections the operating system queues while the server is busy


def waitress_options(app: Flask, threads: int) -> dict[str, object]:
    settings = app.config["COMPASS_SETTINGS"]
    return {
        "threads": threads,
        "ident": "career-compass",
        "max_request_body_size": settings.max_request_bytes * SERVER_BODY_LIMIT_FACTOR,
        "max_request_header_size": MAX_HEADER_BYTES,
        "channel_timeout": 60,
        "connection_limit": settings.connection_limit,
        "backlog": BACKLOG,
        # Forwarded headers reach the app only when a proxy is configured; the app then honours
        # them from the trusted proxy addresses alone (web.security.OnlyFromTrustedProxies).
        "clear_untrusted_proxy_headers": not settings.proxy_count,
    }


# Each access-log line: time, method, path without its query string, status, milliseconds.
# No client address and no query string: nothing that could identify a young person or
# carry a code.
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(M)sms'


def gunicorn_options(app: Flask, host: str, port: int, workers: int, threads: int,
                     access_log: str | None = None) -> dict[str, Any]:
    settings = app.config["COMPASS_SETTINGS"]
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "preload_app": True,
        "backlog": BACKLOG,
        # gthread: the open connections one worker holds (a hall of phones, each a few).
        "worker_connections": settings.connection_limit,
        "timeout": 60,
        "graceful_timeout": 20,
        "keepalive": 5,
        "limit_request_line": 4094,
        "limit_request_field_size": MAX_HEADER_BYTES,
        "accesslog": access_log,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "forwarded_allow_ips": settings.trusted_proxies if settings.proxy_count else "",
        "proc_name": "career-compass",
        "post_fork": _after_fork,
    }


def _after_fork(_server: object, _worker: object) -> None:
    """In each new worker: fresh database connections and one inference thread per core."""
    app = _PRELOADED[0]
    app.extensions[DATABASE].after_fork()
    try:
        import torch
        torch.set_num_threads(max(1, (os.cpu_count() or 1) // max(1, len(_PRELOADED))))
    except ImportError:  # pragma: no cover - torch is a dependency
        pass


_PRELOADED: list[Flask] = []


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """gunicorn serving an app that was built (and warmed) before the workers fork."""

    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def serve(host: str, port: int, threads: int = 8, workers: int = 1, access_log: str | None = None) -> None:
    """Build the app from the environment and serve it until interrupted.

    One worker: waitress in this process. More: gunicorn, forking ``workers`` processes
    from this one after everything (the sentence model too) is loaded.
    """
    app = create_app()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if workers > 1:
        with app.app_context():  # finish loading before forking: no thread may hold a lock
            warm_text_model(current_services().engine).join()
        _PRELOADED[:] = [app]
        print(f"Career Compass is running at http://{host}:{port}/ with {workers} workers "
              "(press Ctrl+C to stop)", flush=True)
        GunicornServer(app, gunicorn_options(app, host, port, workers, threads, access_log)).run()
        return
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
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="compass-waitress")

    def _serve(self) -> None:
        """Waitress's loop. Closing the listening socket from :meth:`stop` can make the loop's
        next select() fail on a closed descriptor: expected then, so it ends the loop quietly
        and closes the connections still open (otherwise they leak until garbage collected)."""
        try:
            self._server.run()
        except (OSError, ValueError):
            if not self._stopping.is_set():
                raise
        finally:
            if self._stopping.is_set():
                for channel in list(self._server._map.values()):
                    channel.close()

    @property
    def url(self) -> str:
        port = self._server.effective_port
        return f"http://127.0.0.1:{port}"

    def start(self) -> BackgroundServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Let requests in progress finish, then close the socket and the loop."""
        self._stopping.set()
        self._server.task_dispatcher.shutdown(timeout=5)
        self._server.close()
        self._thread.join(timeout=5)
