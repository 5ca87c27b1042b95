"""``compass validate``: check the catalogue and the question flows, report every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compass.catalogue import DEFAULT_CATALOGUE, check_catalogue
from compass.cli._options import add_catalogue_option, add_models_option, add_personas_option
from compass.errors import Problem, Severity
from compass.guidance.wording import check_wording
from compass.questionnaire import check_flows
from compass.understanding import check_lexicon

DEFAULT_QUESTIONNAIRES = DEFAULT_CATALOGUE.parent / "questionnaires"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="check the role catalogue and question flows",
        description="Check every catalogue and question-flow file. Prints each problem as "
        "path:line: field: message, and exits 1 if there are errors.")
    add_catalogue_option(parser)
    parser.add_argument("--questionnaires", type=Path, default=DEFAULT_QUESTIONNAIRES,
                        help="the question flow folder (default: questionnaires/)")
    add_models_option(parser, "built artefacts used by the quality checks")
    add_personas_option(parser)
    parser.add_argument("--no-quality", action="store_true",
                        help="skip the quality checks that need the built recommender")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.set_defaults(handler=run)


def collect_problems(catalogue: Path, questionnaires: Path | None) -> list[Problem]:
    checked = check_catalogue(catalogue)
    problems = [*checked.problems, *check_wording(catalogue)[1],
                *check_lexicon(catalogue, checked.catalogue)[1]]
    if questionnaires is not None:
        problems.extend(check_flows(questionnaires).problems)
    return sorted(problems)


def run(args: argparse.Namespace) -> int:
    problems = collect_problems(args.catalogue, args.questionnaires)
    if not args.no_quality and not any(p.severity is Severity.ERROR for p in problems):
        from compass.curation.quality import check_quality

        quality = check_quality(args.catalogue, args.models, args.personas)
        problems = sorted([*problems, *quality.problems])
        if quality.skipped_because:
            print(f"Quality checks skipped: {quality.skipped_because}.")
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    for problem in problems:
        print(problem.render(), file=sys.stderr)
    if errors or (args.strict and warnings):
        print(f"{len(errors)} error(s), {len(warnings)} warning(s).", file=sys.stderr)
        return 1
    print(f"All good: no errors, {len(warnings)} warning(s).")
    return 0
