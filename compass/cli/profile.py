"""``compass profile --answers FILE``: turn a JSON answers file into a Profile's JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from compass.errors import ProfileError
from compass.questionnaire import DEFAULT_FLOWS_DIR, load_flow, score, validate_answers


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "profile", help="turn a file of answers into a Profile",
        description="Read answers as JSON (question id -> option id, list of option ids, "
        "{item id: like|not_sure|dislike} or text), check them against the flow and print the "
        "Profile as JSON. Exits 1 with a message naming the question if an answer is wrong.")
    parser.add_argument("--answers", required=True, metavar="FILE",
                        help="the JSON answers file, or - to read standard input")
    parser.add_argument("--flow", default="main", help="the flow id (default: main)")
    parser.add_argument("--flows-dir", type=Path, default=DEFAULT_FLOWS_DIR,
                        help="the question flow folder (default: questionnaires/)")
    parser.set_defaults(handler=run)


def read_answers(source: str) -> object:
    """The decoded JSON in ``source`` (a path, or - for standard input)."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read the answers file {source}: "
                           f"{getattr(exc, 'strerror', None) or exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"the answers file {source} is not valid JSON: {exc.msg} "
                           f"at line {exc.lineno}") from None


def run(args: argparse.Namespace) -> int:
    flow = load_flow(args.flow, args.flows_dir)
    raw = read_answers(args.answers)
    if not isinstance(raw, dict):
        raise ProfileError("the answers file must hold a JSON object of question id -> answer")
    profile = score(flow, validate_answers(flow, raw))
    print(json.dumps(profile.to_dict(), indent=2))
    return 0
