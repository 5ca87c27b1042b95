"""``compass evaluate``: each ranker's quality on held-out personas, and a random floor."""

from __future__ import annotations

import argparse
from pathlib import Path

from compass.cli._options import add_catalogue_option, add_models_option, add_personas_option
from compass.cli.recommend import show_engine_warnings
from compass.ranking.trust import DEFAULT_PROBES


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="measure the rankers on held-out personas",
        description="Nested cross-validation of the learned ranker (grouped by persona; its "
        "settings chosen on training personas only) against the transparent scorer and a "
        "random ranker on the judgement set: NDCG@10, a top-graded role in the top 3, "
        "constraint violations and job families in the top 10, catalogue coverage; the "
        "learned minus transparent differences with bootstrap confidence intervals, the ship "
        "verdict, and how far the two passes of grades agree. Then the trust probes in "
        "evaluation/probes.yaml: avoided roles, named jobs, days-only nights, earn-now routes "
        "and 'not for me' stability, measured on the shipped engine.")
    add_catalogue_option(parser)
    add_models_option(parser, "built artefacts, for role embeddings")
    add_personas_option(parser)
    parser.add_argument("--folds", type=int, default=5, help="outer cross-validation folds (default 5)")
    parser.add_argument("--synthetic", action="store_true",
                        help="also let the inner cross-validation choose training on profiles "
                        "sampled around each role")
    parser.add_argument("--probes", type=Path, default=DEFAULT_PROBES,
                        help="the trust probe sets (default: evaluation/probes.yaml)")
    parser.add_argument("--no-probes", action="store_true",
                        help="skip the trust probes (for a catalogue the probes were not written for)")
    parser.add_argument("--per-persona", action="store_true",
                        help="also show each persona's NDCG@10 and top-3 hit under each ranker")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from compass.catalogue import load_catalogue
    from compass.ranking import report
    from compass.ranking.engine import Engine
    from compass.ranking.evaluation import cross_validate
    from compass.ranking.personas import load_personas
    from compass.ranking.trust import load_probes, measure_trust
    from compass.ranking.tuning import GRID, SYNTHETIC_GRID

    show_engine_warnings()
    catalogue = load_catalogue(args.catalogue)
    judgements = load_personas(args.personas, catalogue)
    engine = Engine.load(args.catalogue, models_dir=args.models, catalogue=catalogue)
    evaluation = cross_validate(engine, judgements.personas, folds=args.folds,
                                grid=SYNTHETIC_GRID if args.synthetic else GRID)
    if args.per_persona:
        print(report.format_by_persona(evaluation), end="\n\n")
    for text in (report.format_table(evaluation, engine.ranker_name), report.format_lead(evaluation),
                 report.format_settings(evaluation), report.format_verdict(evaluation),
                 report.format_agreement(judgements)):
        print(text, end="\n\n")
    print(f"The service uses the {engine.ranker_name} ranker: "
          f"{engine.fallback_reason or engine.ranker_note}.", end="\n\n")
    if not args.no_probes:
        trust = measure_trust(engine, load_probes(catalogue, args.probes))
        print("Trust probes (the shipped engine):")
        print(trust.render())
    return 0
