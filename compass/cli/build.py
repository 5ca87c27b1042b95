"""``compass build``: embed role texts, train and check the learned ranker, write models/."""

from __future__ import annotations

import argparse

from compass.cli._options import add_catalogue_option, add_models_option, add_personas_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build", help="build role embeddings and the ranking model into models/",
        description="Embed each role's text (only roles whose text changed), cross-validate the "
        "learned ranker against the transparent scorer on the judgement set (nested, with "
        "bootstrap confidence intervals), train the learned ranker, decide which ranker ships, "
        "and write everything with a manifest of SHA-256 hashes.")
    add_catalogue_option(parser)
    add_models_option(parser, "where to write the artefacts")
    add_personas_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from compass.ranking import report
    from compass.ranking.build import build

    built = build(args.catalogue, args.models, args.personas)
    judgements = built.judgements
    print(f"Embedded {built.encoded} of {built.roles} roles "
          f"({built.roles - built.encoded} unchanged, reused).")
    for text in (report.format_table(built.evaluation, built.shipped),
                 report.format_lead(built.evaluation),
                 report.format_agreement(judgements)):
        print(text, end="\n\n")
    print(f"Learned model settings (inner cross-validation over every persona): "
          f"{built.selection.chosen.label}.")
    print(f"Shipping the {built.shipped} ranker: {built.manifest.shipped_because}.")
    print(f"Wrote {args.models} in {built.seconds:.1f} s.")
    return 0
