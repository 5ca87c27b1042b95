"""``compass build``: embed role texts, train and check the learned ranker, write models/."""

from __future__ import annotations

import argparse
from pathlib import Path

from compass.catalogue import DEFAULT_CATALOGUE

DEFAULT_MODELS = DEFAULT_CATALOGUE.parent / "models"
DEFAULT_PERSONAS = DEFAULT_CATALOGUE.parent / "evaluation" / "personas.yaml"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build", help="build role embeddings and the ranking model into models/",
        description="Embed each role's text (only roles whose text changed), train the learned "
        "ranker, cross-validate it against the transparent scorer on the judgement set, and "
        "write everything with a manifest of SHA-256 hashes.")
    parser.add_argument("--catalogue", type=Path, default=DEFAULT_CATALOGUE,
                        help="the catalogue folder (default: roles_catalogue/)")
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS,
                        help="where to write the artefacts (default: models/)")
    parser.add_argument("--personas", type=Path, default=DEFAULT_PERSONAS,
                        help="the judgement set (default: evaluation/personas.yaml)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from compass.ranking.build import build
    from compass.ranking.evaluation import format_table

    report = build(args.catalogue, args.models, args.personas)
    print(f"Embedded {report.encoded} of {report.roles} roles "
          f"({report.roles - report.encoded} unchanged, reused).")
    print(format_table(report.evaluation, report.shipped))
    print(f"Shipping the {report.shipped} ranker: {report.manifest.shipped_because}.")
    print(f"Wrote {args.models} in {report.seconds:.1f} s.")
    return 0
