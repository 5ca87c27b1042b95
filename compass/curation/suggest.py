"""Suggestions for a new role from its title: close SOC 2020 codes and O*NET interest scores.

Titles are compared with character n-gram TF-IDF (fast, offline, forgiving of spelling).
SOC suggestions combine SOC unit group titles with the codes of catalogue roles whose
titles are alike. Interest scores are the similarity-weighted mean of the closest O*NET
29.3 occupations (USDOL/ETA, CC BY 4.0), already rescaled to 0-1.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.reference import soc2020_unit_groups
from compass.catalogue.vocab import RIASEC


@dataclass(frozen=True)
class OnetOccupation:
    code: str
    title: str
    interests: tuple[float, ...]
    reported_titles: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    similarity: float


@dataclass(frozen=True)
class InterestSuggestion:
    scores: dict[str, float]
    based_on: tuple[Suggestion, ...]


@cache
def onet_occupations() -> tuple[OnetOccupation, ...]:
    text = resources.files("compass.data").joinpath("onet_interests.tsv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return tuple(
        OnetOccupation(
            code=r["code"], title=r["title"],
            interests=tuple(float(r[name]) for name in RIASEC),
            reported_titles=tuple(t for t in r["reported_titles"].split("|") if t),
        )
        for r in rows
    )


def _similarities(query: str, documents: list[str]) -> np.ndarray:
    """Mean of word and character n-gram TF-IDF cosine similarity of ``query`` to each document."""
    total = np.zeros(len(documents))
    for analyzer, ngrams in (("word", (1, 1)), ("char_wb", (3, 4))):
        vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, lowercase=True)
        matrix = vectorizer.fit_transform([*documents, query])
        total += (matrix[:-1] @ matrix[-1].T).toarray().ravel()
    return total / 2


def suggest_soc_codes(title: str, catalogue: Catalogue | None = None, top: int = 3) -> list[Suggestion]:
    groups = soc2020_unit_groups()
    codes = list(groups)
    best: dict[str, float] = dict(zip(codes, _similarities(title, [groups[c] for c in codes]), strict=True))
    if catalogue is not None and catalogue.roles:
        role_texts = [" ".join([r.title, *r.also_called]) for r in catalogue.roles]
        for role, score in zip(catalogue.roles, _similarities(title, role_texts), strict=True):
            best[role.soc2020] = max(best.get(role.soc2020, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda item: -item[1])[:top]
    return [Suggestion(code, groups[code], round(float(score), 3)) for code, score in ranked]


def suggest_interests(title: str, top: int = 3) -> InterestSuggestion:
    occupations = onet_occupations()
    documents = [" | ".join([o.title, *o.reported_titles]) for o in occupations]
    scores = _similarities(title, documents)
    order = np.argsort(-scores)[:top]
    order = order[scores[order] >= 0.6 * scores[order[0]]]  # drop weak, noisy matches
    weights = np.maximum(scores[order], 1e-6)
    matrix = np.array([occupations[i].interests for i in order])
    mean = (weights[:, None] * matrix).sum(axis=0) / weights.sum()
    based_on = tuple(Suggestion(occupations[i].code, occupations[i].title, round(float(scores[i]), 3))
                     for i in order)
    return InterestSuggestion({name: round(float(v), 2) for name, v in zip(RIASEC, mean, strict=True)},
                              based_on)
