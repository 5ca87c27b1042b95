"""Loading flows: the shipped flows load cleanly; every broken rule is reported by line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from questionnaire_helpers import FLOWS_DIR

from compass.errors import QuestionnaireError, Severity, display_path
from compass.questionnaire import (
    DEFAULT_FLOWS_DIR,
    Flow,
    QuestionType,
    check_flows,
    load_flow,
    load_flows,
)

WriteFlow = Callable[..., Path]


def test_the_shipped_flows_load_with_no_errors_or_warnings(main_flow: Flow) -> None:
    assert DEFAULT_FLOWS_DIR == FLOWS_DIR
    result = check_flows(FLOWS_DIR)
    assert [p.render() for p in result.problems] == []
    assert set(result.flows) == {"main"}
    assert result.flows["main"] == main_flow


def test_the_small_test_flow_loads(mini_flow: Flow) -> None:
    assert [q.id for q in mini_flow.questions] == ["stage", "hands", "things", "hobbies", "study",
                                                   "words"]
    assert mini_flow.stage_question is not None and mini_flow.stage_question.id == "stage"
    hands = mini_flow.questions[1]
    assert hands.type is QuestionType.THIS_OR_THAT
    assert [(e.target, e.value) for e in hands.options[0].effects] == [("likes.hands_on", 1)]
    assert hands.options[2].neutral and not hands.options[2].effects


def test_a_loaded_flow_cannot_be_changed(mini_flow: Flow) -> None:
    with pytest.raises(Exception, match="frozen"):
        mini_flow.questions[0].text = "changed"  # type: ignore[misc]
    assert isinstance(mini_flow.questions, tuple)
    assert isinstance(mini_flow.questions[1].options[0].effects, tuple)


def test_a_flow_survives_a_json_round_trip(main_flow: Flow) -> None:
    assert Flow.model_validate(main_flow.model_dump(mode="json")) == main_flow
    dumped = main_flow.model_dump(mode="json")
    assert dumped["questions"][0]["options"][0]["effects"] == {"stage": "school"}


# Each case: (text to find, text to put instead), and the problems expected after the
# file's path, as "line: field: message".
BROKEN = {
    "unknown target": (
        [("{likes.hands_on: 1}", "{likes.swimming: 1}")],
        ["20: questions[1].options[0].effects.likes.swimming: 'likes.swimming' is not something "
         "an answer can change; see the list of targets in questionnaires/README.md"]),
    "like out of range": (
        [("{likes.hands_on: -1}", "{likes.hands_on: -2}")],
        ["23: questions[1].options[1].effects.likes.hands_on: -2 is out of range: use a number "
         "from -1 to 1"]),
    "interest given as text": (
        [("{interests.artistic: 1}", "{interests.artistic: lots}")],
        ["47: questions[3].options[1].effects.interests.artistic: should be a number from 0 to 1,"
         " not 'lots'"]),
    "true for a number of years": (
        [("{constraints.max_study_years: 0}", "{constraints.max_study_years: true}")],
        ["58: questions[4].options[0].effects.constraints.max_study_years: 'True' is not allowed "
         "here: it should be a valid integer"]),
    "years out of range": (
        [("{constraints.max_study_years: 0}", "{constraints.max_study_years: 12}")],
        ["58: questions[4].options[0].effects.constraints.max_study_years: '12' is not allowed "
         "here: it should be less than or equal to 10"]),
    "unknown stage": (
        [("{stage: school}", "{stage: skool}")],
        ["10: questions[0].options[0].effects.stage: 'skool' is not a stage; use one of: school, "
         "college, university, working, not_working"]),
    "a list as an effect value": (
        [("{interests.artistic: 1}", "{interests.artistic: [1, 2]}")],
        ["47: questions[3].options[1].effects: 'interests.artistic' in effects should have a "
         "single value, not a list or block"]),
    "multiple choice setting a value": (
        [("{interests.artistic: 1}", "{interests.artistic: 1, constraints.shift_work_ok: true}")],
        ["47: questions[3].options[1].effects.constraints.shift_work_ok: a multiple question "
         "cannot set constraints.shift_work_ok; only single and this_or_that options set values"]),
    "neutral option with effects": (
        [("label: Not sure\n        neutral: true",
          "label: Not sure\n        neutral: true\n        effects: {likes.hands_on: 1}")],
        ["27: questions[1].options[2].effects: a neutral ('not sure') option has no effects; "
         "remove its effects so it leaves the Profile neutral"]),
    "this or that with three sides": (
        [("label: Not sure\n        neutral: true", "label: Not sure\n        neutral: false")],
        ["17: questions[1].options: a this_or_that question needs exactly two options that are "
         "not neutral, not 3"]),
    "exclusive on a this-or-that option": (
        [("label: Not sure\n        neutral: true", "label: Not sure\n        exclusive: true")],
        ["17: questions[1].options: a this_or_that question needs exactly two options that are "
         "not neutral, not 3",
         "26: questions[1].options[2].exclusive: only multiple-choice options can be exclusive"]),
    "neutral multiple choice not exclusive": (
        [("neutral: true\n        exclusive: true", "neutral: true\n        exclusive: false")],
        ["50: questions[3].options[2].neutral: a neutral multiple-choice option must be "
         "exclusive; add exclusive: true"]),
    "rating item on the dislike side": (
        [("{interests.realistic: 0.75}", "{interests.realistic: 0.25}")],
        ["36: questions[2].items[1].effects.interests.realistic: a rating item's value is what "
         "'like' means, so it must be above neutral (0.5); dislike gives the mirror image"]),
    "two questions set the stage": (
        [("{likes.hands_on: 1}", "{stage: school}")],
        ["14: questions[1]: only one question can set the stage",
         "14: questions[1]: this question sets stage, and so does question 'stage' on the same "
         "path; give them stages that do not overlap, or merge them"]),
    "two questions set the same constraint": (
        [("{likes.hands_on: 1}", "{constraints.max_study_years: 2}")],
        ["52: questions[4]: this question sets constraints.max_study_years, and so does question "
         "'hands' on the same path; give them stages that do not overlap, or merge them"]),
    "stages used but nothing sets the stage": (
        [("{stage: school}", "{likes.science: 1}"), ("{stage: working}", "{likes.science: -1}")],
        ["39: questions[3].stages: no question in this flow sets the stage, so this is never "
         "used; add a first question whose options set 'stage'"]),
    "a stage hint for a stage that is not asked": (
        [("    stages: [school]\n", "    stages: [school]\n    stage_hints: {working: Hi}\n")],
        ["40: questions[3].stage_hints.working: this question is not asked at stage 'working'; "
         "remove the hint or add the stage to stages"]),
    "a stage hint for an unknown stage": (
        [("    stages: [school]\n", "    stages: [school]\n    stage_hints: {wroking: Hi}\n")],
        ["40: questions[3].stage_hints: 'wroking' in stage_hints is not a stage; use one of: "
         "school, college, university, working, not_working"]),
    "an option filter leaves one option": (
        [("max_study_years: null}", "max_study_years: null}\n        stages: [school]")],
        ["55: questions[4].options: people at stage 'working' would see fewer than two options; "
         "check the options' stages"]),
    "the same question id twice": (
        [("  - id: things", "  - id: hands")],
        ["27: questions[2].id: the question id 'hands' is used twice; the first one is "
         "questions[1]; give each a new id"]),
    "the same option id twice": (
        [("      - id: art\n", "      - id: sport\n")],
        ["45: questions[3].options[1].id: the option id 'sport' is used twice; the first one is "
         "questions[3].options[0]; give each a new id"]),
    "two text questions": (
        [("    text: Is there more you want to say?\n", "    text: Anything else?\n  - id: more\n"
          "    type: text\n    text: And more?\n")],
        ["67: questions[6].type: a flow can have only one text question; its answer becomes the "
         "Profile's free_text"]),
    "items on a single-choice question": (
        [("type: rating", "type: single")],
        ["27: questions[2].options: a single question needs options",
         "30: questions[2].items: only rating questions have items; use options instead"]),
    "a duplicate key": (
        [("text: Where are you now?\n", "text: Where are you now?\n    text: Again?\n")],
        ["7: questions[0].text: 'text' appears twice in the same block; the first one is on "
         "line 6; keep only one"]),
    "an unknown field": (
        [("    text: Where are you now?\n", "    text: Where are you now?\n    colour: red\n")],
        ["7: questions[0].colour: 'colour' is not a field here; allowed fields: hint, id, items, "
         "options, required, stage_hints, stages, text, type"]),
    "a question id in the wrong form": (
        [("  - id: things", "  - id: Things")],
        ["27: questions[2].id: 'Things' is not in the right form; use lower case letters, digits "
         "and underscores, starting with a letter, like 'fix_bike'"]),
    "a misspelt question type": (
        [("type: this_or_that", "type: this-or-that")],
        ["15: questions[1].type: 'this-or-that' is not one of the allowed words; did you mean "
         "'this_or_that'?"]),
    "a missing question text": (
        [("    text: Is there more you want to say?\n", "")],
        ["62: questions[5].text: this field is required but missing; add it; "
         "questionnaires/README.md explains each field"]),
}


def _rendered_problems(write_flow: WriteFlow, flow_dir: Path, text: str,
                       name: str = "mini") -> list[str]:
    path = write_flow(text, name)
    prefix = f"{display_path(path)}:"
    result = check_flows(flow_dir)
    return [p.render().removeprefix(prefix) for p in result.problems]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_rule_is_reported_with_its_line_and_field(
        case: str, write_flow: WriteFlow, flow_dir: Path, mini_text: str) -> None:
    replacements, expected = BROKEN[case]
    text = mini_text
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    problems = _rendered_problems(write_flow, flow_dir, text)
    for line in expected:
        assert any(p.startswith(line) for p in problems), "\n".join(problems)
    with pytest.raises(QuestionnaireError):
        load_flows(flow_dir)


def test_the_stage_question_must_come_first(write_flow: WriteFlow, flow_dir: Path,
                                            mini_text: str) -> None:
    stage_block = mini_text[mini_text.index("  - id: stage"):mini_text.index("  - id: hands")]
    moved = mini_text.replace(stage_block, "", 1).replace("  - id: study", stage_block + "  - id: study")
    problems = _rendered_problems(write_flow, flow_dir, moved)
    assert any("questions[3]: the stage question must come first" in p for p in problems), problems


def test_a_flow_id_must_match_its_file_name(write_flow: WriteFlow, flow_dir: Path,
                                            mini_text: str) -> None:
    problems = _rendered_problems(write_flow, flow_dir, mini_text, name="other")
    assert problems == ["1: id: the flow id 'mini' does not match the file name; rename the file "
                        "to mini.yaml or set id: other"]


def test_every_problem_in_every_file_is_raised_together(write_flow: WriteFlow, flow_dir: Path,
                                                        mini_text: str) -> None:
    write_flow(mini_text.replace("{likes.hands_on: 1}", "{likes.swimming: 1}")
               .replace("{likes.hands_on: -1}", "{likes.hands_on: -2}"), "mini")
    write_flow(mini_text.replace("id: mini", "id: second"), "second")
    write_flow("id: broken\ntitle: [unclosed\n", "broken")
    with pytest.raises(QuestionnaireError) as caught:
        load_flows(flow_dir)
    rendered = [p.render() for p in caught.value.problems]
    assert len(rendered) == 3, rendered
    assert any("mini.yaml:20:" in r for r in rendered)
    assert any("mini.yaml:23:" in r for r in rendered)
    assert any("broken.yaml:" in r and "YAML syntax" in r for r in rendered)
    assert str(caught.value) == "\n".join(rendered)


def test_a_good_file_still_loads_when_checked_beside_a_broken_one(
        write_flow: WriteFlow, flow_dir: Path, mini_text: str) -> None:
    write_flow(mini_text, "mini")
    write_flow("id: broken\ntitle: [unclosed\n", "broken")
    result = check_flows(flow_dir)
    assert set(result.flows) == {"mini"}
    assert len(result.errors) == 1


def test_a_hard_label_is_a_warning_that_does_not_stop_loading(
        write_flow: WriteFlow, flow_dir: Path, mini_text: str) -> None:
    write_flow(mini_text.replace("label: At work", "label: Professional employment"), "mini")
    result = check_flows(flow_dir)
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    rendered = result.warnings[0].render()
    assert ":12: warning: questions[0].options[1].label: reading grade " in rendered
    assert rendered.endswith(" is above 7; use shorter words and sentences")
    assert "mini" in load_flows(flow_dir)


def test_an_empty_or_missing_folder_is_a_problem(flow_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match=r"there are no flow files \(\*\.yaml\) here"):
        load_flows(flow_dir)
    with pytest.raises(QuestionnaireError, match="there is no questionnaires folder here"):
        load_flows(tmp_path / "nowhere")


def test_a_yml_file_is_named_as_a_problem(write_flow: WriteFlow, flow_dir: Path,
                                          mini_text: str) -> None:
    write_flow(mini_text, "mini")
    (flow_dir / "extra.yml").write_text(mini_text, encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="flow files must end in .yaml; rename it to "
                       "extra.yaml"):
        load_flows(flow_dir)


def test_load_flow_names_the_flows_there_are(mini_flow: Flow, flow_dir: Path) -> None:
    assert load_flow("mini", flow_dir) == mini_flow
    with pytest.raises(QuestionnaireError, match="there is no flow 'nope'; flows here: mini"):
        load_flow("nope", flow_dir)
