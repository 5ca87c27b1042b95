"""``compass questionnaire show`` and ``compass profile --answers``."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from questionnaire_helpers import college_answers

from compass.cli import main
from compass.profile import Profile
from compass.questionnaire import Flow, score, validate_answers


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _answers_file(tmp_path: Path, answers: Any) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def test_show_prints_every_question_with_its_options_and_effects(
        capsys: pytest.CaptureFixture[str], main_flow: Flow) -> None:
    status, out, _ = _run(capsys, "questionnaire", "show")
    assert status == 0
    assert out.startswith(f"{main_flow.title} (flow 'main', {len(main_flow.questions)} questions)")
    for question in main_flow.questions:
        assert f"[{question.id}] {question.text}" in out
    assert "   - earn_now: None, I want to earn now  [constraints.max_study_years=0; stages: " in out
    assert "   - not_sure: Not sure  [neutral]" in out
    assert "(text; optional)" in out and "up to 500 characters" in out


def test_show_for_one_stage_prints_that_path(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "questionnaire", "show", "--stage", "university")
    assert status == 0
    assert "[subjects]" not in out and "earn_after_school" not in out
    assert "hint: Count from today, and add what is left of your course." in out


def test_show_json_is_the_flow(capsys: pytest.CaptureFixture[str], main_flow: Flow) -> None:
    status, out, _ = _run(capsys, "questionnaire", "show", "--flow", "main", "--json")
    assert status == 0
    assert Flow.model_validate(json.loads(out)) == main_flow


def test_show_an_unknown_flow_fails_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "questionnaire", "show", "--flow", "nope")
    assert status == 1
    assert "there is no flow 'nope'; flows here: main" in err


def test_profile_prints_the_profile_of_the_answers(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, main_flow: Flow) -> None:
    status, out, err = _run(capsys, "profile", "--answers",
                            _answers_file(tmp_path, college_answers()))
    assert (status, err) == (0, "")
    profile = Profile.from_json(out)
    assert profile == score(main_flow, validate_answers(main_flow, college_answers()))
    assert profile.stage is not None and profile.stage.value == "college"
    assert profile.constraints.max_study_years == 2


def test_profile_reads_standard_input(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(college_answers())))
    status, out, _ = _run(capsys, "profile", "--answers", "-")
    assert status == 0 and Profile.from_json(out).age == 16


@pytest.mark.parametrize("change, message", [
    ({"pet": "cat"}, "compass: question 'pet': is not a question in flow 'main'; "),
    ({"shifts": "sometimes"}, "compass: question 'shifts': 'sometimes' is not one of its "
     "options: shifts_ok, days_only, not_sure\n"),
    ({"shifts": None}, "compass: question 'shifts': needs an answer\n"),
    ({"in_your_own_words": "x" * 600}, "compass: question 'in_your_own_words': the text is 600 "
     "characters long; the limit is 500\n"),
])
def test_profile_rejects_bad_answers_with_a_clear_message(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, change: dict[str, Any],
        message: str) -> None:
    answers = {k: v for k, v in (college_answers() | change).items() if v is not None}
    status, out, err = _run(capsys, "profile", "--answers", _answers_file(tmp_path, answers))
    assert status == 1 and out == ""
    assert err.startswith(message), err


def test_profile_rejects_a_file_that_is_not_answers(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{stage: school}", encoding="utf-8")
    status, _, err = _run(capsys, "profile", "--answers", str(bad_json))
    assert status == 1
    assert f"compass: the answers file {bad_json} is not valid JSON: Expecting property name" in err

    status, _, err = _run(capsys, "profile", "--answers", _answers_file(tmp_path, ["school"]))
    assert status == 1
    assert "compass: the answers file must hold a JSON object of question id -> answer" in err

    status, _, err = _run(capsys, "profile", "--answers", str(tmp_path / "missing.json"))
    assert status == 1
    assert "compass: cannot read the answers file" in err and "No such file" in err


def test_profile_with_several_problems_lists_them_all(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    answers = college_answers() | {"shifts": "nope", "free_time": []}
    status, _, err = _run(capsys, "profile", "--answers", _answers_file(tmp_path, answers))
    assert status == 1
    assert err.startswith("compass: 2 problems with these answers:\n"
                          "  question 'free_time': needs at least one option; pick "
                          "'none_of_these' if none fit\n"
                          "  question 'shifts': 'nope' is not one of its options")
