"""Options shared by several sub-commands, with one set of default paths."""

from __future__ import annotations

import argparse
from pathlib import Path

from compass.catalogue import DEFAULT_CATALOGUE

DEFAULT_MODELS = DEFAULT_CATALOGUE.parent / "models"
DEFAULT_PERSONAS = DEFAULT_CATALOGUE.parent / "evaluation" / "personas.yaml"


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalogue", type=Path, default=DEFAULT_CATALOGUE,
                        help="the catalogue folder (default: roles_catalogue/)")


def add_models_option(parser: argparse.ArgumentParser, purpose: str = "built artefacts") -> None:
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS, help=f"{purpose} (default: models/)")


def add_personas_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--personas", type=Path, default=DEFAULT_PERSONAS,
                        help="the judgement set (default: evaluation/personas.yaml)")
