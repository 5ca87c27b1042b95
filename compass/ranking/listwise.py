"""A listwise learning-to-rank model in the scikit-learn estimator style (ListNet).

Each profile is a ``group`` of rows (one per role). The model scores rows linearly and
turns each group's scores into a softmax distribution over its roles; training makes that
distribution close to the judged one, where a role's share is its gain 2**grade - 1 over
the group's total gain (Cao et al., 2007, "Learning to rank: from pairwise approach to
listwise approach"). L2 regularisation is set per block of columns: the first
``n_named`` columns (the named features) are held back less than the many crossed terms.

``active`` (column names) fits only those columns; every other column keeps a weight of
exactly 0, so the fitted model still scores the full layout. ``signs`` fixes the sign of
some columns' weights (+1: never negative, -1: never positive), for terms whose direction
is known from what they mean rather than learned from a small judgement set.

``X`` may be a dense array or a scipy sparse matrix; the crossed terms are mostly zeros,
so training keeps them sparse and standardises them implicitly (never densifying).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

FloatArray = NDArray[np.float64]
Bounds = list[tuple[float | None, float | None]]
_LIMITS: dict[int, tuple[float | None, float | None]] = {1: (0.0, None), -1: (None, 0.0),
                                                         0: (None, None)}


class ListwiseRanker(BaseEstimator):  # type: ignore[misc]
    """Linear scorer fitted with the ListNet loss; ``decision_function`` scores rows."""

    def __init__(self, alpha_named: float = 0.01, alpha_terms: float = 0.5, n_named: int = 0,
                 feature_names: tuple[str, ...] = (), max_iter: int = 1000,
                 active: tuple[str, ...] | None = None,
                 signs: tuple[tuple[str, int], ...] = ()) -> None:
        self.alpha_named = alpha_named
        self.alpha_terms = alpha_terms
        self.n_named = n_named
        self.feature_names = feature_names
        self.max_iter = max_iter
        self.active = active
        self.signs = signs

    def fit(self, X: Any, y: NDArray[Any], groups: NDArray[Any],
            sample_weight: FloatArray | None = None) -> ListwiseRanker:
        """Learn from rows ``X`` with grades ``y``; each group is one profile's list.

        ``sample_weight`` is per row; a group's weight is the mean over its rows.
        """
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        # The optimiser's own vector steps are small: threads cost far more than they save
        # (25 times slower on two busy cores), and the sparse products do not use BLAS.
        with threadpool_limits(limits=1, user_api="blas"):
            return self._fit(X, y, groups, sample_weight)

    def _fit(self, X: Any, y: NDArray[Any], groups: NDArray[Any],
             sample_weight: FloatArray | None) -> ListwiseRanker:
        from scipy import sparse  # type: ignore[import-untyped]
        from scipy.optimize import minimize  # type: ignore[import-untyped]

        matrix = sparse.csr_matrix(X, dtype=np.float64)
        columns = self._columns(matrix.shape[1])
        order = np.argsort(np.asarray(groups), kind="stable")
        rows = _Standardised(matrix[order] if len(columns) == matrix.shape[1]
                             else matrix[order][:, columns])
        lists = _Lists(np.asarray(groups)[order], np.asarray(y, dtype=np.float64)[order],
                       None if sample_weight is None else np.asarray(sample_weight)[order])
        penalty = np.where(columns < self.n_named, self.alpha_named, self.alpha_terms)

        def loss(w: FloatArray) -> tuple[float, FloatArray]:
            value, gradient = lists.loss(rows.times(w))
            return value + float(penalty @ (w * w)) / 2, rows.gradient(gradient) + penalty * w

        result = minimize(loss, np.zeros(len(columns)), jac=True, method="L-BFGS-B",
                          bounds=self._bounds(columns), options={"maxiter": self.max_iter})
        self.coef_ = np.zeros(matrix.shape[1])
        self.coef_[columns] = result.x / rows.scale
        self.intercept_ = -float(rows.mean @ self.coef_[columns])
        self.feature_names_ = tuple(self.feature_names)
        self.n_features_in_ = matrix.shape[1]
        self.n_iter_ = int(result.nit)
        return self

    def decision_function(self, X: Any) -> FloatArray:
        check_is_fitted(self, "coef_")
        scores = X @ self.coef_ + self.intercept_
        return np.asarray(scores, dtype=np.float64).ravel()

    def _columns(self, width: int) -> NDArray[np.int64]:
        """Positions of the columns to fit: all of them, or those named in ``active``."""
        if self.active is None:
            return np.arange(width, dtype=np.int64)
        position = {name: i for i, name in enumerate(self.feature_names)}
        unknown = [name for name in self.active if name not in position]
        if unknown:
            raise ValueError(f"active columns not in feature_names: {', '.join(unknown)}")
        return np.array(sorted(position[name] for name in self.active), dtype=np.int64)

    def _bounds(self, columns: NDArray[np.int64]) -> Bounds | None:
        """L-BFGS-B bounds holding each signed column's weight on its side of zero.

        Signs of columns left out by ``active`` do not apply (their weight is 0 anyway).
        """
        if not self.signs:
            return None
        sign_of = dict(self.signs)
        unknown = sorted(set(sign_of) - set(self.feature_names))
        if unknown:
            raise ValueError(f"signed columns not in feature_names: {', '.join(unknown)}")
        return [_LIMITS[sign_of.get(self.feature_names[int(i)], 0)] for i in columns]


class _Standardised:
    """A sparse matrix used as if each column were scaled to mean 0 and standard deviation 1.

    ``times(w)`` is ``((X - mean) / scale) @ w`` and ``gradient(g)`` its transpose product,
    computed without ever subtracting the mean from the (mostly zero) matrix itself.
    """

    def __init__(self, matrix: Any) -> None:
        self.matrix = matrix.tocsr()
        self.transposed = self.matrix.T.tocsr()
        self.mean = np.asarray(self.matrix.mean(axis=0), dtype=np.float64).ravel()
        squares = np.asarray(self.matrix.multiply(self.matrix).mean(axis=0)).ravel()
        self.scale = np.sqrt(np.maximum(squares - self.mean ** 2, 0.0))
        self.scale[self.scale < 1e-12] = 1.0

    def times(self, w: FloatArray) -> FloatArray:
        unscaled = w / self.scale
        return np.asarray(self.matrix @ unscaled, dtype=np.float64) - float(self.mean @ unscaled)

    def gradient(self, g: FloatArray) -> FloatArray:
        return np.asarray((self.transposed @ g - self.mean * g.sum()) / self.scale,
                          dtype=np.float64)


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
