"""Catalogue quality checks that need the built recommender.

* **Unreachable roles**: a role that no persona in the judgement set gets in their top 20
  may be described in a way the recommender can never match; check its ``work`` and
  ``interests``.
* **Near-duplicate roles**: two roles whose embedded text is almost the same are confusing
  to read side by side; merge them or make the difference clear.

Both are warnings: they ask a curator to look, they do not stop the catalogue loading.
They run only when ``models/`` holds verified artefacts for the current catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from compass.catalogue.catalogue import Catalogue
from compass.errors import Problem, Severity, display_path
from compass.yamlio import load_yaml

REACH_DEPTH = 20
NEAR_DUPLICATE_COSINE = 0.93


@dataclass(frozen=True)
class QualityReport:
    problems: tuple[Problem, ...]
    skipped_because: str | None = None


def _role_problem(roles_dir: Path, role_id: str, message: str, hint: str) -> Problem:
    path = roles_dir / f"{role_id}.yaml"
    doc, _ = load_yaml(path)
    line = doc.lines.line_of(("id",)) if doc is not None else 1
    return Problem(display_path(path), line, "id", message, hint, Severity.WARNING)


def unreachable_roles(recommended: list[set[str]], catalogue: Catalogue) -> list[str]:
    reached = set().union(*recommended) if recommended else set()
    return [role_id for role_id in catalogue.role_ids if role_id not in reached]


def near_duplicates(role_ids: tuple[str, ...], vectors: np.ndarray,
                    threshold: float = NEAR_DUPLICATE_COSINE) -> list[tuple[str, str, float]]:
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    similarity = unit @ unit.T
    rows, cols = np.nonzero(np.triu(similarity, k=1) >= threshold)
    return [(role_ids[i], role_ids[j], float(similarity[i, j])) for i, j in zip(rows, cols, strict=True)]


def check_quality(catalogue_dir: Path, models_dir: Path, personas_path: Path) -> QualityReport:
    from compass.ranking.engine import Engine
    from compass.ranking.personas import load_personas

    engine = Engine.load(catalogue_dir, models_dir)
    if engine.fallback_reason is not None:
        return QualityReport((), f"no verified models for this catalogue ({engine.fallback_reason})")
    catalogue = engine.catalogue
    personas = load_personas(personas_path, catalogue).personas
    ranked = engine.recommend_many([p.profile for p in personas], top=REACH_DEPTH)
    recommended = [{r.role_id for r in recs} for recs in ranked]
    roles_dir = catalogue_dir / "roles"
    problems = [
        _role_problem(roles_dir, role_id,
                      f"no persona in the judgement set has this role in their top {REACH_DEPTH}",
                      "check its work and interests describe the job, or add a persona it suits")
        for role_id in unreachable_roles(recommended, catalogue)
    ]
    vectors = engine.text.role_vectors()
    for first, second, cosine in near_duplicates(engine.index.role_ids, vectors):
        problems.append(_role_problem(roles_dir, second, f"reads almost the same as '{first}' "
                                      f"(similarity {cosine:.2f})",
                                      "merge the two roles or make the difference clear"))
    return QualityReport(tuple(problems))
