"""Scoring answers into a Profile, option by option and item by item."""

from __future__ import annotations

from typing import Any

import pytest
from questionnaire_helpers import changed, college_answers, flatten

from compass.catalogue.vocab import Stage
from compass.errors import ProfileError
from compass.profile import Profile
from compass.questionnaire import (
    TARGETS,
    Answers,
    Flow,
    QuestionType,
    TargetKind,
    question_dimensions,
    questions_for,
    score,
    validate_answers,
)

STAGES = [s.value for s in Stage]


def _score(flow: Flow, raw: dict[str, Any]) -> Profile:
    return score(flow, validate_answers(flow, raw, partial=True))


def _alone(flow: Flow, stage: str, question_id: str, answer: Any) -> Profile:
    """The Profile from the stage answer plus one other answer."""
    return _score(flow, {"stage": stage, question_id: answer})


# What each option of the main flow means, written out by hand: (stage, question, option)
# -> the Profile fields it sets. Everything else must stay neutral.
EXPECTED_OPTIONS: dict[tuple[str, str, str], dict[str, Any]] = {
    ("school", "age_band", "age_13_or_under"): {"age": 13},
    ("school", "age_band", "age_14_15"): {"age": 14},
    ("college", "age_band", "age_16_17"): {"age": 16},
    ("working", "age_band", "age_18_20"): {"age": 18},
    ("university", "age_band", "age_21_25"): {"age": 21},
    ("not_working", "age_band", "age_26_or_over"): {"age": 26},
    ("working", "age_band", "rather_not_say"): {},
    ("school", "free_time", "sport"): {"interests.realistic": 0.75, "likes.physical_activity": 1.0},
    ("school", "free_time", "games_and_tech"): {"likes.technology": 1.0},
    ("school", "free_time", "none_of_these"): {},
    ("college", "subjects", "maths"): {"interests.investigative": 0.75,
                                       "interests.conventional": 0.75},
    ("college", "subjects", "childcare"): {"interests.social": 1.0,
                                           "likes.children_young_people": 1.0},
    ("working", "people_or_behind_scenes", "with_people"): {"likes.patient_contact": 1.0},
    ("working", "people_or_behind_scenes", "behind_scenes"): {"likes.patient_contact": -1.0},
    ("working", "people_or_behind_scenes", "not_sure"): {},
    ("school", "hands_or_desk", "hands_on"): {"likes.hands_on": 1.0},
    ("school", "hands_or_desk", "at_a_desk"): {"likes.hands_on": -1.0},
    ("school", "active_or_sitting", "sitting_down"): {"likes.physical_activity": -1.0},
    ("school", "one_place_or_moving", "moving_around"): {"likes.on_the_move": 1.0},
    ("school", "one_place_or_moving", "one_place"): {"likes.on_the_move": -1.0},
    ("school", "calm_or_urgent", "urgent"): {"likes.emergencies": 1.0},
    ("school", "calm_or_urgent", "calm"): {"likes.emergencies": -1.0},
    ("college", "blood_and_needles", "fine"): {"likes.clinical_procedures": 1.0},
    ("college", "blood_and_needles", "get_used_to_it"): {"likes.clinical_procedures": 0.5},
    ("college", "blood_and_needles", "rather_not"): {"likes.clinical_procedures": -1.0},
    ("college", "blood_and_needles", "not_sure"): {},
    ("working", "study_years", "earn_now"): {"constraints.max_study_years": 0},
    ("school", "study_years", "earn_after_school"): {"constraints.max_study_years": 0},
    ("school", "study_years", "up_to_2"): {"constraints.max_study_years": 2},
    ("school", "study_years", "up_to_4"): {"constraints.max_study_years": 4},
    ("school", "study_years", "as_long_as_it_takes"): {},
    ("school", "study_years", "not_sure"): {},
    ("not_working", "earn_while_learning", "paid"): {"constraints.earn_while_learning": True},
    ("not_working", "earn_while_learning", "study_first"): {},
    ("working", "shifts", "shifts_ok"): {"constraints.shift_work_ok": True},
    ("working", "shifts", "days_only"): {"constraints.shift_work_ok": False},
    ("working", "shifts", "not_sure"): {},
    ("school", "gcse_english_maths", "both"): {"constraints.has_gcse_english_maths": True},
    ("school", "gcse_english_maths", "only_one"): {"constraints.has_gcse_english_maths": False},
    ("school", "gcse_english_maths", "neither"): {"constraints.has_gcse_english_maths": False},
    ("school", "gcse_english_maths", "not_sure"): {},
}


@pytest.mark.parametrize("key", sorted(EXPECTED_OPTIONS))
def test_each_option_means_what_it_says(main_flow: Flow, key: tuple[str, str, str]) -> None:
    stage, question_id, option_id = key
    question = main_flow.question(question_id)
    assert question is not None
    answer: Any = [option_id] if question.type is QuestionType.MULTIPLE else option_id
    profile = _alone(main_flow, stage, question_id, answer)
    neutral = flatten(Profile(stage=next(s for s in Stage if s.value == stage)))
    assert flatten(profile) == neutral | EXPECTED_OPTIONS[key]


def _every_option(flow: Flow) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for stage in STAGES:
        for question in questions_for(flow, {"stage": stage})[1:]:
            found.extend((stage, question.id, option.id) for option in question.options)
    return found


