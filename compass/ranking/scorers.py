"""Rankers: turn pair features into one relevance score per (profile, role).

All rankers share one small interface, :class:`Ranker`: a ``name`` and ``score(features)``,
where ``features`` has the feature axis last. The engine does everything else (hard
constraints, diversity, reasons, next steps) the same way whichever ranker it uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from compass.ranking.features import FEATURE_NAMES, FEATURES

FloatArray = NDArray[np.float64]


class Ranker(Protocol):
    """Anything that scores pair features; higher means a better match."""

    @property
    def name(self) -> str: ...

    def score(self, features: FloatArray) -> FloatArray: ...


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

    def score(self, features: FloatArray) -> FloatArray:
        return np.asarray(features @ self.weights, dtype=np.float64)


class LearnedRanker:
    """A fitted scikit-learn model with ``decision_function`` over the named features."""

    name = "learned"

    def __init__(self, estimator: Any) -> None:
        names = tuple(getattr(estimator, "feature_names_", ()))
        if names != FEATURE_NAMES:
            raise ValueError("the model was trained on different features")
        self.estimator = estimator

    def score(self, features: FloatArray) -> FloatArray:
        flat = features.reshape(-1, features.shape[-1])
        scores = np.asarray(self.estimator.decision_function(flat), dtype=np.float64)
        return scores.reshape(features.shape[:-1])


class RandomRanker:
    """Random scores: the floor every real ranker must beat."""

    name = "random"

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)

    def score(self, features: FloatArray) -> FloatArray:
        return self.rng.random(features.shape[:-1])
