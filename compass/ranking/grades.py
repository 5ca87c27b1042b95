"""The second, independent pass of grades: loading it, merging it, and how far the passes agree.

``evaluation/grades/second_pass_*.yaml`` files each hold ``grades: {persona-id: {role-id:
grade}}``, written without seeing the first pass (``evaluation/personas.yaml``). They may
cover only some personas; a persona listed with no grades is not graded yet. Grades are
0 to 3 (0, like an unlisted role, means "not one to suggest").

For a persona graded in both passes, each role's grade is the mean of the two passes
(a role one pass did not list counts as 0), rounded half up: 3 and 2 give 3, 3 and 0 give 2,
1 and 0 give 1. As in the first pass, a merged 2 or 3 for a role none of whose ways in fits
the person's constraints is lowered to 1 (:func:`within_routes`). Every other persona keeps
its first-pass grades.

Agreement is reported over personas graded in both passes:

* grade-3 overlap: |A3 & B3| / |A3 | B3|, the roles each pass would definitely suggest,
  averaged over personas;
* quadratic weighted kappa (Cohen, 1968) per persona over the union of roles either pass
  graded, averaged. Kappa rather than Spearman because the grades have fixed meanings and
  the merge averages them: a pass that grades every role one lower is real disagreement
  for the merged grades, which kappa counts and a rank correlation would not; and with
  four grade levels on 6 to 15 roles, most values are ties, which make Spearman unstable.
  Quadratic weights count 3 against 2 as a small difference and 3 against 0 as a large one.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compass.catalogue import Catalogue
from compass.errors import Problem, display_path
from compass.yamlio import LineMap, load_yaml

SECOND_PASS_GLOB = "second_pass_*.yaml"
SECOND_PASS_GRADES = (0, 1, 2, 3)
Grades = Mapping[str, int]


@dataclass(frozen=True)
class SecondPass:
    """Second-pass grades by persona id, and the files they came from."""

    grades: Mapping[str, Grades]
    files: tuple[Path, ...]


def second_pass_files(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(folder.glob(SECOND_PASS_GLOB))) if folder.is_dir() else ()


def load_second_pass(files: Sequence[Path], catalogue: Catalogue, persona_ids: set[str],
                     problems: list[Problem]) -> SecondPass:
    """Every file's grades; problems (with line numbers) are appended to ``problems``."""
    found: dict[str, Grades] = {}
    where: dict[str, str] = {}
    for path in files:
        doc, file_problems = load_yaml(path)
        problems.extend(file_problems)
        if doc is None:
            continue
        shown = display_path(path)
        entries = doc.data.get("grades") if isinstance(doc.data, dict) else None
        if not isinstance(entries, dict):
            problems.append(Problem(shown, 1, "grades", "expected 'grades:' with persona ids"))
            continue
        for persona_id, grades in entries.items():
            line = doc.lines.line_of(("grades", str(persona_id)))
            problem = _persona_problem(str(persona_id), persona_ids, where)
            if problem:
                problems.append(Problem(shown, line, f"grades.{persona_id}", problem))
                continue
            checked = _grades(grades, shown, doc.lines, str(persona_id), catalogue, problems)
            if grades:
                where[str(persona_id)] = shown
            if checked:
                found[str(persona_id)] = checked
    return SecondPass(found, tuple(files))


def _persona_problem(persona_id: str, persona_ids: set[str], where: Mapping[str, str]) -> str:
    if persona_id not in persona_ids:
        return f"no persona in the first pass has the id '{persona_id}'"
    if persona_id in where:
        return f"'{persona_id}' is already graded in {where[persona_id]}"
    return ""


