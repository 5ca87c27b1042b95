"""Nested cross-validation over personas: how each ranker does on personas it never saw.

The judgement set is split into outer folds by persona (all of a persona's rows stay
together). For each outer fold, the learned ranker's settings are chosen by an inner
cross-validation on the *other* folds' personas only (:func:`.tuning.choose_settings`);
a model with those settings is trained on the same personas, and the full engine (hard
constraints, diversity and all) makes a top ten for each held-out persona. The held-out
personas only ever score: nothing about them picks a setting or a weight. The transparent
scorer and a random ranker have nothing to learn, so they are scored on every persona.

The learned model's lead over the transparent scorer comes with a paired bootstrap
confidence interval, and the ship rule (:mod:`.significance`) decides which one ships.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from compass.ranking.engine import Engine
from compass.ranking.metrics import RankerReport, coverage, persona_measures, summarise
from compass.ranking.personas import Persona
from compass.ranking.scorers import RandomRanker, TransparentScorer
from compass.ranking.significance import RESAMPLES, Lead, lead_of
from compass.ranking.training import Settings
from compass.ranking.tuning import GRID, INNER_FOLDS, Lists, Pool, Selection, choose_settings, split, top_lists

FOLDS = 5
SEED = 7
RANKERS = ("learned", "transparent", "random")
__all__ = ["FOLDS", "RANKERS", "Evaluation", "OuterFold", "cross_validate", "top_lists"]


@dataclass(frozen=True)
class OuterFold:
    """One outer fold: the personas it scored and how its settings were chosen."""

    held_out: tuple[str, ...]
    selection: Selection

    def as_dict(self) -> dict[str, object]:
        return {"held_out_personas": len(self.held_out), **self.selection.as_dict()}


@dataclass(frozen=True)
class Evaluation:
    """Each ranker's report, every persona's measures under each ranker, and the lead."""

    reports: Mapping[str, RankerReport]
    folds: int
    # One row per persona; columns (ranker, measure) with the measures of PERSONA_MEASURES.
    by_persona: pd.DataFrame
    outer: tuple[OuterFold, ...]
    lead: Lead
    inner_folds: int = INNER_FOLDS

    @property
    def shipped(self) -> str:
        """The ship rule: learned only if its NDCG@10 lead's 95% CI is above zero."""
        return self.lead.shipped

    @property
    def learned_wins(self) -> bool:
        return self.lead.significant

    @property
    def verdict(self) -> str:
        return self.lead.verdict

    def as_dict(self) -> dict[str, dict[str, float]]:
        """The manifest's ``metrics``: each ranker's report and the lead with its intervals."""
        reports = {name: report.as_dict() for name, report in self.reports.items()}
        return reports | {"learned_minus_transparent": self.lead.as_dict()}

    def table(self) -> pd.DataFrame:
        """Rankers by measures: one row per ranker in :data:`RANKERS` order."""
        return pd.DataFrame.from_dict({name: self.reports[name].as_dict() for name in RANKERS},
                                      orient="index")


def cross_validate(engine: Engine, personas: Sequence[Persona], folds: int = FOLDS,
                   seed: int = SEED, grid: Sequence[Settings] = GRID,
                   inner_folds: int = INNER_FOLDS, resamples: int = RESAMPLES,
                   pool: Pool | None = None) -> Evaluation:
    """Reports for the learned, transparent and random rankers on held-out personas."""
    pool = pool or Pool.make(engine, personas, any(s.synthetic for s in grid))
    learned: Lists = []
    outer: list[OuterFold] = []
    for held_out, training in split(personas, folds, seed):
        selection = choose_settings(pool, training, grid, inner_folds)
        learned += top_lists(engine.with_ranker(pool.fit(training, selection.chosen)), held_out)
        outer.append(OuterFold(tuple(p.id for p in held_out), selection))
    lists = {
        "learned": learned,
        "transparent": top_lists(engine.with_ranker(TransparentScorer()), personas),
        "random": top_lists(engine.with_ranker(RandomRanker(seed)), personas),
    }
    measures = {name: persona_measures(found).reindex([p.id for p in personas])
                for name, found in lists.items()}
    size = len(engine.index)
    reports = {name: summarise(name, measures[name], coverage(lists[name], size)) for name in RANKERS}
    by_persona = pd.concat(measures, axis=1, names=["ranker", "measure"])
    return Evaluation(reports, len(outer), by_persona, tuple(outer),
                      _lead(by_persona, resamples), inner_folds)


def _lead(by_persona: pd.DataFrame, resamples: int) -> Lead:
    def column(ranker: str, measure: str) -> list[float]:
        return list(np.asarray(by_persona[(ranker, measure)], dtype=np.float64))

    return lead_of(column("learned", "ndcg_at_10"), column("transparent", "ndcg_at_10"),
                   column("learned", "top_graded_in_top_3"),
                   column("transparent", "top_graded_in_top_3"), resamples)
