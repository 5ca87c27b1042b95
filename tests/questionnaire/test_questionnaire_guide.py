"""questionnaires/README.md documents every field, type and effect target a curator can use."""

from __future__ import annotations

import json
import re

import pytest
from questionnaire_helpers import FLOWS_DIR

from compass.questionnaire import (
    TARGETS,
    Flow,
    Option,
    Question,
    QuestionType,
    RatingItem,
    score,
    validate_answers,
)
from compass.questionnaire import effects as effects_module

GUIDE = (FLOWS_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("model", [Flow, Question, Option, RatingItem], ids=lambda m: m.__name__)
def test_every_field_is_in_a_guide_table(model: type) -> None:
    for field in model.model_fields:  # type: ignore[attr-defined]
        assert f"| `{field}` |" in GUIDE, field


def test_every_question_type_and_target_is_described() -> None:
    for kind in QuestionType:
        assert f"`{kind.value}`" in GUIDE, kind
    for target in TARGETS:
        assert f"`{target}`" in GUIDE, target
    for target in TARGETS:
        assert target.split(".")[0] in (effects_module.__doc__ or "")


def test_the_guide_explains_averaging_mirroring_and_not_sure() -> None:
    for phrase in ("mean", "mirror image", "'Not sure' leaves a dimension neutral", "set"):
        assert phrase in GUIDE
        assert phrase.lower() in (effects_module.__doc__ or "").lower()


def test_the_guide_example_answers_are_valid_so_far(main_flow: Flow) -> None:
    example = re.search(r"```json\n(.*?)```", GUIDE, re.DOTALL)
    assert example is not None
    answers = validate_answers(main_flow, json.loads(example.group(1)), partial=True)
    assert score(main_flow, answers).constraints.max_study_years == 2


def test_the_guide_worked_example_matches_scoring(main_flow: Flow) -> None:
    assert "which is 0.875" in GUIDE and "0.583" in GUIDE
    not_sure = {"how_body_works", "draw_or_music", "look_after_child", "plan_event",
                "track_money"}
    base = {"stage": "working", "free_time": ["cooking"],
            "activities_1": {"fix_bike": "like"} | dict.fromkeys(not_sure, "not_sure"),
            "activities_2": {"help_friend": "not_sure", "build_with_tools": "not_sure",
                             "keep_in_order": "not_sure", "act_dance_film": "not_sure",
                             "solve_puzzle": "not_sure", "lead_team": "not_sure"}}
    profile = score(main_flow, validate_answers(main_flow, base, partial=True))
    assert profile.interests.realistic == 0.875
    base["activities_2"] = base["activities_2"] | {"build_with_tools": "dislike"}  # type: ignore[operator]
    profile = score(main_flow, validate_answers(main_flow, base, partial=True))
    assert profile.interests.realistic == 0.583