def _grades(grades: object, shown: str, lines: LineMap, persona_id: str, catalogue: Catalogue,
            problems: list[Problem]) -> dict[str, int]:
    """A persona's second-pass grades without the zeros; empty if not graded yet."""
    if grades is None:
        return {}
    if not isinstance(grades, dict):
        problems.append(Problem(shown, lines.line_of(("grades", persona_id)), f"grades.{persona_id}",
                                "expected role ids with grades from 0 to 3"))
        return {}
    checked: dict[str, int] = {}
    for role_id, grade in grades.items():
        line = lines.line_of(("grades", persona_id, str(role_id)))
        field = f"grades.{persona_id}.{role_id}"
        if not catalogue.has_role(str(role_id)):
            guess = difflib.get_close_matches(str(role_id), catalogue.role_ids, n=1)
            problems.append(Problem(shown, line, field, f"no role has the id '{role_id}'",
                                    f"did you mean '{guess[0]}'?" if guess else ""))
        elif grade not in SECOND_PASS_GRADES or isinstance(grade, bool):
            problems.append(Problem(shown, line, field, f"grade '{grade}' should be 0, 1, 2 or 3"))
        elif grade:
            checked[str(role_id)] = int(grade)
    return checked


def merge(first: Grades, second: Grades) -> dict[str, int]:
    """Each role's mean grade over the two passes (missing = 0), rounded half up."""
    roles = sorted(set(first) | set(second))
    merged = {r: math.floor((first.get(r, 0) + second.get(r, 0)) / 2 + 0.5) for r in roles}
    return {role: grade for role, grade in merged.items() if grade > 0}


def within_routes(grades: Grades, fits: Callable[[str], bool]) -> tuple[dict[str, int], list[str]]:
    """Grades with every 2 or 3 for a role with no fitting route lowered to 1, and those roles.

    The first pass was written to this rule (evaluation/README.md: a role graded 2 or 3 has a
    way in that fits the person's constraints); the merged grades are held to it too.
    """
    lowered = sorted(role for role, grade in grades.items() if grade >= 2 and not fits(role))
    return {role: 1 if role in lowered else grade for role, grade in grades.items()}, lowered


def grade_3_overlap(first: Grades, second: Grades) -> float:
    """|A3 & B3| / |A3 | B3|; 1.0 when neither pass gives any role a 3."""
    top_a = {r for r, g in first.items() if g == 3}
    top_b = {r for r, g in second.items() if g == 3}
    union = top_a | top_b
    return len(top_a & top_b) / len(union) if union else 1.0


def weighted_kappa(first: Grades, second: Grades) -> float:
    """Quadratic weighted kappa over the union of graded roles (missing = 0).

    1 - sum((a_i - b_i)^2) / (sum over all i, j of (a_i - b_j)^2 / n): observed squared
    disagreement over what two passes with these grade mixes would give by chance.
    """
    roles = sorted(set(first) | set(second))
    a = np.array([first.get(r, 0) for r in roles], dtype=np.float64)
    b = np.array([second.get(r, 0) for r in roles], dtype=np.float64)
    chance = float(((a[:, None] - b[None, :]) ** 2).sum()) / max(len(roles), 1)
    observed = float(((a - b) ** 2).sum())
    return 1.0 - observed / chance if chance > 0 else 1.0


@dataclass(frozen=True)
class Agreement:
    """How far two passes of grades agree, over the personas graded in both."""

    personas: int
    grade_3_overlap: float
    weighted_kappa: float

    def as_dict(self) -> dict[str, float]:
        return {"personas_in_both_passes": self.personas,
                "grade_3_overlap": self.grade_3_overlap, "weighted_kappa": self.weighted_kappa}

    @property
    def text(self) -> str:
        return (f"{self.personas} personas graded twice: grade-3 overlap {self.grade_3_overlap:.2f} "
                f"(mean |A3 & B3| / |A3 | B3|), quadratic weighted kappa {self.weighted_kappa:.2f} "
                "(mean per persona)")


def agreement(pairs: Sequence[tuple[Grades, Grades]]) -> Agreement | None:
    """Agreement over (first pass, second pass) grade pairs; None with no pairs."""
    if not pairs:
        return None
    return Agreement(len(pairs), float(np.mean([grade_3_overlap(a, b) for a, b in pairs])),
                     float(np.mean([weighted_kappa(a, b) for a, b in pairs])))
