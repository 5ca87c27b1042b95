"""The search against a table of queries young people might type (tests/search/queries.yaml).

The table was written before the search was tuned, by someone who had not seen the search
code or the curators' search words. A case passes when any role it lists is in the top 3.
Words (typos, short forms, everyday words) are read without the sentence model; phrases
written as sentences use the real model too, so they run with the slow tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from compass.catalogue import Catalogue
from compass.ranking.engine import Engine
from compass.search import RoleQuery, SearchIndex
from compass.understanding import OwnWordsReader

QUERIES = yaml.safe_load((Path(__file__).parent / "queries.yaml").read_text(encoding="utf-8"))
WORDS = [q for q in QUERIES if q["kind"] != "phrase"]
PHRASES = [q for q in QUERIES if q["kind"] == "phrase"]


def _top_3(search: SearchIndex, query: str) -> list[str]:
    return [r.id for r in search.search(RoleQuery(words=query)).roles[:3]]


@pytest.fixture(scope="module")
def word_search(shipped_catalogue: Catalogue) -> SearchIndex:
    return SearchIndex.build(shipped_catalogue, OwnWordsReader.for_catalogue(shipped_catalogue).jobs)


def test_the_table_is_big_enough_and_names_real_roles(shipped_catalogue: Catalogue) -> None:
    assert len(QUERIES) >= 40 and len(WORDS) >= 40
    assert {q["kind"] for q in QUERIES} == {"typo", "short-form", "everyday", "phrase"}
    for case in QUERIES:
        assert all(shipped_catalogue.has_role(r) for r in case["want"]), case


@pytest.mark.parametrize("case", WORDS, ids=[q["query"] for q in WORDS])
def test_words_find_the_intended_role_in_the_top_3(word_search: SearchIndex,
                                                   case: dict[str, object]) -> None:
    top = _top_3(word_search, str(case["query"]))
    assert set(top) & set(case["want"]), (case, top)  # type: ignore[call-overload]


@pytest.mark.slow
def test_sentences_find_the_intended_role_in_the_top_3(shipped_engine: Engine) -> None:
    engine = shipped_engine
    search = SearchIndex.build(engine.catalogue, engine.reader.jobs,
                               lambda text: engine.text.match([text])[0])
    missed = [(case["query"], _top_3(search, case["query"])) for case in PHRASES
              if not set(_top_3(search, case["query"])) & set(case["want"])]
    assert not missed, missed
