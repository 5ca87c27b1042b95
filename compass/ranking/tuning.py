"""Choosing the learned ranker's settings on training personas only (the inner loop).

:func:`choose_settings` splits the personas it is given into :data:`INNER_FOLDS` folds,
trains every candidate in :data:`GRID` on all but one fold and lets the whole engine
make a top ten for each persona of that fold, exactly as the outer evaluation does. Each
candidate then has one NDCG@10 per persona.

The choice follows the one-standard-error rule: the *simplest* candidate (earliest in
:data:`GRID`) whose mean NDCG@10 is within one standard error of the best candidate's,
the error taken over the per-persona differences from the best. So the crossed terms, the
lighter regularisation or the synthetic profiles are chosen only when they clearly help,
not when they win by noise.

The outer evaluation (:mod:`.evaluation`) calls this with its training personas only,
and the build calls it once more with every persona to set up the shipped model.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from compass.ranking.engine import Engine, Recommendation
from compass.ranking.metrics import CUTOFF, persona_measures
from compass.ranking.personas import Persona
from compass.ranking.scorers import LearnedRanker
from compass.ranking.training import Settings, TrainingRows, fit_learned, persona_rows, synthetic_rows

INNER_FOLDS = 3
INNER_SEED = 11
# Simplest first: named features only, then the crossed terms, each strongly then lightly
# regularised. The one-standard-error rule prefers earlier entries.
GRID: tuple[Settings, ...] = (
    Settings(crossed=False, alpha_named=1.0),
    Settings(crossed=False, alpha_named=0.01),
    Settings(crossed=True, alpha_named=0.01, alpha_terms=1.0),
    Settings(crossed=True, alpha_named=0.01, alpha_terms=0.25),
)
# ``compass evaluate --synthetic``: every candidate also with the self-supervised profiles.
SYNTHETIC_GRID = GRID + tuple(replace(s, synthetic=True) for s in GRID)
Lists = list[tuple[Persona, list[Recommendation]]]


def top_lists(engine: Engine, personas: Sequence[Persona]) -> Lists:
    """Each persona with the engine's top ten for it."""
    results = engine.recommend_many([p.profile for p in personas], top=CUTOFF)
    return list(zip(personas, results, strict=True))


def split(personas: Sequence[Persona], folds: int,
          seed: int) -> Iterator[tuple[list[Persona], list[Persona]]]:
    """(held out, training) for each of ``folds`` folds, grouped by persona."""
    folds = max(2, min(folds, len(personas)))
    fold_of = np.random.default_rng(seed).permutation(len(personas)) % folds
    for fold in range(folds):
        yield ([p for p, f in zip(personas, fold_of, strict=True) if f == fold],
               [p for p, f in zip(personas, fold_of, strict=True) if f != fold])


@dataclass(frozen=True)
class Pool:
    """Training rows for every persona (and the synthetic profiles), made once."""

    engine: Engine
    labelled: TrainingRows
    synthetic: TrainingRows | None

    @classmethod
    def make(cls, engine: Engine, personas: Sequence[Persona], synthetic: bool) -> Pool:
        return cls(engine, persona_rows(engine, personas),
                   synthetic_rows(engine) if synthetic else None)

    def fit(self, personas: Sequence[Persona], settings: Settings) -> LearnedRanker:
        """A model trained on these personas' rows only (plus synthetic ones if asked)."""
        rows = self.labelled.of_groups([p.id for p in personas])
        if settings.synthetic:
            if self.synthetic is None:
                raise ValueError("this pool was made without synthetic profiles")
            rows = TrainingRows.join([rows, self.synthetic])
        return LearnedRanker(fit_learned(rows, settings))


@dataclass(frozen=True)
class Selection:
    """The chosen settings, every candidate's inner score, and who was looked at."""

    chosen: Settings
    scores: Mapping[Settings, float]   # mean inner NDCG@10 per candidate
    seen: frozenset[str]               # every persona trained on or scored to choose

    def as_dict(self) -> dict[str, object]:
        return {"chosen": self.chosen.as_dict(), "chosen_label": self.chosen.label,
                "inner_ndcg_at_10": {s.label: score for s, score in self.scores.items()},
                "personas_seen": len(self.seen)}


def choose_settings(pool: Pool, personas: Sequence[Persona], grid: Sequence[Settings] = GRID,
                    folds: int = INNER_FOLDS, seed: int = INNER_SEED) -> Selection:
    """Pick settings by cross-validation over ``personas`` alone (see the module notes)."""
    ndcg = {settings: np.zeros(len(personas)) for settings in grid}
    position = {p.id: i for i, p in enumerate(personas)}
    for held_out, training in split(personas, folds, seed):
        rows = [position[p.id] for p in held_out]
        for settings in grid:
            ranker = pool.fit(training, settings)
            found = persona_measures(top_lists(pool.engine.with_ranker(ranker), held_out))
            ndcg[settings][rows] = found["ndcg_at_10"].to_numpy()
    return Selection(one_standard_error(ndcg, grid), {s: float(v.mean()) for s, v in ndcg.items()},
                     frozenset(p.id for p in personas))


def one_standard_error(scores: Mapping[Settings, np.ndarray], grid: Sequence[Settings]) -> Settings:
    """The first of ``grid`` whose mean is within one paired standard error of the best."""
    best = max(grid, key=lambda s: float(scores[s].mean()))
    for settings in grid:
        behind = scores[best] - scores[settings]
        error = float(behind.std(ddof=1) / np.sqrt(len(behind))) if len(behind) > 1 else 0.0
        if float(behind.mean()) <= error:
            return settings
    return best
