"""``compass catalogue new-role "Job title"``."""

from __future__ import annotations

import argparse

from compass.catalogue import check_catalogue
from compass.cli._options import add_catalogue_option


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = actions.add_parser("new-role", help="write a new role file to fill in",
                                description="Write roles_catalogue/roles/<id>.yaml with every field, "
                                "a comment on each, and SOC 2020 and RIASEC suggestions to check.")
    parser.add_argument("title", help="the job title, e.g. \"Hospital porter\"")
    add_catalogue_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from compass.curation.scaffold import write_scaffold  # imports scikit-learn: only when used

    catalogue = check_catalogue(args.catalogue).catalogue
    path = write_scaffold(args.title, args.catalogue / "roles", catalogue)
    print(f"wrote {path}")
    print("Fill in the empty fields, then run: .venv/bin/compass validate")
    return 0
