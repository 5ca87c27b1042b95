"""A listwise learning-to-rank model in the scikit-learn estimator style (ListNet).

Each profile is a ``group`` of rows (one per role). The model scores rows linearly and
turns each group's scores into a softmax distribution over its roles; training makes that
distribution close to the judged one, where a role's share is its gain 2**grade - 1 over
the group's total gain (Cao et al., 2007, "Learning to rank: from pairwise approach to
listwise approach"). L2 regularisation is set per block of columns: the first
``n_named`` columns (the named features) are held back less than the many crossed terms.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

FloatArray = NDArray[np.float64]


class ListwiseRanker(BaseEstimator):  # type: ignore[misc]
    """Linear scorer fitted with the ListNet loss; ``decision_function`` scores rows."""

    def __init__(self, alpha_named: float = 0.01, alpha_terms: float = 0.5, n_named: int = 0,
                 feature_names: tuple[str, ...] = (), max_iter: int = 1000) -> None:
        self.alpha_named = alpha_named
        self.alpha_terms = alpha_terms
        self.n_named = n_named
        self.feature_names = feature_names
        self.max_iter = max_iter

    def fit(self, X: FloatArray, y: NDArray[Any], groups: NDArray[Any],
            sample_weight: FloatArray | None = None) -> ListwiseRanker:
        """Learn from rows ``X`` with grades ``y``; each group is one profile's list.

        ``sample_weight`` is per row; a group's weight is the mean over its rows.
        """
        from scipy.optimize import minimize  # type: ignore[import-untyped]

        X = np.asarray(X, dtype=np.float64)
        mean, scale = X.mean(axis=0), X.std(axis=0)
        scale[scale < 1e-12] = 1.0
        order = np.argsort(np.asarray(groups), kind="stable")
        scaled = (X[order] - mean) / scale
        lists = _Lists(np.asarray(groups)[order], np.asarray(y, dtype=np.float64)[order],
                       None if sample_weight is None else np.asarray(sample_weight)[order])
        penalty = np.full(X.shape[1], self.alpha_terms)
        penalty[: self.n_named] = self.alpha_named

        def loss(w: FloatArray) -> tuple[float, FloatArray]:
            value, gradient = lists.loss(scaled @ w)
            return value + float(penalty @ (w * w)) / 2, scaled.T @ gradient + penalty * w

        result = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B",
                          options={"maxiter": self.max_iter})
        self.coef_ = result.x / scale
        self.intercept_ = -float(mean @ self.coef_)
        self.feature_names_ = tuple(self.feature_names)
        self.n_features_in_ = X.shape[1]
        self.n_iter_ = int(result.nit)
        return self

    def decision_function(self, X: FloatArray) -> FloatArray:
        check_is_fitted(self, "coef_")
        scores: FloatArray = np.asarray(X, dtype=np.float64) @ self.coef_ + self.intercept_
        return scores


class _Lists:
    """Rows sorted by group, with each group's target distribution and weight."""

    def __init__(self, groups: NDArray[Any], grades: FloatArray,
                 weights: FloatArray | None) -> None:
        self.starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
        sizes = np.diff(np.r_[self.starts, len(groups)])
        self.group = np.repeat(np.arange(len(self.starts)), sizes)
        gain = 2.0 ** grades - 1.0
        total = np.bincount(self.group, gain)[self.group]
        self.target = np.divide(gain, total, out=np.zeros_like(gain), where=total > 0)
        self.has_target = np.add.reduceat(self.target, self.starts)[self.group]
        row_weights = np.ones(len(groups)) if weights is None else weights
        self.weight = (np.bincount(self.group, row_weights) / sizes)[self.group]
        self.count = max(int(np.sum(np.bincount(self.group, gain) > 0)), 1)

    def loss(self, scores: FloatArray) -> tuple[float, FloatArray]:
        """Mean weighted cross-entropy over groups, and its gradient by score."""
        top = np.maximum.reduceat(scores, self.starts)[self.group]
        exp = np.exp(scores - top)
        total = np.add.reduceat(exp, self.starts)[self.group]
        log_p = scores - top - np.log(total)
        value = -float(np.sum(self.weight * self.target * log_p)) / self.count
        gradient = self.weight * (exp / total * self.has_target - self.target) / self.count
        return value, gradient
