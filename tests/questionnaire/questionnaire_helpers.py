"""Helpers shared by the question flow tests: neutral answers, random answers, flat Profiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from compass.profile import FREE_TEXT_LIMIT, Profile
from compass.questionnaire import Flow, Question, QuestionType, Rating, questions_for

REPO = Path(__file__).resolve().parents[2]
FLOWS_DIR = REPO / "questionnaires"


def neutral_answer(question: Question) -> Any:
    """The 'not sure' answer to ``question`` (None: leave it out), or raise if it has none."""
    if question.type is QuestionType.RATING:
        return {item.id: Rating.NOT_SURE.value for item in question.items}
    if question.type is QuestionType.TEXT:
        assert not question.required
        return None
    neutral = next(o.id for o in question.options if o.neutral)
    return [neutral] if question.type is QuestionType.MULTIPLE else neutral


def neutral_answers(flow: Flow, stage_option: str) -> dict[str, Any]:
    """The stage, then 'not sure' to everything else on that stage's path."""
    stage_id = flow.questions[0].id
    answers: dict[str, Any] = {stage_id: stage_option}
    for question in questions_for(flow, answers)[1:]:
        value = neutral_answer(question)
        if value is not None:
            answers[question.id] = value
    return answers


def answer_strategy(question: Question) -> st.SearchStrategy[Any]:
    """Any valid answer to ``question`` as its person sees it (None: leave it out)."""
    if question.type in {QuestionType.SINGLE, QuestionType.THIS_OR_THAT}:
        return st.sampled_from([o.id for o in question.options])
    if question.type is QuestionType.MULTIPLE:
        exclusive = [o.id for o in question.options if o.exclusive]
        others = [o.id for o in question.options if not o.exclusive]
        picks = st.lists(st.sampled_from(others), min_size=1, unique=True) if others else st.nothing()
        return st.one_of(picks, *[st.just([e]) for e in exclusive])
    if question.type is QuestionType.RATING:
        ratings = st.sampled_from([r.value for r in Rating])
        return st.fixed_dictionaries({item.id: ratings for item in question.items})
    text = st.text(max_size=FREE_TEXT_LIMIT)
    return st.one_of(st.none(), text) if not question.required else text


@st.composite
def answers_for(draw: st.DrawFn, flow: Flow) -> dict[str, Any]:
    """A random, complete and valid set of answers to ``flow`` in its dict form."""
    stage_question = flow.questions[0]
    answers: dict[str, Any] = {
        stage_question.id: draw(st.sampled_from([o.id for o in stage_question.options]))}
    for question in questions_for(flow, answers)[1:]:
        value = draw(answer_strategy(question))
        if value is not None:
            answers[question.id] = value
    return answers


def flatten(profile: Profile) -> dict[str, Any]:
    """A Profile as ``{"likes.science": 0.5, "constraints.max_study_years": 2, ...}``."""
    flat: dict[str, Any] = {}
    for key, value in profile.to_dict().items():
        if isinstance(value, dict):
            flat.update({f"{key}.{inner}": v for inner, v in value.items()})
        else:
            flat[key] = value
    return flat


def changed(before: Profile, after: Profile) -> set[str]:
    """The flattened Profile fields that differ between two Profiles."""
    a, b = flatten(before), flatten(after)
    return {key for key in a if a[key] != b[key]}


def college_answers() -> dict[str, Any]:
    """A complete, valid set of answers from someone at college."""
    return {
        "stage": "college",
        "age_band": "age_16_17",
        "activities_1": {"fix_bike": "like", "how_body_works": "like",
                         "draw_or_music": "dislike", "look_after_child": "not_sure",
                         "plan_event": "not_sure", "track_money": "dislike"},
        "activities_2": {"help_friend": "like", "build_with_tools": "like",
                         "keep_in_order": "dislike", "act_dance_film": "dislike",
                         "solve_puzzle": "like", "lead_team": "not_sure"},
        "free_time": ["sport", "helping_out"],
        "subjects": ["science", "sport_and_pe"],
        "people_or_behind_scenes": "with_people",
        "hands_or_desk": "hands_on",
        "active_or_sitting": "on_my_feet",
        "one_place_or_moving": "not_sure",
        "calm_or_urgent": "urgent",
        "work_topics": {"science": "like", "tech_and_data": "not_sure", "creative": "dislike",
                        "organising": "not_sure", "leading": "like"},
        "who_to_help": {"young_children": "not_sure", "teenagers": "like",
                        "feeling_low": "like", "mental_illness": "not_sure"},
        "blood_and_needles": "fine",
        "study_years": "up_to_2",
        "earn_while_learning": "paid",
        "shifts": "shifts_ok",
        "gcse_english_maths": "both",
        "in_your_own_words": "  I coach a junior football team.  ",
    }
