"""Checking answers: good answers become Answers; bad ones are named by question."""

from __future__ import annotations

from typing import Any

import pytest
from questionnaire_helpers import college_answers

from compass.errors import ProfileError
from compass.profile import FREE_TEXT_LIMIT
from compass.questionnaire import (
    Answers,
    Flow,
    InvalidAnswersError,
    Picked,
    PickedMany,
    Rated,
    Rating,
    Written,
    validate_answer,
    validate_answers,
)


def _message(flow: Flow, answers: Any, **options: bool) -> str:
    with pytest.raises(InvalidAnswersError) as caught:
        validate_answers(flow, answers, **options)
    return str(caught.value)


def test_good_answers_become_typed_answers_in_path_order(main_flow: Flow) -> None:
    raw = college_answers()
    answers = validate_answers(main_flow, dict(reversed(list(raw.items()))))
    assert answers.flow_id == "main"
    assert list(answers) == list(raw)
    assert answers.get("stage") == Picked("college")
    assert answers.get("free_time") == PickedMany(("sport", "helping_out"))
    rated = answers.get("activities_1")
    assert isinstance(rated, Rated) and rated.rating_of("draw_or_music") is Rating.DISLIKE
    assert answers.get("in_your_own_words") == Written("I coach a junior football team.")
    assert "subjects" in answers and "nothing" not in answers and len(answers) == len(raw)


def test_answers_round_trip_through_their_dict_form(main_flow: Flow) -> None:
    answers = validate_answers(main_flow, college_answers())
    as_dict = answers.to_dict()
    assert as_dict["in_your_own_words"] == "I coach a junior football team."
    assert validate_answers(main_flow, as_dict) == answers
    assert validate_answers(main_flow, answers) == answers
    hash(answers)  # immutable values can be hashed


def test_multiple_choice_answers_are_kept_in_the_flow_order(main_flow: Flow) -> None:
    raw = college_answers() | {"free_time": ["helping_out", "sport"]}
    assert validate_answers(main_flow, raw).get("free_time") == PickedMany(("sport", "helping_out"))


def test_the_optional_text_question_can_be_left_out_or_blank(main_flow: Flow) -> None:
    raw = college_answers()
    del raw["in_your_own_words"]
    assert "in_your_own_words" not in validate_answers(main_flow, raw)
    blank = validate_answers(main_flow, raw | {"in_your_own_words": "   "})
    assert blank.get("in_your_own_words") == Written("")


def test_text_at_the_limit_is_fine_and_over_it_is_not(main_flow: Flow) -> None:
    at_limit = "a" * FREE_TEXT_LIMIT
    answers = validate_answers(main_flow, college_answers() | {"in_your_own_words": at_limit})
    assert answers.get("in_your_own_words") == Written(at_limit)
    message = _message(main_flow, college_answers() | {"in_your_own_words": "a" * 501})
    assert message == ("question 'in_your_own_words': the text is 501 characters long; "
                       "the limit is 500")


