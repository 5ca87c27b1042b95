"""The judgement set: personas with the roles a careers adviser would suggest to them.

``evaluation/personas.yaml`` holds a top-level ``personas:`` list. Each persona has an
``id``, a ``note``, a ``profile`` (Profile JSON) and ``relevance``: role id to grade 1-3
(3 = a top suggestion); roles not listed are grade 0. Problems are reported together,
with line numbers, like the catalogue's.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from compass.catalogue import Catalogue
from compass.errors import Problem, ProblemsError, ProfileError, display_path
from compass.profile import Profile
from compass.yamlio import LineMap, load_yaml

DEFAULT_PERSONAS = Path(__file__).resolve().parents[2] / "evaluation" / "personas.yaml"
GRADES = (1, 2, 3)


class JudgementSetError(ProblemsError):
    """The judgement set (evaluation/personas.yaml) has errors."""


@dataclass(frozen=True)
class Persona:
    id: str
    note: str
    profile: Profile
    relevance: Mapping[str, int]

    @property
    def top_grade(self) -> int:
        return max(self.relevance.values())


@dataclass(frozen=True)
class JudgementSet:
    personas: tuple[Persona, ...]
    content_hash: str


def load_personas(path: Path, catalogue: Catalogue) -> JudgementSet:
    """Every persona in ``path``; raises :class:`JudgementSetError` listing every problem."""
    doc, problems = load_yaml(path)
    if doc is None:
        raise JudgementSetError(problems)
    shown = display_path(path)
    entries = doc.data.get("personas") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise JudgementSetError([Problem(shown, 1, "personas", "expected a list of personas")])
    personas: list[Persona] = []
    seen: set[object] = set()
    for i, entry in enumerate(entries):
        persona_id = entry.get("id") if isinstance(entry, dict) else None
        if persona_id in seen:
            problems.append(Problem(shown, doc.lines.line_of(("personas", i, "id")),
                                    f"personas[{i}].id", f"'{persona_id}' is used twice"))
        seen.add(persona_id)
        persona = _persona(entry, i, shown, doc.lines, catalogue, problems)
        if persona is not None:
            personas.append(persona)
    if problems:
        raise JudgementSetError(problems)
    return JudgementSet(tuple(personas), hashlib.sha256(path.read_bytes()).hexdigest())


def _persona(entry: Any, i: int, shown: str, lines: LineMap, catalogue: Catalogue,
             problems: list[Problem]) -> Persona | None:
    where = f"personas[{i}]"

    def problem(field: str, message: str, hint: str = "") -> None:
        line = lines.line_of(("personas", i, *field.split(".")) if field else ("personas", i))
        problems.append(Problem(shown, line, f"{where}.{field}" if field else where, message, hint))

    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        problem("", "each persona needs an 'id', a 'profile' and 'relevance'")
        return None
    try:
        profile = Profile.from_dict(entry.get("profile", {}))
    except ProfileError as exc:
        problem("profile", str(exc))
        return None
    relevance = entry.get("relevance")
    if not isinstance(relevance, dict) or not relevance:
        problem("relevance", "give at least one role id with a grade from 1 to 3")
        return None
    grades: dict[str, int] = {}
    for role_id, grade in relevance.items():
        if not catalogue.has_role(str(role_id)):
            guess = difflib.get_close_matches(str(role_id), catalogue.role_ids, n=1)
            problem(f"relevance.{role_id}", f"no role has the id '{role_id}'",
                    f"did you mean '{guess[0]}'?" if guess else "")
        elif grade not in GRADES or isinstance(grade, bool):
            problem(f"relevance.{role_id}", f"grade '{grade}' should be 1, 2 or 3")
        else:
            grades[str(role_id)] = int(grade)
    if len(grades) != len(relevance):
        return None
    return Persona(entry["id"], str(entry.get("note", "")), profile, MappingProxyType(grades))
