"""``compass catalogue preview ID``."""

from __future__ import annotations

import argparse

from compass.cli._options import add_catalogue_option
from compass.curation.preview import preview


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = actions.add_parser("preview", help="show a role or provider as the public will see it",
                                description="Render one role, provider or programme straight from its "
                                "YAML, with any problems listed against the file and line.")
    parser.add_argument("id", help="the role, provider or programme id, e.g. healthcare-assistant")
    add_catalogue_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    text = preview(args.catalogue, args.id)
    print(text)
    return 1 if text.startswith("ERRORS TO FIX") else 0
