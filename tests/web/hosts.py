"""Real server processes for the multi-host tests: ``compass serve`` on loopback ports, a
browser-like HTTP client with its own cookies, and a TCP relay that can cut a store off."""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from store_servers import TEST_DATABASE_URL, TEST_REDIS_URL, empty_postgresql, empty_redis

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Host:
    """One ``compass serve`` process on 127.0.0.1."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_host(tmp: Path, settings: Mapping[str, str], workers: int = 1,
               access_log: Path | None = None, timeout: float = 240) -> Host:
    """Start ``compass serve`` with ``settings`` as COMPASS_* variables; wait for /readyz."""
    port = free_port()
    log = tmp / f"host-{port}.log"
    env = {**os.environ, **settings, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    command = [sys.executable, "-m", "compass", "serve", "--port", str(port), "--workers", str(workers),
               "--threads", "4"]
    if access_log is not None:
        command += ["--access-log", str(access_log)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    host = Host(port, process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(host.url + "/healthz", timeout=2):
                return host
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    host.stop()
    raise RuntimeError(f"the server did not start in {timeout} s: {log.read_text(errors='replace')[-3000:]}")


def shared_settings(**extra: str) -> dict[str, str]:
    """Settings two hosts share: one secret key (so cookies and codes work on either)."""
    return {"COMPASS_ENV": "test", "COMPASS_SECRET_KEY": secrets.token_hex(32),
            "COMPASS_SECURE_COOKIES": "false", "COMPASS_PRELOAD_TEXT_MODEL": "false", **extra}


@dataclass
class Browser:
    """An HTTP client with its own cookie jar, posting forms with their CSRF token."""

    cookies: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    requests: int = 0

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies),
                                                  _NoRedirect())

    def open(self, url: str, data: Mapping[str, str] | None = None) -> tuple[int, str, str]:
        """(status, body, Location) for one request; redirects are not followed."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        self.requests += 1
        try:
            with self.opener.open(urllib.request.Request(url, data=body), timeout=60) as response:
                return response.status, response.read().decode(), response.headers.get("Location", "")
        except urllib.error.HTTPError as exc:
            text = exc.read().decode(errors="replace")
            location = exc.headers.get("Location", "")
            exc.close()
            return exc.code, text, location

    def post(self, host: str, path: str, data: Mapping[str, str]) -> tuple[int, str, str]:
        _, page, _ = self.open(host + "/clear")
        found = CSRF.search(page)
        assert found, page[:500]
        return self.open(host + path, {**data, "csrf_token": found.group(1)})


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Relay:
    """A TCP relay in front of a store: ``cut()`` drops every connection and refuses new ones
    (the store 'goes down'); ``restore()`` brings it back on the same port."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            if self._listener is not None:
                try:  # wakes the thread blocked in accept(), so the port really closes
                    self._listener.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                self._listener.close()
                self._listener = None
            for sock in self._open:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def fresh_stores() -> tuple[str, str]:
    """The test PostgreSQL (emptied) and Redis (flushed) that .ci/run starts."""
    return empty_postgresql(TEST_DATABASE_URL), empty_redis(TEST_REDIS_URL)
