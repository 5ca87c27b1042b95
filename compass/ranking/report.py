"""The evaluation as text, for ``compass evaluate`` and ``compass build``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from compass.ranking.evaluation import Evaluation
from compass.ranking.personas import JudgementSet

# Column headings and number formats of the printed table, one per RankerReport measure.
TABLE_COLUMNS = {"ndcg_at_10": ("NDCG@10", "{:.3f}"), "top_graded_in_top_3": ("top-3 hit", "{:.1%}"),
                 "constraint_violations": ("violations", "{:d}"),
                 "mean_families_in_top_10": ("families", "{:.2f}"),
                 "catalogue_coverage": ("coverage", "{:.1%}")}


def format_table(evaluation: Evaluation, shipped: str) -> str:
    """The evaluation table as text, with the shipped ranker marked."""
    table = evaluation.table()[list(TABLE_COLUMNS)]
    table.columns = [heading for heading, _ in TABLE_COLUMNS.values()]
    table[""] = ["(shipped)" if name == shipped else "" for name in table.index]
    lines = _lines(table, {heading: number.format for heading, number in TABLE_COLUMNS.values()},
                   col_space=11)
    personas = evaluation.reports["transparent"].personas
    lines.append(f"{personas} personas, {evaluation.folds}-fold cross-validation grouped by "
                 f"persona, nested: each fold's settings chosen by {evaluation.inner_folds}-fold "
                 "cross-validation on its training personas only; families = mean distinct job "
                 "families in the top 10; coverage = share of roles in at least one top 10.")
    return "\n".join(lines)


def format_lead(evaluation: Evaluation) -> str:
    """The learned minus transparent differences with their confidence intervals."""
    lead = evaluation.lead
    return "\n".join([
        f"learned minus transparent, {lead.confidence:.0%} CI (paired bootstrap over personas, "
        f"{lead.resamples} resamples, seed {lead.seed}):",
        f"  NDCG@10    {lead.ndcg_at_10.text()}",
        f"  top-3 hit  {lead.top_graded_in_top_3.text(percent=True)}",
    ])


def format_settings(evaluation: Evaluation) -> str:
    """Each candidate's inner NDCG@10 in each outer fold; * marks the fold's choice."""
    if not evaluation.outer:
        return "No outer folds."
    candidates = list(evaluation.outer[0].selection.scores)
    table = pd.DataFrame(
        {f"fold {number}": [f"{fold.selection.scores[c]:.3f}" + ("*" if c == fold.selection.chosen else " ")
                            for c in candidates]
         for number, fold in enumerate(evaluation.outer, start=1)},
        index=[c.label for c in candidates])
    return "\n".join([
        f"Inner NDCG@10 of each candidate ({evaluation.inner_folds}-fold cross-validation on each "
        "outer fold's training personas); * = chosen: the simplest within one standard error "
        "of the best.", *_lines(table, {}, justify="right")])


def format_verdict(evaluation: Evaluation) -> str:
    shipped = "learned model" if evaluation.shipped == "learned" else "transparent scorer"
    return (f"Verdict: {evaluation.verdict}, so the {shipped} ships "
            "(the learned model ships only if the lower end of its NDCG@10 lead's CI is above zero).")


def format_agreement(judgements: JudgementSet) -> str:
    """How far the two passes of grades agree, or that there is no second pass yet."""
    agreement, personas = judgements.agreement, len(judgements.personas)
    if agreement is None:
        where = ", ".join(judgements.second_pass_files) or "evaluation/grades/second_pass_*.yaml"
        return f"Grades: first pass only (no persona graded in {where} yet)."
    rest = ("" if agreement.personas == personas
            else f" ({agreement.personas} of {personas} personas; the first pass for the rest)")
    text = f"Grades: {agreement.text}; training and evaluation use the merged grades{rest}."
    if judgements.lowered_for_routes:
        shown = ", ".join(f"{persona}: {role}" for persona, role in judgements.lowered_for_routes)
        text += (f" Merged grades lowered to 1 because no way in fits the person, as the first "
                 f"pass does: {shown}.")
    return text


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
