"""JSON Schemas generated from the catalogue models, for curators' editors.

The files in ``roles_catalogue/schema/`` are committed; a test fails when they are out of
date, and ``compass catalogue schema`` rewrites them.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from compass.catalogue.models import Programme, Provider, Role, WayToTry

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "role": Role,
    "provider": Provider,
    "programme": Programme,
    "way_to_try": WayToTry,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def schema_files(schema_dir: Path) -> dict[Path, str]:
    """Each schema file's path and the text it should have."""
    return {schema_dir / f"{name}.schema.json": schema_text(model)
            for name, model in SCHEMA_MODELS.items()}


def write_schemas(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in schema_files(schema_dir).items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
