"""The judgement set loader: every problem reported at once, with line numbers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from ranking_helpers import fixture_catalogue

from compass.ranking.personas import JudgementSetError, load_personas

CATALOGUE = fixture_catalogue()


def test_the_fixture_set_loads(personas_file: Path) -> None:
    judgements = load_personas(personas_file, CATALOGUE)
    assert [p.id for p in judgements.personas][:2] == ["carer", "techie"]
    assert judgements.personas[0].relevance["care-worker"] == 3
    assert judgements.personas[0].top_grade == 3
    assert len(judgements.content_hash) == 64


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "personas.yaml"
    path.write_text(textwrap.dedent("""\
        personas:
          - id: one
            note: fine
            profile: {likes: {science: 1.0}}
            relevance: {adult-nures: 3}
          - id: two
            note: bad grade and profile
            profile: {likes: {science: 5}}
            relevance: {adult-nurse: 3}
          - id: three
            note: bad grade
            profile: {}
            relevance: {adult-nurse: 4}
          - id: three
            note: duplicate
            profile: {}
            relevance: {adult-nurse: 3}
        """))
    with pytest.raises(JudgementSetError) as caught:
        load_personas(path, CATALOGUE)
    rendered = [p.render() for p in caught.value.problems]
    assert any(":5:" in r and "did you mean 'adult-nurse'" in r for r in rendered)
    assert any(":8:" in r and "likes.science" in r for r in rendered)
    assert any(":13:" in r and "should be 1, 2 or 3" in r for r in rendered)
    assert any(":14:" in r and "used twice" in r for r in rendered)


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "personas.yaml"
    path.write_text("personas: []\n")
    with pytest.raises(JudgementSetError):
        load_personas(path, CATALOGUE)
