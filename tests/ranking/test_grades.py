"""The second pass of grades: merging, agreement between the passes, and loading."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from ranking_helpers import fixture_catalogue

from compass.ranking.grades import agreement, grade_3_overlap, merge, weighted_kappa, within_routes
from compass.ranking.personas import JudgementSetError, load_personas

CATALOGUE = fixture_catalogue()
SECOND_PASS = """\
# a second grader, without seeing the first pass
grades:
  carer:
    care-worker: 3
    youth-worker: 1
  techie:
    data-analyst: 3
    medical-secretary: 3
  kids: {}
"""


def test_merged_grades_are_the_mean_rounded_half_up() -> None:
    first = {"a": 3, "b": 2, "c": 1, "e": 1}
    second = {"a": 3, "c": 2, "d": 3, "f": 2}
    assert merge(first, second) == {"a": 3, "b": 1, "c": 2, "d": 2, "e": 1, "f": 1}


def test_grade_3_overlap_is_shared_over_either() -> None:
    assert grade_3_overlap({"a": 3, "x": 3, "b": 2}, {"a": 3, "d": 3, "x": 2}) == pytest.approx(1 / 3)
    assert grade_3_overlap({"a": 2}, {"b": 1}) == 1.0


def test_weighted_kappa_by_hand() -> None:
    assert weighted_kappa({"a": 3, "b": 2, "c": 1}, {"a": 3, "b": 2, "c": 1}) == 1.0
    # roles a, b: first (3, 0), second (0, 3): observed 18, chance (0+9+9+0)/2 = 9
    assert weighted_kappa({"a": 3}, {"b": 3}) == pytest.approx(1 - 18 / 9)
    # a 3/2 pair and a 1/1 pair: observed 1; chance (1 + 4 + 0 + 1) / 2 = 3
    assert weighted_kappa({"a": 3, "b": 1}, {"a": 2, "b": 1}) == pytest.approx(1 - 1 / 3)
    assert weighted_kappa({"a": 3}, {"a": 3}) == 1.0  # no spread to disagree over


def test_agreement_averages_over_personas_graded_twice() -> None:
    pairs = [({"a": 3, "b": 3}, {"a": 3, "b": 3}), ({"a": 3}, {"b": 3})]
    found = agreement(pairs)
    assert found is not None and found.personas == 2
    assert found.grade_3_overlap == pytest.approx(0.5)
    assert found.weighted_kappa == pytest.approx((1.0 + (1 - 18 / 9)) / 2)
    assert agreement([]) is None


def write_second_pass(personas_file: Path, text: str, name: str = "second_pass_test.yaml") -> Path:
    folder = personas_file.parent / "grades"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text))
    return folder


def test_without_a_second_pass_the_first_pass_is_used(personas_file: Path) -> None:
    judgements = load_personas(personas_file, CATALOGUE)
    assert judgements.agreement is None and judgements.graded_twice == 0
    assert judgements.second_pass_files == ()


def test_the_second_pass_is_merged_where_present(personas_file: Path) -> None:
    alone = load_personas(personas_file, CATALOGUE)
    write_second_pass(personas_file, SECOND_PASS)
    judgements = load_personas(personas_file, CATALOGUE)
    by_id = {p.id: dict(p.relevance) for p in judgements.personas}
    # carer: care-worker 3/3, pharmacy-assistant 1/0, youth-worker 0/1
    assert by_id["carer"] == {"care-worker": 3, "pharmacy-assistant": 1, "youth-worker": 1}
    # techie: medical-secretary 2/3 -> 2.5 -> 3
    assert by_id["techie"] == {"data-analyst": 3, "medical-secretary": 3}
    # kids has an empty entry (not graded yet); fixer is not in the second pass
    assert by_id["kids"] == dict(alone.personas[5].relevance)
    assert by_id["fixer"] == {"estates-electrician": 3}
    assert judgements.graded_twice == 2
    assert judgements.agreement is not None
    assert judgements.agreement.grade_3_overlap == pytest.approx((1.0 + 0.5) / 2)
    assert judgements.second_pass_files == ("second_pass_test.yaml",)
    assert judgements.content_hash != alone.content_hash


def test_second_pass_problems_are_reported_with_lines(personas_file: Path) -> None:
    write_second_pass(personas_file, """\
        grades:
          carer:
            care-wroker: 3
          nobody:
            care-worker: 3
          techie:
            data-analyst: 5
        """)
    write_second_pass(personas_file, "grades:\n  carer:\n    care-worker: 2\n", "second_pass_z.yaml")
    with pytest.raises(JudgementSetError) as caught:
        load_personas(personas_file, CATALOGUE)
    rendered = [p.render() for p in caught.value.problems]
    assert any(":3:" in r and "did you mean 'care-worker'" in r for r in rendered)
    assert any(":4:" in r and "no persona in the first pass has the id 'nobody'" in r for r in rendered)
    assert any(":7:" in r and "should be 0, 1, 2 or 3" in r for r in rendered)
    assert any("second_pass_z.yaml:2:" in r and "already graded" in r for r in rendered)


def test_merged_grades_keep_the_route_rule() -> None:
    grades, lowered = within_routes({"a": 3, "b": 2, "c": 1, "d": 3}, lambda role: role == "a")
    assert grades == {"a": 3, "b": 1, "c": 1, "d": 1} and lowered == ["b", "d"]


def test_a_merged_grade_with_no_fitting_route_is_lowered_to_1(personas_file: Path) -> None:
    """The carer wants to earn now: a doctor (five years of study) can be worth a look, no more."""
    write_second_pass(personas_file, "grades:\n  carer: {care-worker: 3, hospital-doctor: 3}\n")
    judgements = load_personas(personas_file, CATALOGUE)
    assert judgements.personas[0].relevance["hospital-doctor"] == 1
    assert judgements.lowered_for_routes == (("carer", "hospital-doctor"),)