BAD: dict[str, tuple[dict[str, Any], str]] = {
    "unknown question": (
        {"favourite_colour": "blue"},
        "question 'favourite_colour': is not a question in flow 'main'; its questions are: "
        "stage, age_band, activities_1,"),
    "a misspelt question": (
        {"shift": "shifts_ok"},
        "question 'shift': is not a question in flow 'main'; did you mean 'shifts'?"),
    "unknown option": (
        {"shifts": "sometimes"},
        "question 'shifts': 'sometimes' is not one of its options: shifts_ok, days_only, "
        "not_sure"),
    "option not shown at this stage": (
        {"age_band": "age_13_or_under"},
        "question 'age_band': 'age_13_or_under' is not one of its options: age_14_15, age_16_17, "
        "age_18_20, age_21_25, age_26_or_over, rather_not_say"),
    "a list for a single choice": (
        {"shifts": ["shifts_ok"]},
        "question 'shifts': needs one option id as text, one of: shifts_ok, days_only, not_sure"),
    "text for a multiple choice": (
        {"free_time": "sport"},
        "question 'free_time': needs a list of option ids, from: sport, games_and_tech, arts, "
        "cooking, helping_out, running_things, nature_and_science, none_of_these"),
    "unknown options in a multiple choice": (
        {"free_time": ["sport", "chess", "darts"]},
        "question 'free_time': 'chess', 'darts' are not among its options:"),
    "the same option twice": (
        {"free_time": ["sport", "sport"]},
        "question 'free_time': lists the same option twice"),
    "no options picked": (
        {"free_time": []},
        "question 'free_time': needs at least one option; pick 'none_of_these' if none fit"),
    "an exclusive option with others": (
        {"free_time": ["sport", "none_of_these"]},
        "question 'free_time': 'none_of_these' cannot be picked with other options"),
    "a rating item missing": (
        {"work_topics": {"science": "like", "tech_and_data": "like"}},
        "question 'work_topics': needs a rating for every item; missing: creative, organising, "
        "leading"),
    "an unknown rating item": (
        {"who_to_help": {"young_children": "like", "teenagers": "like", "feeling_low": "like",
                         "mental_illness": "like", "pets": "like"}},
        "question 'who_to_help': 'pets' is not among its items: young_children, teenagers, "
        "feeling_low, mental_illness"),
    "an unknown rating": (
        {"who_to_help": {"young_children": "love", "teenagers": "like", "feeling_low": "like",
                         "mental_illness": "like"}},
        "question 'who_to_help': the rating for 'young_children' must be one of: like, "
        "not_sure, dislike"),
    "a list for a rating": (
        {"who_to_help": ["like"]},
        "question 'who_to_help': needs a rating (like, not_sure, dislike) for each item: "
        "young_children, teenagers, feeling_low, mental_illness"),
    "a number for text": (
        {"in_your_own_words": 42},
        "question 'in_your_own_words': needs text"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_answer_is_named_by_its_question(main_flow: Flow, case: str) -> None:
    change, expected = BAD[case]
    message = _message(main_flow, college_answers() | change)
    assert message.startswith(expected), message


def test_a_question_not_asked_at_the_stage_is_rejected(main_flow: Flow) -> None:
    raw = college_answers() | {"stage": "university", "age_band": "age_21_25"}
    assert _message(main_flow, raw) == ("question 'subjects': is not asked of people at stage "
                                        "'university'")


def test_a_bad_stage_is_reported_once_with_what_depends_on_it(main_flow: Flow) -> None:
    message = _message(main_flow, college_answers() | {"stage": "astronaut"})
    assert "question 'stage': 'astronaut' is not one of its options: school, college, " in message
    assert message.count("question 'stage'") == 1
    assert ("question 'subjects': depends on the stage, so answer the stage question first"
            in message)


def test_missing_answers_are_all_listed(main_flow: Flow) -> None:
    raw = college_answers()
    for question_id in ("shifts", "activities_2", "subjects"):
        del raw[question_id]
    assert _message(main_flow, raw) == (
        "3 problems with these answers:\n"
        "  question 'activities_2': needs an answer\n"
        "  question 'subjects': needs an answer\n"
        "  question 'shifts': needs an answer")


def test_partial_answers_may_leave_questions_out_but_must_be_right(main_flow: Flow) -> None:
    answers = validate_answers(main_flow, {"stage": "school", "shifts": "days_only"}, partial=True)
    assert answers.to_dict() == {"stage": "school", "shifts": "days_only"}
    assert validate_answers(main_flow, {}, partial=True) == Answers("main")
    message = _message(main_flow, {"stage": "school", "shifts": "nope"}, partial=True)
    assert message.startswith("question 'shifts': 'nope' is not one of its options")


def test_answers_must_be_an_object(main_flow: Flow) -> None:
    expected = "answers must be a JSON object of question id -> answer"
    assert _message(main_flow, ["stage", "school"]) == expected
    assert _message(main_flow, {1: "school"}) == expected


def test_every_issue_is_kept_by_question_for_the_web(main_flow: Flow) -> None:
    with pytest.raises(InvalidAnswersError) as caught:
        validate_answers(main_flow, college_answers() | {"shifts": "nope", "free_time": []})
    assert [issue.question_id for issue in caught.value.issues] == ["free_time", "shifts"]
    assert isinstance(caught.value, ProfileError)


def test_one_answer_can_be_checked_on_its_own(main_flow: Flow) -> None:
    shifts = main_flow.question("shifts")
    assert shifts is not None
    assert validate_answer(shifts, "days_only") == Picked("days_only")
    with pytest.raises(InvalidAnswersError, match="question 'shifts': 'x' is not one of"):
        validate_answer(shifts, "x")
