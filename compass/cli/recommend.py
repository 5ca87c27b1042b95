"""``compass recommend``: suggestions for one profile, or many as JSON Lines."""

from __future__ import annotations

import argparse
import difflib
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compass.cli._options import add_catalogue_option, add_models_option
from compass.errors import CompassError, ProfileError
from compass.profile import Profile

if TYPE_CHECKING:
    from compass.ranking.engine import Recommendation


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "recommend", help="suggest roles for a profile",
        description="Read one Profile JSON object, or many as JSON Lines, and print the best "
        "roles for each with reasons and a next step.")
    parser.add_argument("--profile", required=True, metavar="FILE",
                        help="a file of Profile JSON (one object, or one per line); - for stdin")
    parser.add_argument("--top", type=_positive, default=10, metavar="N",
                        help="how many roles to show (default 10; may be the whole catalogue)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON line per profile instead of text")
    parser.add_argument("--not-for-me", type=_role_ids, default=(), metavar="ID,...",
                        help="role ids the person said are not for them: they come off the list "
                        "and every other role keeps its place")
    add_catalogue_option(parser)
    add_models_option(parser)
    parser.set_defaults(handler=run)


def _role_ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _check_role_ids(role_ids: tuple[str, ...], known: tuple[str, ...]) -> None:
    for role_id in role_ids:
        if role_id not in known:
            guess = difflib.get_close_matches(role_id, known, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            raise CompassError(f"--not-for-me: '{role_id}' is not a role id{hint}")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time of each message."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"compass: warning: {record.getMessage()}", file=sys.stderr)


def show_engine_warnings() -> None:
    """Print the engine's warnings (such as a fallback to the transparent scorer) on stderr."""
    logger = logging.getLogger("compass")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler(level=logging.WARNING))


def read_profiles(text: str) -> list[Profile]:
    """One JSON object (may span lines) or JSON Lines; raises ProfileError naming the line."""
    stripped = text.strip()
    if not stripped:
        raise ProfileError("no profile given")
    try:
        return [Profile.from_dict(json.loads(stripped))]
    except json.JSONDecodeError:
        pass
    profiles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            profiles.append(Profile.from_json(line))
        except ProfileError as exc:
            raise ProfileError(f"line {number}: {exc}") from None
    return profiles


def run(args: argparse.Namespace) -> int:
    show_engine_warnings()
    if args.profile == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.profile).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"cannot read {args.profile} ({exc.__class__.__name__})") from None
    profiles = read_profiles(text)
    from compass.catalogue import load_catalogue
    from compass.ranking.engine import Engine

    catalogue = load_catalogue(args.catalogue)
    _check_role_ids(args.not_for_me, catalogue.role_ids)
    engine = Engine.load(args.catalogue, models_dir=args.models, catalogue=catalogue)
    batches = engine.recommend_many(profiles, top=args.top, not_for_me=args.not_for_me)
    for number, recommendations in enumerate(batches, 1):
        if args.json:
            print(json.dumps({"recommendations": [r.to_dict() for r in recommendations]}))
        else:
            print(_as_text(number, len(profiles), recommendations))
    return 0


def _as_text(number: int, total: int, recommendations: list[Recommendation]) -> str:
    lines = [f"Profile {number} of {total}:"] if total > 1 else []
    if not recommendations:
        lines.append("No roles have a way in that fits these answers. Try changing the limits.")
    for place, rec in enumerate(recommendations, 1):
        lines.append(f"{place:>2}. {rec.role.title} ({rec.family.label})")
        lines.extend(f"      - {reason}" for reason in rec.reasons)
        lines.extend(f"      Worth knowing: {line}" for line in rec.worth_knowing)
        lines.append(f"      Next step: {rec.route.route.name}. {rec.route.why}")
        for provider in rec.route.providers[:2]:
            lines.append(f"      Try: {provider.name} ({provider.url})")
    return "\n".join(lines)
