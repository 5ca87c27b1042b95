"""The listwise ranker follows the scikit-learn estimator contract and learns an order."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from compass.ranking.listwise import ListwiseRanker


def lists(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Thirty lists of twenty rows; the grade depends on the first two columns only."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(600, 5))
    signal = 2 * X[:, 0] - X[:, 1]
    y = np.digitize(signal, [1.0, 2.0, 3.0])
    return X, y, np.repeat(np.arange(30), 20)


def test_it_learns_which_columns_matter() -> None:
    X, y, groups = lists()
    model = ListwiseRanker(alpha_named=0.01, alpha_terms=0.01).fit(X, y, groups)
    assert model.coef_[0] > 0 > model.coef_[1]
    assert abs(model.coef_[0]) > 5 * max(abs(model.coef_[2:]))
    X_new, y_new, groups_new = lists(seed=1)
    scores = model.decision_function(X_new)
    top = [int(np.argmax(np.where(groups_new == g, scores, -np.inf))) for g in range(30)]
    assert np.mean(y_new[top]) > np.mean(y_new) + 1


def test_heavier_regularisation_shrinks_the_terms_block() -> None:
    X, y, groups = lists()
    light = ListwiseRanker(alpha_named=0.01, alpha_terms=0.01, n_named=1).fit(X, y, groups)
    heavy = ListwiseRanker(alpha_named=0.01, alpha_terms=100.0, n_named=1).fit(X, y, groups)
    assert abs(heavy.coef_[1]) < abs(light.coef_[1])


def test_the_estimator_contract() -> None:
    model = ListwiseRanker(alpha_named=0.5, feature_names=("a", "b"))
    assert model.get_params()["alpha_named"] == 0.5
    assert clone(model).get_params() == model.get_params()
    with pytest.raises(NotFittedError):
        model.decision_function(np.zeros((1, 2)))
    X, y, groups = lists()
    assert model.fit(X[:, :2], y, groups) is model
    assert model.feature_names_ == ("a", "b") and model.n_features_in_ == 2


def test_only_active_columns_are_fitted_and_signs_hold() -> None:
    X, y, groups = lists()
    names = ("a", "b", "c", "d", "e")
    model = ListwiseRanker(alpha_terms=0.01, feature_names=names, active=("a", "b")).fit(X, y, groups)
    assert model.coef_[0] > 0 > model.coef_[1] and np.all(model.coef_[2:] == 0)
    assert model.decision_function(X).shape == (600,)
    held = ListwiseRanker(alpha_terms=0.01, feature_names=names, signs=(("a", -1), ("b", 1))).fit(X, y, groups)
    assert held.coef_[0] == 0 and held.coef_[1] == 0  # each would have had the other sign
    with pytest.raises(ValueError, match="not in feature_names"):
        ListwiseRanker(feature_names=names, active=("z",)).fit(X, y, groups)


def test_sparse_and_dense_rows_give_the_same_model() -> None:
    from scipy import sparse

    X, y, groups = lists()
    X[np.abs(X) < 1.0] = 0.0
    dense = ListwiseRanker(alpha_terms=0.01).fit(X, y, groups)
    thin = ListwiseRanker(alpha_terms=0.01).fit(sparse.csr_matrix(X), y, groups)
    assert np.allclose(dense.coef_, thin.coef_) and dense.intercept_ == pytest.approx(thin.intercept_)
    assert np.allclose(thin.decision_function(sparse.csr_matrix(X)), dense.decision_function(X))
