"""Properties of scoring that hold for any valid answers (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from questionnaire_helpers import (
    FLOWS_DIR,
    answer_strategy,
    answers_for,
    changed,
    neutral_answers,
)

from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.questionnaire import (
    Flow,
    load_flows,
    question_dimensions,
    questions_for,
    score,
    validate_answers,
)

# Hypothesis cannot take function-scoped fixtures, so the flow is loaded once here.
MAIN: Flow = load_flows(FLOWS_DIR)["main"]
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None)


@PROPERTY_SETTINGS
@given(answers_for(MAIN))
def test_any_valid_answers_give_a_valid_profile(raw: dict[str, Any]) -> None:
    profile = score(MAIN, validate_answers(MAIN, raw))
    assert Profile.model_validate(profile.model_dump()) == profile
    assert profile.stage is not None
    assert all(0.0 <= v <= 1.0 for v in profile.interests.vector())
    assert all(-1.0 <= v <= 1.0 for v in profile.likes.vector())


@PROPERTY_SETTINGS
@given(answers_for(MAIN))
def test_answers_to_profile_to_json_and_back_is_lossless(raw: dict[str, Any]) -> None:
    answers = validate_answers(MAIN, raw)
    assert validate_answers(MAIN, answers.to_dict()) == answers
    profile = score(MAIN, answers)
    assert Profile.from_json(profile.to_json()) == profile
    assert Profile.from_dict(profile.to_dict()) == profile
    assert score(MAIN, validate_answers(MAIN, answers.to_dict())) == profile


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_not_sure_everywhere_gives_a_neutral_profile(stage: Stage) -> None:
    raw = neutral_answers(MAIN, stage.value)
    assert len(raw) >= 14
    assert score(MAIN, validate_answers(MAIN, raw)) == Profile(stage=stage)


@PROPERTY_SETTINGS
@given(st.data())
def test_changing_one_answer_moves_only_what_that_answer_is_about(data: st.DataObject) -> None:
    raw = data.draw(answers_for(MAIN), label="answers")
    path = questions_for(MAIN, raw)[1:]  # the stage answer changes the path itself
    question = data.draw(st.sampled_from(path), label="question")
    new_value = data.draw(answer_strategy(question), label="new answer")
    changed_raw = {k: v for k, v in raw.items() if k != question.id}
    if new_value is not None:
        changed_raw[question.id] = new_value
    before = score(MAIN, validate_answers(MAIN, raw))
    after = score(MAIN, validate_answers(MAIN, changed_raw))
    assert changed(before, after) <= question_dimensions(question)


@PROPERTY_SETTINGS
@given(st.data())
def test_not_sure_to_one_question_leaves_its_dimensions_to_the_others(
        data: st.DataObject) -> None:
    """Answering 'not sure' is the same as not being asked at all."""
    raw = data.draw(answers_for(MAIN), label="answers")
    question = data.draw(st.sampled_from(questions_for(MAIN, raw)[1:]), label="question")
    neutral = neutral_answers(MAIN, raw["stage"])
    skipped = {k: v for k, v in raw.items() if k != question.id}
    with_not_sure = skipped | ({question.id: neutral[question.id]} if question.id in neutral else {})
    assert (score(MAIN, validate_answers(MAIN, with_not_sure))
            == score(MAIN, validate_answers(MAIN, skipped, partial=True)))
