"""The main flow meets its brief: length, reading level, coverage, fairness and privacy."""

from __future__ import annotations

import re

import pytest
from questionnaire_helpers import FLOWS_DIR

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.profile import FREE_TEXT_LIMIT, Constraints
from compass.questionnaire import (
    Flow,
    Option,
    Question,
    QuestionType,
    Rating,
    RatingItem,
    load_flows,
    question_dimensions,
    questions_for,
)
from compass.questionnaire.checks import reading_grade, user_texts

MAX_GRADE = 7.0


def _paths(flow: Flow) -> dict[str, list[Question]]:
    """Every path through the flow: one per answer to the stage question.

    Only the stage question branches the flow, so this walks every path there is.
    """
    stage_question = flow.questions[0]
    return {o.id: questions_for(flow, {stage_question.id: o.id}) for o in stage_question.options}


def test_the_stage_question_comes_first_and_covers_every_stage(main_flow: Flow) -> None:
    first = main_flow.questions[0]
    assert main_flow.stage_question == first and first.id == "stage" and first.required
    stages = {e.value for o in first.options for e in o.effects if e.target == "stage"}
    assert stages == {s.value for s in Stage}


def test_every_path_asks_14_to_25_questions(main_flow: Flow) -> None:
    paths = _paths(main_flow)
    assert set(paths) == {"school", "college", "university", "working", "not_working"}
    counts = {stage: len(path) for stage, path in paths.items()}
    assert all(14 <= n <= 25 for n in counts.values()), counts
    # Skipping the optional question still leaves at least 14.
    assert all(len([q for q in path if q.required]) >= 14 for path in paths.values())
    # Branching is real: not every stage gets the same questions.
    assert len({tuple(q.id for q in path) for path in paths.values()}) > 1


def _estimated_seconds(question: Question) -> float:
    """A rough time to answer one page: read at 200 words a minute, then decide and tap.

    3 s per page; 1.5 s per single choice or rated item; 1 s per option of a
    multiple-choice list; 30 s to type a few words.
    """
    words = len(f"{question.text} {question.hint}".split())
    words += sum(len(choice.label.split()) for choice in question.choices)
    if question.type is QuestionType.RATING:
        deciding = 1.5 * len(question.items)
    elif question.type is QuestionType.MULTIPLE:
        deciding = 1.0 * len(question.options)
    elif question.type is QuestionType.TEXT:
        deciding = 30.0
    else:
        deciding = 1.5
    return 3 + words / (200 / 60) + deciding


def test_every_path_takes_about_five_minutes(main_flow: Flow) -> None:
    for stage, path in _paths(main_flow).items():
        required = sum(_estimated_seconds(q) for q in path if q.required)
        everything = sum(_estimated_seconds(q) for q in path)
        assert 4 * 60 <= required <= 6 * 60, (stage, required)
        assert everything <= 7 * 60, (stage, everything)


# Every question, hint, stage hint, option and item label, and the three rating labels.
READ_TEXTS = sorted({t for _, t in user_texts(load_flows(FLOWS_DIR)["main"])}
                    | {r.label for r in Rating})


def test_the_reading_check_sees_every_text(main_flow: Flow) -> None:
    labels = sum(len(q.choices) for q in main_flow.questions)
    assert len(READ_TEXTS) >= labels  # labels repeat ('Not sure'), but hints add more
    assert "Which of these fits you best right now?" in READ_TEXTS and "Don't like" in READ_TEXTS


@pytest.mark.parametrize("text", READ_TEXTS)
def test_every_question_hint_and_option_reads_at_grade_7_or_below(text: str) -> None:
    assert reading_grade(text) <= MAX_GRADE


def test_option_labels_are_short(main_flow: Flow) -> None:
    for question in main_flow.questions:
        for choice in question.choices:
            assert len(choice.label.split()) <= 7, choice.label
        assert len(question.text.split()) <= 17, question.text


def test_every_question_but_the_stage_offers_not_sure(main_flow: Flow) -> None:
    for question in main_flow.questions[1:]:
        if question.type is QuestionType.RATING:
            continue  # every item can be rated 'not sure'
        if question.type is QuestionType.TEXT:
            assert not question.required
            continue
        neutral = [o for o in question.options if o.neutral]
        assert len(neutral) == 1, question.id
        assert not neutral[0].stages and not neutral[0].effects
        assert question.options[-1] == neutral[0], f"{question.id}: put 'not sure' last"


def test_each_path_finds_out_everything_the_profile_needs(main_flow: Flow) -> None:
    needed = {"stage", "age", "free_text"}
    needed |= {f"interests.{area}" for area in RIASEC}
    needed |= {f"likes.{dimension}" for dimension in LIKE_DIMENSIONS}
    needed |= {f"constraints.{field}" for field in Constraints.model_fields}
    for stage, path in _paths(main_flow).items():
        covered = set().union(*(question_dimensions(q) for q in path))
        assert covered == needed, (stage, needed - covered)


def test_interests_are_asked_through_at_least_two_everyday_activities_each(
        main_flow: Flow) -> None:
    for stage, path in _paths(main_flow).items():
        for area in RIASEC:
            items = [i for q in path if q.type is QuestionType.RATING for i in q.items
                     if any(e.target == f"interests.{area}" for e in i.effects)]
            assert len(items) >= 2, (stage, area)


def test_the_text_question_is_optional_and_limited(main_flow: Flow) -> None:
    texts = [q for q in main_flow.questions if q.type is QuestionType.TEXT]
    assert len(texts) == 1
    assert not texts[0].required and texts[0].max_length == FREE_TEXT_LIMIT == 500
    assert "do not put your name" in texts[0].hint


IDENTIFYING = re.compile(
    r"\b(name|e-?mail|post ?code|address|phone|gender|sex|ethnic\w*|race|religion|disab\w*|"
    r"birthday|date of birth|which school|what school|your school called|your health|"
    r"illness you|condition you)\b", re.IGNORECASE)
LEADING = re.compile(
    r"\b(don't you|wouldn't you|surely|obviously|of course|amazing|exciting|great|boring|"
    r"rewarding|everyone|isn't it)\b", re.IGNORECASE)


def test_no_question_asks_who_someone_is(main_flow: Flow) -> None:
    for question in main_flow.questions:
        asked = " ".join([question.id, question.text, *(c.label for c in question.choices)])
        assert not IDENTIFYING.search(asked), asked
    # The only place a person can type is the optional text question, which warns them.
    assert [q.id for q in main_flow.questions if q.type is QuestionType.TEXT] == [
        "in_your_own_words"]


def test_no_question_or_option_is_leading(main_flow: Flow) -> None:
    for _, text in user_texts(main_flow):
        assert not LEADING.search(text), text


def test_no_answer_can_be_chosen_in_advance() -> None:
    for model in (Flow, Question, Option, RatingItem):
        assert not {"default", "selected", "checked", "preselected"} & set(model.model_fields)


def test_this_or_that_pairs_are_balanced(main_flow: Flow) -> None:
    for question in main_flow.questions:
        if question.type is not QuestionType.THIS_OR_THAT:
            continue
        this, that = [o for o in question.options if not o.neutral]
        assert {e.target for e in this.effects} == {e.target for e in that.effects}
        for a, b in zip(this.effects, that.effects, strict=True):
            assert a.value == -b.value  # type: ignore[operator]
