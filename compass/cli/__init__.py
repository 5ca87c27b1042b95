"""The ``compass`` command line.

Each sub-command lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``handler`` to a function taking
the parsed arguments and returning an exit status. :data:`SUBCOMMANDS` lists them: adding
one is a new module and a new entry there. Domain errors are turned into plain messages
here, at the edge.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from compass.cli import build, catalogue, evaluate, profile, questionnaire, recommend, serve, validate
from compass.errors import CompassError, ProblemsError

# The sub-commands, in the order ``compass --help`` lists them.
SUBCOMMANDS = (build, catalogue, evaluate, profile, questionnaire, recommend, serve, validate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compass",
        description="Career Compass: health and care career suggestions for young people in Leeds.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(problem.render(), file=sys.stderr)
        print(f"{len(exc.errors)} error(s) found.", file=sys.stderr)
        return 1
    except CompassError as exc:
        print(f"compass: {exc}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
