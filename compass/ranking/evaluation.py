"""Grouped cross-validation over personas: how each ranker does on personas it never saw.

The judgement set is split into folds by persona (all of a persona's rows stay together).
For each fold the learned ranker is trained on the other folds' personas plus the
self-supervised profiles, then the full engine (hard constraints, diversity and all)
makes a top ten for each held-out persona. The transparent scorer and a random ranker
have nothing to learn, so they are scored on every persona the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compass.profile import Profile
from compass.ranking.engine import Engine, Recommendation
from compass.ranking.metrics import CUTOFF, RankerReport, summarise
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
Lists = list[tuple[Profile, Mapping[str, int], list[Recommendation]]]


@dataclass(frozen=True)
class Evaluation:
    reports: Mapping[str, RankerReport]
    folds: int

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


def top_lists(engine: Engine, personas: Sequence[Persona]) -> Lists:
    """Each persona's profile, grades and the engine's top ten for it."""
    results = engine.recommend_many([p.profile for p in personas], top=CUTOFF)
    return [(p.profile, p.relevance, recs) for p, recs in zip(personas, results, strict=True)]


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
    size = len(engine.index)
    reports = {
        "learned": summarise("learned", learned, size),
        "transparent": summarise("transparent", top_lists(
            engine.with_ranker(TransparentScorer()), personas), size),
        "random": summarise("random", top_lists(engine.with_ranker(RandomRanker(seed)),
                                                personas), size),
    }
    return Evaluation(reports, folds)


def format_table(evaluation: Evaluation, shipped: str) -> str:
    """The evaluation as a plain-text table."""
    header = (f"{'ranker':<13}{'NDCG@10':>9}{'top-3 hit':>11}{'violations':>12}"
              f"{'families':>10}{'coverage':>10}")
    lines = [header, "-" * len(header)]
    for name in RANKERS:
        r = evaluation.reports[name]
        mark = " (shipped)" if name == shipped else ""
        lines.append(f"{name:<13}{r.ndcg_at_10:>9.3f}{r.top_graded_in_top_3:>11.1%}"
                     f"{r.constraint_violations:>12d}{r.mean_families_in_top_10:>10.2f}"
                     f"{r.catalogue_coverage:>10.1%}{mark}")
    personas = evaluation.reports["transparent"].personas
    lines.append(f"{personas} personas, {evaluation.folds}-fold cross-validation grouped by "
                 "persona; families = mean distinct job families in the top 10; coverage = "
                 "share of roles in at least one top 10.")
    return "\n".join(lines)
