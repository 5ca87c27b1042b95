"""The committed JSON Schemas and the curator guide keep up with the models."""

from __future__ import annotations

from enum import Enum

import pytest
from pydantic import BaseModel

from compass.catalogue import DEFAULT_CATALOGUE, vocab
from compass.catalogue.models import EntryRoute, Interests, Pay, Programme, Provider, Role, WayToTry, Work
from compass.catalogue.schema import schema_files

GUIDE = (DEFAULT_CATALOGUE / "README.md").read_text(encoding="utf-8")
MODELS: list[type[BaseModel]] = [Role, Interests, Work, EntryRoute, Pay, Provider, Programme, WayToTry]
VOCABULARIES: list[type[Enum]] = [vocab.Family, vocab.Setting, vocab.RouteKind, vocab.Level,
                                  vocab.Shift, vocab.ProviderKind, vocab.Stage, vocab.TasterKind]


def test_committed_schemas_are_up_to_date() -> None:
    for path, text in schema_files(DEFAULT_CATALOGUE / "schema").items():
        assert path.exists(), f"{path.name} is missing: run 'compass catalogue schema'"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run 'compass catalogue schema'")


@pytest.mark.parametrize(
    "model, field",
    [(m, f) for m in MODELS for f in m.model_fields],
    ids=[f"{m.__name__}.{f}" for m in MODELS for f in m.model_fields],
)
def test_every_field_is_explained_in_the_guide(model: type[BaseModel], field: str) -> None:
    assert f"`{field}`" in GUIDE, f"{model.__name__}.{field} is not described in roles_catalogue/README.md"
    assert model.model_fields[field].description, f"{model.__name__}.{field} has no description"


@pytest.mark.parametrize("enum", VOCABULARIES, ids=[e.__name__ for e in VOCABULARIES])
def test_every_vocabulary_word_is_listed_in_the_guide(enum: type[Enum]) -> None:
    missing = [m.value for m in enum if f"`{m.value}`" not in GUIDE]
    assert not missing, f"{enum.__name__} words missing from the guide: {missing}"
