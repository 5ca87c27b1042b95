"""Web benchmark: pages per second through waitress on loopback, against a bare endpoint.

Starts the real app (real catalogue, flow and engine) under waitress on 127.0.0.1 with a
free port, adds one bare Flask endpoint that returns a short string (the ceiling: the same
server, middleware and headers, but no work), and asks a few client threads on keep-alive
connections to fetch each page a fixed number of times:

* the question page (a rating question, as someone part way through sees it);
* the results page (ten suggestions ranked by the engine for a full set of answers);
* the bare endpoint.

It prints pages per second, median and 95th-percentile latency, and each page's rate as a
fraction of the bare endpoint's. It then times the same pages in process (Flask's test
client, one at a time, no network or threads: the steadiest measure of what a page costs)
and prints each median as a multiple of the bare endpoint's. Nothing leaves the machine. Run it with
``.venv/bin/python bench/web_bench.py [--requests N] [--clients C]``.
"""

from __future__ import annotations

import argparse
import http.client
import logging
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask import Flask  # noqa: E402

from compass.questionnaire import QuestionType, questions_for, validate_answers  # noqa: E402
from web import create_app  # noqa: E402
from web.server import BackgroundServer  # noqa: E402

MOST_REQUESTS = 5000
WARM_UP = 20
BARE = "/__bench/bare"


@dataclass(frozen=True)
class Measured:
    name: str
    path: str
    requests: int
    seconds: float
    latencies: tuple[float, ...]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_app() -> Flask:
    """The real app with limits out of the way, plus the bare endpoint."""
    app = create_app({"rate_limit": "1000000 per minute", "share_rate_limit": "1000000 per minute"})
    app.add_url_rule(BARE, "bench_bare", lambda: "ok")
    return app


def session_cookie(app: Flask) -> str:
    """A session cookie holding a full set of answers, made through the app's own code path."""
    found = app.extensions["compass"]
    raw: dict[str, object] = {}
    for _ in found.flow.questions:
        pending = [q for q in questions_for(found.flow, raw) if q.id not in raw]
        if not pending:
            break
        question = pending[0]
        if question.type is QuestionType.RATING:
            raw[question.id] = {item.id: "like" for item in question.items}
        elif question.type is QuestionType.MULTIPLE:
            raw[question.id] = [question.options[0].id]
        elif question.type is QuestionType.TEXT:
            raw[question.id] = ""
        else:
            raw[question.id] = question.options[min(1, len(question.options) - 1)].id
    code = found.codec.make(validate_answers(found.flow, raw), [], date.today())
    client = app.test_client()
    page = client.get("/code").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    opened = client.post("/code", data={"csrf_token": token, "code": code})
    assert opened.status_code == 303, opened.status_code
    response = client.post("/code/shared/use", data={"csrf_token": token})
    assert response.status_code == 303, response.status_code
    cookie = client.get_cookie("compass")
    assert cookie is not None
    return f"compass={cookie.value}"


def fetch_many(base: str, path: str, cookie: str, count: int, latencies: list[float]) -> None:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        for _ in range(count):
            started = time.perf_counter()
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status}")
            latencies.append(time.perf_counter() - started)
    finally:
        connection.close()


def measure(base: str, name: str, path: str, cookie: str, requests: int, clients: int) -> Measured:
    fetch_many(base, path, cookie, WARM_UP, [])
    each = max(1, requests // clients)
    latencies: list[float] = []
    threads = [threading.Thread(target=fetch_many, args=(base, path, cookie, each, latencies))
               for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Measured(name, path, each * clients, time.perf_counter() - started, tuple(latencies))


def in_process(app: Flask, cookie: str, path: str, count: int) -> float:
    """Median seconds for ``path`` through the test client (the whole app, no network)."""
    client = app.test_client()
    client.set_cookie(*cookie.split("=", 1))
    times = []
    for _ in range(WARM_UP + count):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    return statistics.median(times[WARM_UP:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400,
                        help=f"requests per page (default 400, at most {MOST_REQUESTS})")
    parser.add_argument("--clients", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--threads", type=int, default=4, help="waitress threads (default 4)")
    args = parser.parse_args(argv)
    requests = max(args.clients, min(args.requests, MOST_REQUESTS))
    # Waitress warns whenever a request waits for a free thread: expected under load here.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    app = bench_app()
    cookie = session_cookie(app)
    server = BackgroundServer(app, threads=args.threads).start()
    try:
        results = [measure(server.url, name, path, cookie, requests, args.clients)
                   for name, path in (("bare endpoint", BARE),
                                      ("question page", "/questions/activities_1"),
                                      ("results page", "/results"))]
    finally:
        server.stop()
    ceiling = results[0].per_second
    print(f"waitress on 127.0.0.1, {args.threads} server threads, {args.clients} clients, "
          f"{requests} requests per page")
    print(f"{'page':15} {'pages/s':>9} {'median ms':>10} {'p95 ms':>8} {'of bare':>8}")
    for result in results:
        print(f"{result.name:15} {result.per_second:9.1f} "
              f"{statistics.median(result.latencies) * 1000:10.2f} "
              f"{result.percentile(0.95) * 1000:8.2f} {result.per_second / ceiling:8.1%}")
    medians = [(result.name, in_process(app, cookie, result.path, requests)) for result in results]
    print(f"in process (Flask test client, one at a time), {requests} requests per page")
    print(f"{'page':15} {'median ms':>10} {'x bare':>7}")
    for name, median in medians:
        print(f"{name:15} {median * 1000:10.3f} {median / medians[0][1]:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
