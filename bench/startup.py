"""Process start-up: ``compass recommend`` for one profile against a hundred.

Run: ``.venv/bin/python bench/startup.py [--models DIR] [--repeats 3]``

Each run is a fresh process, so the times include Python start-up, imports, loading the
catalogue and the artefacts, and (with free text) loading the sentence model.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import random_profiles  # noqa: E402

from compass.ranking.artefacts import DEFAULT_MODELS  # noqa: E402

COMPASS = str(Path(sys.executable).with_name("compass"))


def run(command: list[str], repeats: int) -> float:
    """Best of ``repeats`` wall-clock seconds (the least disturbed by other work)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"python -c 'import compass': {run([sys.executable, '-c', 'import compass'], 3):.2f} s")
    with tempfile.TemporaryDirectory() as scratch:
        for with_text in (False, True):
            times = {}
            for count in (1, 100):
                path = Path(scratch) / f"{count}-{with_text}.jsonl"
                path.write_text("".join(json.dumps(p.to_dict()) + "\n"
                                        for p in random_profiles(count, with_text)))
                times[count] = run([COMPASS, "recommend", "--profile", str(path), "--json",
                                    "--models", str(args.models)], args.repeats)
            label = "with free text" if with_text else "no free text"
            print(f"compass recommend, {label}: 1 profile {times[1]:.2f} s, 100 profiles "
                  f"{times[100]:.2f} s ({(times[100] - times[1]) / 99 * 1000:.1f} ms per extra "
                  "profile)")


if __name__ == "__main__":
    main()
