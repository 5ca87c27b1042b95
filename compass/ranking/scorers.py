"""Rankers: turn pair features into one relevance score per (profile, role).

All rankers share one small interface, :class:`Ranker`: a ``name`` and ``score(features)``
returning an array of shape (profiles, roles). The engine does everything else (hard
constraints, diversity, reasons, next steps) the same way whichever ranker it uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from compass.ranking.features import FEATURE_NAMES, FEATURES, FLAT_FEATURE_NAMES, PairFeatures
from compass.ranking.terms import PERSON_TERMS, ROLE_TERMS

FloatArray = NDArray[np.float64]


class Ranker(Protocol):
    """Anything that scores pair features; higher means a better match."""

    @property
    def name(self) -> str: ...

    def score(self, features: PairFeatures) -> FloatArray: ...


# Hand-set weights, one per feature, chosen before looking at the judgement set's results:
# interests are the broadest signal; each like is a narrower, stronger statement about the
# work; free-text similarity spreads only about +-0.15 around its mean, so it needs a large
# weight to count as much as one clear like; the route and shift answers nudge.
TRANSPARENT_WEIGHTS: Mapping[str, float] = {
    "interest_cosine": 1.0,
    "interest_congruence": 0.8,
    **{f.name: 0.6 for f in FEATURES if f.name.startswith("like_")},
    "text_match": 4.0,
    "earn_fit": 0.3,
    "study_fit": 0.3,
    "shift_fit": 0.4,
}


class TransparentScorer:
    """A weighted sum of the features, with weights anyone can read and question."""

    name = "transparent"

    def __init__(self, weights: Mapping[str, float] = TRANSPARENT_WEIGHTS) -> None:
        missing = set(FEATURE_NAMES) - set(weights)
        if missing:
            raise ValueError(f"no weight for: {', '.join(sorted(missing))}")
        self.weights = np.array([weights[name] for name in FEATURE_NAMES])

    def score(self, features: PairFeatures) -> FloatArray:
        return features.linear_score(self.weights)


class LearnedRanker:
    """A fitted linear model over :data:`FLAT_FEATURE_NAMES` (see :mod:`.listwise`).

    Scoring uses the model's weights directly, without building the crossed terms:
    ``named @ w + person @ W @ role`` (:meth:`PairFeatures.linear_score`), which is the same
    number, much faster.
    """

    name = "learned"

    def __init__(self, estimator: Any) -> None:
        names = tuple(getattr(estimator, "feature_names_", ()))
        if names != FLAT_FEATURE_NAMES:
            raise ValueError("the model was trained on different features")
        coef = np.asarray(estimator.coef_, dtype=np.float64)
        self.estimator = estimator
        self.named_weights = coef[: len(FEATURE_NAMES)]
        self.term_weights = coef[len(FEATURE_NAMES):].reshape(len(PERSON_TERMS), len(ROLE_TERMS))
        self.intercept = float(getattr(estimator, "intercept_", 0.0))

    def score(self, features: PairFeatures) -> FloatArray:
        return features.linear_score(self.named_weights, self.term_weights) + self.intercept


class RandomRanker:
    """Random scores: the floor every real ranker must beat."""

    name = "random"

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)

    def score(self, features: PairFeatures) -> FloatArray:
        return self.rng.random(features.shape)
