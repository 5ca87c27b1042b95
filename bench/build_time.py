"""Build time: the whole catalogue from nothing, then again after a one-role change.

Run: ``.venv/bin/python bench/build_time.py``

Works on temporary copies of the catalogue and models, so ``models/`` is untouched. The
build cross-validates both rankers every time; the one-role change re-embeds one role.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import rss_mb  # noqa: E402

from compass.catalogue import DEFAULT_CATALOGUE  # noqa: E402
from compass.ranking.build import build  # noqa: E402
from compass.ranking.encoder import shared_encoder  # noqa: E402
from compass.ranking.personas import DEFAULT_PERSONAS  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        catalogue = Path(scratch) / "catalogue"
        models = Path(scratch) / "models"
        shutil.copytree(DEFAULT_CATALOGUE, catalogue)
        started = time.perf_counter()
        shared_encoder().encode(["warm up"])
        print(f"load the sentence model: {time.perf_counter() - started:.1f} s")
        full = build(catalogue, models, DEFAULT_PERSONAS)
        print(f"full build: {full.seconds:.1f} s ({full.encoded} roles embedded)")
        role = sorted((catalogue / "roles").glob("*.yaml"))[0]
        role.write_text(role.read_text().replace("summary:", "summary: ", 1)
                        .replace(". ", ".  ", 1))
        changed = build(catalogue, models, DEFAULT_PERSONAS)
        print(f"one-role change: {changed.seconds:.1f} s ({changed.encoded} role embedded, "
              f"{changed.roles - changed.encoded} reused)")
        print(f"memory after both builds: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
