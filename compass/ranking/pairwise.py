"""A pairwise learning-to-rank model in the scikit-learn estimator style.

For every profile (a ``group``) and every two roles with different relevance grades, the
model sees the difference of their standardised features and learns, by logistic
regression, which of the two should rank higher (RankNet's loss with a linear scorer).
The result is one weight per feature, so its scores are as easy to inspect as the
transparent scorer's; only the weights are learned rather than chosen.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

FloatArray = NDArray[np.float64]


class PairwiseRanker(BaseEstimator):  # type: ignore[misc]
    """Linear ranker fitted on within-group pairs; ``decision_function`` scores rows."""

    def __init__(self, C: float = 1.0, feature_names: tuple[str, ...] = ()) -> None:
        self.C = C
        self.feature_names = feature_names

    def fit(self, X: FloatArray, y: NDArray[Any], groups: NDArray[Any],
            sample_weight: FloatArray | None = None) -> PairwiseRanker:
        """Learn from rows ``X`` with grades ``y``; pairs are only formed inside a group.

        ``sample_weight`` (per row) weights each pair by the mean of its two rows' weights.
        """
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        weights = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight)
        self.scaler_ = StandardScaler().fit(X)
        scaled = self.scaler_.transform(X)
        diffs, pair_weights = _pairs(scaled, y, np.asarray(groups), weights)
        if len(diffs) == 0:
            raise ValueError("no pairs with different grades to learn from")
        signs = np.arange(len(diffs)) % 2 == 0
        diffs = np.where(signs[:, None], diffs, -diffs)
        model = LogisticRegression(C=self.C, fit_intercept=False, max_iter=2000)
        model.fit(diffs, signs.astype(int), sample_weight=pair_weights)
        self.coef_ = model.coef_[0] / self.scaler_.scale_
        self.feature_names_ = tuple(self.feature_names)
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: FloatArray) -> FloatArray:
        check_is_fitted(self, "coef_")
        scores: FloatArray = np.asarray(X, dtype=np.float64) @ self.coef_
        return scores


def _pairs(X: FloatArray, y: FloatArray, groups: NDArray[Any],
           weights: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Feature differences (better minus worse) and weights for every graded pair."""
    diffs: list[FloatArray] = []
    pair_weights: list[FloatArray] = []
    for group in np.unique(groups):
        rows = np.flatnonzero(groups == group)
        better, worse = np.nonzero(y[rows][:, None] > y[rows][None, :])
        if len(better) == 0:
            continue
        a, b = rows[better], rows[worse]
        diffs.append(X[a] - X[b])
        pair_weights.append((y[a] - y[b]) * (weights[a] + weights[b]) / 2)
    if not diffs:
        return np.empty((0, X.shape[1])), np.empty(0)
    return np.concatenate(diffs), np.concatenate(pair_weights)
