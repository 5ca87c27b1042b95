"""Nested cross-validation: settings are chosen on training personas only."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
import yaml
from ranking_helpers import PERSONAS_YAML

from compass.profile import Profile
from compass.ranking import evaluation, tuning
from compass.ranking.engine import Engine
from compass.ranking.features import FEATURE_NAMES, FLAT_FEATURE_NAMES
from compass.ranking.personas import Persona
from compass.ranking.scorers import LearnedRanker
from compass.ranking.terms import DOMAIN_SIGNS
from compass.ranking.training import SIGNS, Settings, TrainingRows, fit_learned
from compass.ranking.tuning import Pool, Selection, one_standard_error

PERSONAS = [Persona(d["id"], d["note"], Profile.from_dict(d["profile"]), d["relevance"])
            for d in yaml.safe_load(PERSONAS_YAML)["personas"]]
SMALL_GRID = (Settings(crossed=False), Settings(crossed=True, alpha_terms=1.0))


class Spy:
    """Records, for each settings selection, whom it trained on and whom it scored."""

    def __init__(self) -> None:
        self.selections: list[dict[str, set[str]]] = []
        self.current: dict[str, set[str]] | None = None

    @contextmanager
    def selecting(self, personas: Sequence[Persona]) -> Iterator[None]:
        self.current = {"given": {p.id for p in personas}, "trained": set(), "scored": set()}
        self.selections.append(self.current)
        try:
            yield
        finally:
            self.current = None

    def note(self, kind: str, ids: set[str]) -> None:
        if self.current is not None:
            self.current[kind] |= ids


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    watcher = Spy()
    choose, fit, top = tuning.choose_settings, tuning.fit_learned, tuning.top_lists

    def spied_choose(pool: Pool, personas: Sequence[Persona], *args: Any, **kwargs: Any) -> Selection:
        with watcher.selecting(personas):
            return choose(pool, personas, *args, **kwargs)

    def spied_fit(rows: TrainingRows, settings: Settings) -> Any:
        watcher.note("trained", set(rows.groups.tolist()))
        return fit(rows, settings)

    def spied_top(engine: Engine, personas: Sequence[Persona]) -> Any:
        watcher.note("scored", {p.id for p in personas})
        return top(engine, personas)

    monkeypatch.setattr(evaluation, "choose_settings", spied_choose)
    monkeypatch.setattr(tuning, "fit_learned", spied_fit)
    monkeypatch.setattr(tuning, "top_lists", spied_top)
    return watcher


def test_nested_cv_never_scores_a_persona_that_chose_its_settings(engine: Engine, spy: Spy) -> None:
    found = evaluation.cross_validate(engine, PERSONAS, folds=3, grid=SMALL_GRID, inner_folds=2,
                                      resamples=200)
    assert len(spy.selections) == len(found.outer) == 3
    held_out_everywhere: list[str] = []
    for fold, selection in zip(found.outer, spy.selections, strict=True):
        looked_at = selection["trained"] | selection["scored"]
        assert looked_at == selection["given"] == set(fold.selection.seen)
        assert not looked_at & set(fold.held_out)
        held_out_everywhere += fold.held_out
    assert sorted(held_out_everywhere) == sorted(p.id for p in PERSONAS)
    assert found.reports["learned"].personas == len(PERSONAS)
    assert set(found.outer[0].selection.scores) == set(SMALL_GRID)


def test_the_simplest_setting_within_one_standard_error_is_chosen() -> None:
    simple, complex_ = SMALL_GRID
    noisy = {simple: np.array([0.5, 0.6, 0.7, 0.6]), complex_: np.array([0.9, 0.4, 0.8, 0.5])}
    assert one_standard_error(noisy, SMALL_GRID) == simple  # ahead by 0.05, error 0.1
    clear = {simple: np.array([0.5, 0.6, 0.7, 0.6]), complex_: np.array([0.7, 0.8, 0.8, 0.8])}
    assert one_standard_error(clear, SMALL_GRID) == complex_


def test_without_crossed_terms_the_model_still_loads_with_zero_crossed_weights(engine: Engine) -> None:
    rows = Pool.make(engine, PERSONAS, synthetic=False).labelled
    model = fit_learned(rows, Settings(crossed=False))
    assert model.feature_names_ == FLAT_FEATURE_NAMES
    assert np.all(model.coef_[len(FEATURE_NAMES):] == 0) and np.any(model.coef_ != 0)
    assert LearnedRanker(model).term_weights.shape[0] > 0


def test_weights_keep_the_signs_their_meaning_gives_them(engine: Engine) -> None:
    rows = Pool.make(engine, PERSONAS, synthetic=False).labelled
    model = fit_learned(rows, Settings(crossed=True, alpha_named=0.01, alpha_terms=0.01))
    weight = dict(zip(FLAT_FEATURE_NAMES, model.coef_, strict=True))
    assert set(DOMAIN_SIGNS) <= set(SIGNS)
    assert all(weight[name] * sign >= 0 for name, sign in SIGNS.items())
