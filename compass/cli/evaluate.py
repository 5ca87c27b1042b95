"""``compass evaluate``: each ranker's quality on held-out personas, and a random floor."""

from __future__ import annotations

import argparse

from compass.cli._options import add_catalogue_option, add_models_option, add_personas_option
from compass.cli.recommend import show_engine_warnings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="measure the rankers on held-out personas",
        description="Cross-validate the learned ranker (grouped by persona) and score the "
        "transparent scorer and a random ranker on the judgement set: NDCG@10, a top-graded "
        "role in the top 3, constraint violations in the top 10, job families in the top 10 "
        "and catalogue coverage.")
    add_catalogue_option(parser)
    add_models_option(parser, "built artefacts, for role embeddings")
    add_personas_option(parser)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    parser.add_argument("--synthetic", action="store_true",
                        help="also train the learned ranker on profiles sampled around each role")
    parser.add_argument("--per-persona", action="store_true",
                        help="also show each persona's NDCG@10 and top-3 hit under each ranker")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from compass.catalogue import load_catalogue
    from compass.ranking.engine import Engine
    from compass.ranking.evaluation import cross_validate, format_by_persona, format_table
    from compass.ranking.personas import load_personas

    show_engine_warnings()
    catalogue = load_catalogue(args.catalogue)
    personas = load_personas(args.personas, catalogue).personas
    engine = Engine.load(models_dir=args.models, catalogue=catalogue)
    evaluation = cross_validate(engine, personas, folds=args.folds, use_synthetic=args.synthetic)
    if args.per_persona:
        print(format_by_persona(evaluation), end="\n\n")
    print(format_table(evaluation, engine.ranker_name))
    print(f"The service uses the {engine.ranker_name} ranker: "
          f"{engine.fallback_reason or engine.ranker_note}.")
    return 0
