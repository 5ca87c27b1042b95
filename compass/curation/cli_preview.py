"""``compass catalogue preview ID``."""

from __future__ import annotations

import argparse
from pathlib import Path

from compass.catalogue import DEFAULT_CATALOGUE
from compass.curation.preview import preview


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = actions.add_parser("preview", help="show a role or provider as the public will see it",
                                description="Render one role, provider or programme straight from its "
                                "YAML, with any problems listed against the file and line.")
    parser.add_argument("id", help="the role, provider or programme id, e.g. healthcare-assistant")
    parser.add_argument("--catalogue", type=Path, default=DEFAULT_CATALOGUE,
                        help="the catalogue folder (default: roles_catalogue/)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    text = preview(args.catalogue, args.id)
    print(text)
    return 1 if text.startswith("ERRORS TO FIX") else 0
