"""Turn pydantic validation errors into curator-readable, line-numbered problems."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from compass.errors import Problem, display_path
from compass.yamlio import FieldPath, YamlDocument, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_document(doc: YamlDocument, model: type[ModelT],
                      guide: str = "roles_catalogue/README.md") -> tuple[ModelT | None, list[Problem]]:
    """Validate one parsed YAML document against ``model``; every error becomes a Problem.

    ``guide`` is the file that explains the fields, named in hints.
    """
    shown = display_path(doc.path)
    if not isinstance(doc.data, dict):
        return None, [Problem(shown, 1, "", "the file should be a list of 'field: value' lines",
                              "start each field at the left edge, like 'title: Porter'")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = [
            _problem(shown, doc, model, tuple(error["loc"]), error, guide) for error in exc.errors()
        ]
        return None, problems


def _problem(shown: str, doc: YamlDocument, model: type[BaseModel], loc: FieldPath,
             error: Any, guide: str) -> Problem:
    kind: str = error["type"]
    field = dotted(loc)
    line = doc.lines.line_of(loc)
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "missing":
        return Problem(shown, line, field, "this field is required but missing",
                       f"add it; {guide} explains each field")
    if kind == "extra_forbidden":
        known = _field_names(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed fields: {', '.join(known)}"
        return Problem(shown, line, field, f"'{loc[-1]}' is not a field here", hint)
    if kind == "enum":
        if value is None:
            return Problem(shown, line, field, "this is empty", f"choose one of: {context.get('expected', '')}")
        choices = [c.strip(" '") for c in str(context.get("expected", "")).replace(" or ", ",").split(",")]
        choices = [c for c in choices if c]
        guess = difflib.get_close_matches(str(value), choices, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"choose one of: {', '.join(choices)}"
        return Problem(shown, line, field, f"'{value}' is not one of the allowed words", hint)
    if kind == "string_pattern_mismatch":
        return Problem(shown, line, field, f"'{value}' is not in the right form", _pattern_hint(loc, guide))
    if kind in {"string_too_long", "too_long"}:
        return Problem(shown, line, field, "this is too long",
                       f"keep it to {context.get('max_length')} {_unit(kind, context.get('max_length'))} or fewer")
    if kind in {"string_too_short", "too_short"}:
        return Problem(shown, line, field, "this is too short or empty",
                       f"it needs at least {context.get('min_length')} {_unit(kind, context.get('min_length'))}")
    if kind in {"bool_type", "bool_parsing"}:
        return Problem(shown, line, field, f"should be true or false, not '{value}'")
    if kind in {"float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"}:
        return Problem(shown, line, field, f"should be a number, not '{value}'")
    if kind in {"string_type"}:
        return Problem(shown, line, field, f"should be text, not {type(value).__name__}",
                       "put quotes around it, e.g. \"6131\"")
    if kind in {"list_type", "tuple_type"}:
        return Problem(shown, line, field, "should be a list",
                       "write one item per line starting with '- ', or [a, b]")
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return Problem(shown, line, field, "should be a block of 'field: value' lines")
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        limits = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in context.items())
        return Problem(shown, line, field, f"{value} is out of range ({limits})")
    message = str(error["msg"]).removeprefix("Value error, ")
    return Problem(shown, line, field, message)


def _unit(kind: str, count: object) -> str:
    unit = "character" if kind.startswith("string") else "item"
    return unit if count == 1 else unit + "s"


def _pattern_hint(loc: FieldPath, guide: str) -> str:
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    return {
        "id": "use lower case words joined by dashes, like 'hospital-porter'",
        "soc2020": "use the four-digit SOC 2020 code in quotes, like \"6131\"",
        "sources": "use a full https:// link",
        "url": "use a full https:// link",
        "year": "write the pay year like 2025/26",
        "afc_band_min": "use an Agenda for Change band: 1-7, 8a-8d or 9, in quotes",
        "afc_band_max": "use an Agenda for Change band: 1-7, 8a-8d or 9, in quotes",
        "progression": "use the id of another role, like 'senior-care-worker'",
        "providers": "use the id of a provider file, like 'leeds-city-college'",
        "programmes": "use the id of a programme file, like 'talent-hub'",
        "ways_to_try": "use the id of a file in ways_to_try/, like 'nhs-cadets'",
    }.get(name, f"check the format described in {guide}")


def _field_names(model: type[BaseModel], loc: FieldPath) -> list[str]:
    """Field names allowed at ``loc`` inside ``model``, following nested models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part)) if _is_model(current) else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return sorted(current.model_fields) if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
