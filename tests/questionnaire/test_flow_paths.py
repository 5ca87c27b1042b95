"""The path through a flow: what each stage is asked and told."""

from __future__ import annotations

import pytest

from compass.catalogue.vocab import Stage
from compass.questionnaire import (
    Flow,
    next_question,
    questions_for,
    stage_of,
    validate_answers,
)


def _ids(flow: Flow, answers: dict[str, object]) -> list[str]:
    return [q.id for q in questions_for(flow, answers)]


def test_before_the_stage_is_known_only_unfiltered_questions_are_shown(main_flow: Flow) -> None:
    path = questions_for(main_flow, {})
    assert path[0].id == "stage"
    assert "subjects" not in [q.id for q in path]
    ages = next(q for q in path if q.id == "age_band")
    assert [o.id for o in ages.options] == ["age_16_17", "rather_not_say"]


@pytest.mark.parametrize("stage", [s.value for s in Stage])
def test_each_stage_picks_its_own_path(main_flow: Flow, stage: str) -> None:
    path = _ids(main_flow, {"stage": stage})
    assert path[0] == "stage"
    assert ("subjects" in path) == (stage in {"school", "college"})
    assert stage_of(main_flow, {"stage": stage}) == next(s for s in Stage if s.value == stage)


def test_options_and_hints_follow_the_stage(main_flow: Flow) -> None:
    def question(stage: str, question_id: str):  # type: ignore[no-untyped-def]
        return next(q for q in questions_for(main_flow, {"stage": stage}) if q.id == question_id)

    school_ages = [o.id for o in question("school", "age_band").options]
    assert school_ages == ["age_13_or_under", "age_14_15", "age_16_17", "rather_not_say"]
    working_ages = [o.id for o in question("working", "age_band").options]
    assert working_ages == ["age_16_17", "age_18_20", "age_21_25", "age_26_or_over", "rather_not_say"]

    assert question("school", "study_years").hint.startswith("Count from the end of Year 11.")
    assert question("university", "study_years").hint.startswith("Count from today")
    assert question("college", "study_years").hint.startswith("Full time means most days")
    assert "earn_after_school" in [o.id for o in question("school", "study_years").options]
    assert "earn_now" not in [o.id for o in question("school", "study_years").options]
    assert all(not q.stage_hints for q in questions_for(main_flow, {"stage": "school"}))


def test_an_unknown_stage_answer_leaves_the_stage_unknown(main_flow: Flow) -> None:
    assert stage_of(main_flow, {"stage": "astronaut"}) is None
    assert stage_of(main_flow, {"stage": ["school"]}) is None
    assert _ids(main_flow, {"stage": "astronaut"}) == _ids(main_flow, {})


def test_checked_answers_give_the_same_path_as_their_dict_form(main_flow: Flow) -> None:
    raw = {"stage": "college", "age_band": "age_18_20"}
    answers = validate_answers(main_flow, raw, partial=True)
    assert questions_for(main_flow, answers) == questions_for(main_flow, raw)


def test_next_question_walks_the_path_in_order(main_flow: Flow) -> None:
    answers: dict[str, object] = {}
    asked = []
    while (question := next_question(main_flow, answers)) is not None:
        asked.append(question.id)
        answers[question.id] = "placeholder"
        if question.id == "stage":
            answers["stage"] = "university"
    assert asked == _ids(main_flow, {"stage": "university"})


def test_a_flow_without_a_stage_question_asks_everything(mini_flow: Flow) -> None:
    without_stage = mini_flow.model_copy(update={"questions": mini_flow.questions[1:]})
    assert without_stage.stage_question is None
    assert stage_of(without_stage, {"stage": "school"}) is None
    assert [q.id for q in questions_for(without_stage, {})] == ["hands", "things", "study", "words"]
