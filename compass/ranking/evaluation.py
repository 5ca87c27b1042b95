"""Grouped cross-validation over personas: how each ranker does on personas it never saw.

The judgement set is split into folds by persona (all of a persona's rows stay together).
For each fold the learned ranker is trained on the other folds' personas plus the
self-supervised profiles, then the full engine (hard constraints, diversity and all)
makes a top ten for each held-out persona. The transparent scorer and a random ranker
have nothing to learn, so they are scored on every persona the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from compass.ranking.engine import Engine, Recommendation
from compass.ranking.metrics import CUTOFF, RankerReport, coverage, persona_measures, summarise
from compass.ranking.personas import Persona
from compass.ranking.scorers import LearnedRanker, RandomRanker, TransparentScorer
from compass.ranking.training import (
    USE_SYNTHETIC,
    TrainingRows,
    fit_learned,
    persona_rows,
    synthetic_rows,
)

FOLDS = 5
SEED = 7
RANKERS = ("learned", "transparent", "random")
Lists = list[tuple[Persona, list[Recommendation]]]
# Column headings and number formats of the printed table, one per RankerReport measure.
TABLE_COLUMNS = {"ndcg_at_10": ("NDCG@10", "{:.3f}"), "top_graded_in_top_3": ("top-3 hit", "{:.1%}"),
                 "constraint_violations": ("violations", "{:d}"),
                 "mean_families_in_top_10": ("families", "{:.2f}"),
                 "catalogue_coverage": ("coverage", "{:.1%}")}


@dataclass(frozen=True)
class Evaluation:
    """Each ranker's report, and every persona's measures under each ranker."""

    reports: Mapping[str, RankerReport]
    folds: int
    # One row per persona; columns (ranker, measure) with the measures of PERSONA_MEASURES.
    by_persona: pd.DataFrame

    @property
    def learned_wins(self) -> bool:
        """The learned ranker ships only if it beats the transparent scorer on NDCG@10."""
        return self.reports["learned"].ndcg_at_10 > self.reports["transparent"].ndcg_at_10

    @property
    def verdict(self) -> str:
        learned = self.reports["learned"].ndcg_at_10
        transparent = self.reports["transparent"].ndcg_at_10
        relation = "beat" if self.learned_wins else "did not beat"
        return (f"on held-out personas the learned model {relation} the transparent scorer "
                f"(NDCG@10 {learned:.3f} against {transparent:.3f})")

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {name: report.as_dict() for name, report in self.reports.items()}

    def table(self) -> pd.DataFrame:
        """Rankers by measures: one row per ranker in :data:`RANKERS` order."""
        return pd.DataFrame.from_dict({name: self.reports[name].as_dict() for name in RANKERS},
                                      orient="index")


def top_lists(engine: Engine, personas: Sequence[Persona]) -> Lists:
    """Each persona with the engine's top ten for it."""
    results = engine.recommend_many([p.profile for p in personas], top=CUTOFF)
    return list(zip(personas, results, strict=True))


def cross_validate(engine: Engine, personas: Sequence[Persona], folds: int = FOLDS,
                   seed: int = SEED, use_synthetic: bool = USE_SYNTHETIC) -> Evaluation:
    """Reports for the learned, transparent and random rankers on held-out personas."""
    folds = max(2, min(folds, len(personas)))
    labelled = persona_rows(engine, personas)
    extra = [synthetic_rows(engine)] if use_synthetic else []
    fold_of = np.random.default_rng(seed).permutation(len(personas)) % folds
    learned: Lists = []
    for fold in range(folds):
        held_out = [p for p, f in zip(personas, fold_of, strict=True) if f == fold]
        training_ids = [p.id for p, f in zip(personas, fold_of, strict=True) if f != fold]
        in_training = np.isin(labelled.groups, training_ids)
        rows = TrainingRows.join([labelled.subset(in_training), *extra])
        model = LearnedRanker(fit_learned(rows))
        learned += top_lists(engine.with_ranker(model), held_out)
    lists = {
        "learned": learned,
        "transparent": top_lists(engine.with_ranker(TransparentScorer()), personas),
        "random": top_lists(engine.with_ranker(RandomRanker(seed)), personas),
    }
    measures = {name: persona_measures(found) for name, found in lists.items()}
    size = len(engine.index)
    reports = {name: summarise(name, measures[name], coverage(lists[name], size)) for name in RANKERS}
    by_persona = pd.concat(measures, axis=1, names=["ranker", "measure"])
    return Evaluation(reports, folds, by_persona.reindex([p.id for p in personas]))


def format_table(evaluation: Evaluation, shipped: str) -> str:
    """The evaluation table as text, with the shipped ranker marked."""
    table = evaluation.table()[list(TABLE_COLUMNS)]
    table.columns = [heading for heading, _ in TABLE_COLUMNS.values()]
    table[""] = ["(shipped)" if name == shipped else "" for name in table.index]
    lines = _lines(table, {heading: number.format for heading, number in TABLE_COLUMNS.values()},
                   col_space=11)
    personas = evaluation.reports["transparent"].personas
    lines.append(f"{personas} personas, {evaluation.folds}-fold cross-validation grouped by "
                 "persona; families = mean distinct job families in the top 10; coverage = "
                 "share of roles in at least one top 10.")
    return "\n".join(lines)


def format_by_persona(evaluation: Evaluation) -> str:
    """Each persona's NDCG@10 and top-3 hit under each ranker, the learned ranker's worst first."""
    shown = evaluation.by_persona.swaplevel(axis=1)[["ndcg_at_10", "top_graded_in_top_3"]]
    shown = shown.sort_values(("ndcg_at_10", "learned"), kind="stable")
    shown = shown.rename(columns={"ndcg_at_10": "NDCG@10", "top_graded_in_top_3": "top-3 hit"}, level=0)
    formats = {column: ("{:.3f}".format if column[0] == "NDCG@10" else _yes_no) for column in shown.columns}
    return "\n".join(_lines(shown, formats))


def _lines(frame: pd.DataFrame, formatters: Mapping[Any, Callable[[Any], str]], **options: Any) -> list[str]:
    """``frame`` as text lines with pandas' layout and no trailing spaces."""
    return [line.rstrip() for line in frame.to_string(formatters=formatters, **options).splitlines()]


def _yes_no(hit: bool) -> str:
    return "yes" if hit else "no"

