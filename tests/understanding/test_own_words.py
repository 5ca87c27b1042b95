"""Own words read for meaning, over a table of sentences written by hand for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from compass.catalogue import Catalogue
from compass.catalogue.vocab import Setting
from compass.understanding import OwnWordsReader, load_lexicon

CASES = yaml.safe_load((Path(__file__).parent / "own_words_cases.yaml").read_text())["cases"]


@pytest.fixture(scope="module")
def reader(shipped_catalogue: Catalogue) -> OwnWordsReader:
    return OwnWordsReader(shipped_catalogue, load_lexicon(shipped_catalogue))


def test_the_table_is_big_and_varied() -> None:
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if any(v < 0 for v in c["likes"].values()) or c["avoided"]) >= 20
    assert sum(1 for c in CASES if c["named"]) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_own_words_are_read_for_meaning(reader: OwnWordsReader, case: dict[str, Any]) -> None:
    meaning = reader.read(case["text"])
    assert dict(meaning.likes) == {k: float(v) for k, v in case["likes"].items()}
    assert set(meaning.named_roles) >= set(case["named"])
    assert not set(meaning.named_roles) & set(case["avoided"])
    assert set(meaning.avoided_roles) >= set(case["avoided"])
    if not case["named"]:
        assert not meaning.named_roles, meaning.named_roles


def test_a_setting_topic_covers_every_role_mainly_in_that_setting(
        reader: OwnWordsReader, shipped_catalogue: Catalogue) -> None:
    """'Not stuck in a lab' avoids every role whose main place of work is a lab, new ones too,
    while the same person's love of biology stays a like."""
    lab_roles = {r.id for r in shipped_catalogue.roles if r.settings[0] is Setting.LABORATORY}
    meaning = reader.read("I don't want to be stuck in a lab all day, even though I love biology")
    assert len(lab_roles) >= 8 and set(meaning.avoided_roles) == lab_roles
    assert meaning.likes["science"] > 0


def test_people_of_an_age_are_that_group_not_people_in_general(reader: OwnWordsReader) -> None:
    found = reader.read("I don't want to work with elderly people")
    assert "care-worker" in found.avoided_roles
    assert "patient_contact" not in found.likes
