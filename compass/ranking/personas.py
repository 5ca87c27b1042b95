"""The judgement set: personas with the roles a careers adviser would suggest to them.

``evaluation/personas.yaml`` holds a top-level ``personas:`` list. Each persona has an
``id``, a ``note``, a ``profile`` (Profile JSON) and ``relevance``: role id to grade 1-3
(3 = a top suggestion); roles not listed are grade 0. Problems are reported together,
with line numbers, like the catalogue's.

That is the first pass of grades. When ``evaluation/grades/second_pass_*.yaml`` files
exist (:mod:`.grades`), each persona they grade gets the merged grades of both passes as
its ``relevance`` (held to the same route rule as the first pass), which is what training
and evaluation use, and the judgement set reports how far the two passes agree. Grades
are always by role id, never by title.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from compass.catalogue import Catalogue
from compass.errors import Problem, ProblemsError, ProfileError, display_path
from compass.profile import Profile
from compass.ranking.grades import (
    Agreement,
    agreement,
    load_second_pass,
    merge,
    second_pass_files,
    within_routes,
)
from compass.ranking.routes import route_problems
from compass.yamlio import LineMap, load_yaml

DEFAULT_PERSONAS = Path(__file__).resolve().parents[2] / "evaluation" / "personas.yaml"
GRADES_FOLDER = "grades"  # beside the personas file
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
    personas: tuple[Persona, ...]   # relevance merged over both passes where there are two
    content_hash: str               # of personas.yaml and every second-pass file
    agreement: Agreement | None = None  # None until some persona is graded twice
    second_pass_files: tuple[str, ...] = ()
    # (persona, role) merged to 2 or 3 but lowered to 1: none of the role's ways in fits
    lowered_for_routes: tuple[tuple[str, str], ...] = ()

    @property
    def graded_twice(self) -> int:
        return self.agreement.personas if self.agreement else 0


def load_personas(path: Path, catalogue: Catalogue, grades_dir: Path | None = None) -> JudgementSet:
    """Every persona in ``path``, merged with the second pass in ``grades_dir`` if any.

    ``grades_dir`` defaults to ``grades/`` beside ``path``. Raises
    :class:`JudgementSetError` listing every problem in every file.
    """
    first = _first_pass(path, catalogue)
    files = second_pass_files(grades_dir or path.parent / GRADES_FOLDER)
    problems: list[Problem] = []
    second = load_second_pass(files, catalogue, {p.id for p in first}, problems)
    if problems:
        raise JudgementSetError(problems)
    pairs = [(p.relevance, second.grades[p.id]) for p in first if p.id in second.grades]
    personas, lowered = [], []
    for persona in first:
        if persona.id in second.grades:
            persona, roles = _merged(persona, second.grades[persona.id], catalogue)
            lowered += [(persona.id, role) for role in roles]
        personas.append(persona)
    return JudgementSet(tuple(personas), _content_hash(path, files), agreement(pairs),
                        tuple(f.name for f in files), tuple(lowered))


def _merged(persona: Persona, second: Mapping[str, int],
            catalogue: Catalogue) -> tuple[Persona, list[str]]:
    """The persona with both passes' grades merged, and any roles lowered for their routes."""
    def fits(role_id: str) -> bool:
        return any(not route_problems(r, persona.profile) for r in catalogue.role(role_id).entry_routes)

    grades, lowered = within_routes(merge(persona.relevance, second), fits)
    return replace(persona, relevance=MappingProxyType(grades)), lowered


def _content_hash(path: Path, files: tuple[Path, ...]) -> str:
    """SHA-256 of personas.yaml alone, or of it and every second-pass file (name and bytes)."""
    digest = hashlib.sha256(path.read_bytes())
    if not files:
        return digest.hexdigest()
    for extra in files:
        digest.update(b"\0" + extra.name.encode() + b"\0" + extra.read_bytes())
    return digest.hexdigest()


def _first_pass(path: Path, catalogue: Catalogue) -> tuple[Persona, ...]:
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
    return tuple(personas)


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
