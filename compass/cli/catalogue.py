"""``compass catalogue ...``: export, report on, and generate schemas for the catalogue."""

from __future__ import annotations

import argparse
import json

from compass.catalogue import load_catalogue
from compass.catalogue.export import catalogue_to_dict
from compass.catalogue.report import build_report, render_report
from compass.catalogue.schema import write_schemas
from compass.cli._options import add_catalogue_option
from compass.curation import cli_new_role, cli_preview

# Curator tools that live in their own modules, in the order ``compass catalogue --help`` lists them.
CURATOR_ACTIONS = (cli_new_role, cli_preview)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("catalogue", help="export, report on or describe the catalogue")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    export = actions.add_parser("export", help="print every role, provider and programme")
    export.add_argument("--json", action="store_true", required=True, help="print JSON")
    add_catalogue_option(export)
    export.set_defaults(handler=run_export)

    report = actions.add_parser("report", help="counts, coverage and thin roles")
    add_catalogue_option(report)
    report.set_defaults(handler=run_report)

    schema = actions.add_parser("schema", help="rewrite the JSON Schemas in roles_catalogue/schema/")
    add_catalogue_option(schema)
    schema.set_defaults(handler=run_schema)

    for module in CURATOR_ACTIONS:
        module.register(actions)


def run_export(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.catalogue)
    print(json.dumps(catalogue_to_dict(catalogue), indent=2, ensure_ascii=False))
    return 0


def run_report(args: argparse.Namespace) -> int:
    print(render_report(build_report(load_catalogue(args.catalogue))))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.catalogue / "schema"):
        print(f"wrote {path}")
    return 0
