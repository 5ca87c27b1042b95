"""``compass build``: embed role texts, train and check the learned ranker, write models/."""

from __future__ import annotations

import argparse

from compass.cli._options import add_catalogue_option, add_models_option, add_personas_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build", help="build role embeddings and the ranking model into models/",
        description="Embed each role's text (only roles whose text changed), train the learned "
        "ranker, cross-validate it against the transparent scorer on the judgement set, and "
        "write everything with a manifest of SHA-256 hashes.")
    add_catalogue_option(parser)
    add_models_option(parser, "where to write the artefacts")
    add_personas_option(parser)
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