def test_every_option_on_every_path_moves_only_what_its_effects_name(main_flow: Flow) -> None:
    options = _every_option(main_flow)
    assert len(options) > 150
    for stage, question_id, option_id in options:
        question = main_flow.question(question_id)
        assert question is not None
        option = question.option(option_id)
        assert option is not None
        answer: Any = [option_id] if question.type is QuestionType.MULTIPLE else option_id
        profile = flatten(_alone(main_flow, stage, question_id, answer))
        expected = flatten(Profile(stage=next(s for s in Stage if s.value == stage)))
        for effect in option.effects:
            expected[effect.target] = effect.value
        assert profile == expected, (stage, question_id, option_id)


@pytest.mark.parametrize("question_id", ["activities_1", "activities_2", "work_topics",
                                         "who_to_help"])
def test_each_rated_item_like_dislike_and_not_sure(main_flow: Flow, question_id: str) -> None:
    question = main_flow.question(question_id)
    assert question is not None and question.type is QuestionType.RATING
    neutral = {item.id: "not_sure" for item in question.items}
    base = flatten(_alone(main_flow, "working", question_id, neutral))
    assert base == flatten(Profile(stage=Stage.WORKING))
    for item in question.items:
        liked = flatten(_alone(main_flow, "working", question_id, neutral | {item.id: "like"}))
        disliked = flatten(_alone(main_flow, "working", question_id,
                                  neutral | {item.id: "dislike"}))
        for effect in item.effects:
            target = TARGETS[effect.target]
            assert liked[effect.target] == effect.value
            assert isinstance(effect.value, float | int)
            assert disliked[effect.target] == 2 * target.neutral - effect.value
        moved = {e.target for e in item.effects}
        assert {k for k in base if liked[k] != base[k]} == moved
        assert {k for k in base if disliked[k] != base[k]} == moved


def test_interests_are_the_mean_of_every_piece_of_evidence(main_flow: Flow) -> None:
    # The worked example in questionnaires/README.md.
    profile = _score(main_flow, {
        "stage": "working",
        "activities_1": {"fix_bike": "like", "how_body_works": "not_sure",
                         "draw_or_music": "not_sure", "look_after_child": "not_sure",
                         "plan_event": "not_sure", "track_money": "not_sure"},
        "free_time": ["cooking"],
    })
    assert profile.interests.realistic == 0.875
    assert profile.likes.hands_on == 1.0


def test_a_dislike_pulls_the_mean_down_and_means_are_rounded(main_flow: Flow) -> None:
    profile = _score(main_flow, {
        "stage": "college",
        "activities_1": {"fix_bike": "like", "how_body_works": "dislike",
                         "draw_or_music": "not_sure", "look_after_child": "not_sure",
                         "plan_event": "not_sure", "track_money": "not_sure"},
        "activities_2": {"help_friend": "not_sure", "build_with_tools": "dislike",
                         "keep_in_order": "not_sure", "act_dance_film": "not_sure",
                         "solve_puzzle": "like", "lead_team": "not_sure"},
        "subjects": ["design_and_tech", "maths"],
    })
    assert profile.interests.realistic == 0.667          # (1 + 0 + 1) / 3
    assert profile.interests.investigative == 0.583      # (0 + 1 + 0.75) / 3
    assert profile.interests.conventional == 0.75
    assert profile.interests.artistic == 0.5


def test_likes_average_across_questions(main_flow: Flow) -> None:
    profile = _score(main_flow, {
        "stage": "school",
        "active_or_sitting": "sitting_down",
        "free_time": ["sport"],
        "subjects": ["sport_and_pe"],
    })
    assert profile.likes.physical_activity == 0.333       # (-1 + 1 + 1) / 3


def test_free_text_is_kept_trimmed(main_flow: Flow) -> None:
    profile = _alone(main_flow, "school", "in_your_own_words", "  I like drawing  ")
    assert profile.free_text == "I like drawing"


def test_the_stage_answer_sets_the_stage(main_flow: Flow) -> None:
    for stage in Stage:
        assert _score(main_flow, {"stage": stage.value}) == Profile(stage=stage)


def test_scoring_is_deterministic(main_flow: Flow) -> None:
    answers = validate_answers(main_flow, college_answers())
    assert score(main_flow, answers) == score(main_flow, answers)
    assert score(main_flow, answers).to_json() == score(main_flow, answers).to_json()


def test_answers_for_another_flow_are_refused(main_flow: Flow) -> None:
    with pytest.raises(ProfileError, match="these answers are for flow 'other', not 'main'"):
        score(main_flow, Answers("other"))


def test_question_dimensions_name_what_a_question_is_about(main_flow: Flow) -> None:
    def dims(question_id: str) -> frozenset[str]:
        question = main_flow.question(question_id)
        assert question is not None
        return question_dimensions(question)

    assert dims("stage") == {"stage"}
    assert dims("age_band") == {"age"}
    assert dims("shifts") == {"constraints.shift_work_ok"}
    assert dims("who_to_help") == {"likes.children_young_people", "likes.mental_health"}
    assert dims("in_your_own_words") == {"free_text"}
    for question in main_flow.questions:
        for target in question_dimensions(question) - {"free_text"}:
            assert target in TARGETS
            if question.type is QuestionType.MULTIPLE:
                assert TARGETS[target].kind is TargetKind.EVIDENCE


def test_a_change_reports_the_fields_that_moved() -> None:
    assert changed(Profile(), Profile(age=15)) == {"age"}
