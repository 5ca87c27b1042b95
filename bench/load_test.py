"""Load figures for a city: Locust plays real journeys against ``compass serve --workers N``.

Two runs against one server on this machine, both with the default rate limits:

1. *many addresses*: ``--users`` visitors (default 200), each from its own address;
2. *one school address*: 30 visitors behind one address, as a class on a school network.

It writes ``bench/load_report.md``: requests a second, median, p95 and p99 latency,
errors (rate-limit answers counted apart), journeys finished, and memory per worker.
Run it with ``make bench-load`` or ``.venv/bin/python bench/load_test.py``. Locust comes
from the ``bench`` extra (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "web"))

from hosts import Browser, free_port  # noqa: E402

REPORT = REPO / "bench" / "load_report.md"
LOCUSTFILE = REPO / "bench" / "load" / "locustfile.py"


@dataclass(frozen=True)
class Run:
    name: str
    users: int
    seconds: int
    requests: int
    failures: int
    per_second: float
    p50: float
    p95: float
    p99: float
    journeys: int
    rate_limited: int
    worst: list[tuple[str, float, float]]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{pid}$", text, re.M):
            found.append(int(status.parent.name))
    return found


def start_server(workers: int, tmp: Path) -> tuple[subprocess.Popen[bytes], str, dict[str, str]]:
    port = free_port()
    env = {**os.environ, "COMPASS_SECRET_KEY": secrets.token_hex(32), "COMPASS_SECURE_COOKIES": "false",
           "COMPASS_PROXY_COUNT": "1", "COMPASS_TRUSTED_PROXIES": "127.0.0.1",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env.setdefault("COMPASS_DATABASE_URL", f"sqlite:///{tmp / 'load.sqlite3'}")
    log = (tmp / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "compass", "serve", "--port", str(port),
                                "--workers", str(workers), "--threads", "8"],
                               cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return process, url, env
        except OSError:
            pass
        if process.poll() is not None:
            raise SystemExit((tmp / "server.log").read_text())
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def run_locust(name: str, url: str, users: int, seconds: int, addresses: str, tmp: Path,
               extra_env: dict[str, str]) -> Run:
    prefix = tmp / name
    env = {**os.environ, **extra_env, "COMPASS_LOAD_ADDRESSES": addresses}
    done = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", url,
         "-u", str(users), "-r", str(max(1, users // 10)), "-t", f"{seconds}s", "--csv", str(prefix),
         "--only-summary", "--stop-timeout", "30"],
        cwd=REPO, env=env, capture_output=True, text=True)
    found = re.search(r"COMPASS-LOAD journeys=(\d+) rate_limited=(\d+)", done.stdout + done.stderr)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    pages = sorted((r for r in rows if r["Name"] != "Aggregated"),
                   key=lambda r: -float(r["95%"] or 0))[:3]
    return Run(name, users, seconds, int(total["Request Count"]), int(total["Failure Count"]),
               float(total["Requests/s"]), float(total["50%"]), float(total["95%"]), float(total["99%"]),
               int(found.group(1)) if found else 0, int(found.group(2)) if found else 0,
               [(r["Name"], float(r["50%"]), float(r["95%"])) for r in pages])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        process, url, env = start_server(args.workers, tmp)
        try:
            adviser = Browser()
            adviser.post(url, "/groups/start", {})
            join = re.search(r'id="join-code">([A-Z0-9]+)<', adviser.open(url + "/groups/tally")[1])
            extra = {"COMPASS_LOAD_JOIN_CODE": join.group(1) if join else ""}
            memory = [rss_mb(pid) for pid in children(process.pid)]
            parent = rss_mb(process.pid)
            runs = [run_locust("many-addresses", url, args.users, args.seconds, "many", tmp, extra),
                    run_locust("one-school-address", url, 30, 60, "shared", tmp, extra)]
            memory_after = [rss_mb(pid) for pid in children(process.pid)]
        finally:
            process.terminate()
            process.wait(timeout=60)
    write_report(args, runs, parent, memory, memory_after)
    print(REPORT.read_text())


def write_report(args: argparse.Namespace, runs: list[Run], parent: float, memory: list[float],
                 memory_after: list[float]) -> None:
    lines = [
        "# Load figures", "",
        f"Measured {date.today():%d %B %Y} by `bench/load_test.py` on this 2-core machine: "
        f"`compass serve --workers {args.workers} --threads 8` (gunicorn), default rate limits, "
        "SQLite store, Locust on the same machine playing the journey in "
        "`bench/load/locustfile.py` (home, every question page read then posted, results, a role, "
        "its next steps, a share code made and opened, joining a class group), with 0.5 to 2 "
        "seconds of thinking between pages.", "",
        "| run | visitors | time | requests | per second | p50 | p95 | p99 | errors | rate-limited | journeys |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        lines.append(f"| {run.name} | {run.users} | {run.seconds} s | {run.requests} | {run.per_second:.0f} | "
                     f"{run.p50:.0f} ms | {run.p95:.0f} ms | {run.p99:.0f} ms | {run.failures} | "
                     f"{run.rate_limited} | {run.journeys} |")
    lines += ["", "Slowest pages (p95) in each run:", ""]
    for run in runs:
        lines.append(f"- {run.name}: " + "; ".join(f"`{n}` p50 {a:.0f} ms, p95 {b:.0f} ms" for n, a, b in run.worst))
    lines += ["", f"Memory: parent process {parent:.0f} MB; each worker "
              + ", ".join(f"{m:.0f}" for m in memory) + " MB at start, "
              + ", ".join(f"{m:.0f}" for m in memory_after)
              + " MB after the runs (resident; much of it is shared copy-on-write with the parent).", ""]
    REPORT.write_text("\n".join(lines))


if __name__ == "__main__":
    main()
