"""Each answer set is ranked once: the results page seen again comes from the cache."""

from __future__ import annotations

import pytest

from compass.questionnaire import load_flows, validate_answers
from compass.ranking.engine import Engine
from compass.suggestions import SuggestionCache
from web.settings import REPO


def test_the_same_answers_are_ranked_once(shipped_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    flow = load_flows(REPO / "questionnaires")["main"]
    cache = SuggestionCache(flow, shipped_engine)
    calls = []
    real = shipped_engine.recommend
    monkeypatch.setattr(shipped_engine, "recommend", lambda *a, **k: calls.append(1) or real(*a, **k))
    school = validate_answers(flow, {"stage": "school"}, partial=True)
    first = cache(school, [])
    assert cache(validate_answers(flow, {"stage": "school"}, partial=True), []) is first
    assert len(calls) == 1
    other = cache(school, [first.recommendations[0].role.id])  # 'not for me' is another list
    assert other is not first and len(calls) == 2
    assert first.recommendations[0].role.id not in {r.role.id for r in other.recommendations}
