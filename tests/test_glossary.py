"""The glossary: its terms found in text once each, and the shipped glossary's own wording."""

from __future__ import annotations

import textstat

from compass.catalogue import Catalogue
from compass.catalogue.models import GlossaryTerm
from compass.glossary import TermFinder

SOURCE = ("https://www.gov.uk/what-different-qualification-levels-mean",)
TERMS = [
    GlossaryTerm(id="t-level", term="T Level", also=("T Levels",), means="A two-year course.",
                 sources=SOURCE),
    GlossaryTerm(id="level-3", term="Level 3", means="The same level as A levels.", sources=SOURCE),
    GlossaryTerm(id="gp", term="GP", also=("GP practice",), means="A family doctor.", sources=SOURCE),
]


def found(text: str, finder: TermFinder | None = None, skip: set[str] | None = None) -> list[str]:
    finder = finder or TermFinder(TERMS)
    return [text[f.start:f.end] for f in finder.find(text, skip)]


def test_terms_are_found_as_whole_words_longest_first_and_once() -> None:
    assert found("Take T Levels, or a T Level, at level 3.") == ["T Levels", "level 3"]
    assert found("Work in a GP practice with GPs") == ["GP practice"]
    assert found("Level 30 and XT Level") == []


def test_short_forms_in_capitals_match_only_in_capitals() -> None:
    assert found("gp said gp") == []
    assert found("the GP") == ["GP"]


def test_a_page_links_each_term_once_across_texts() -> None:
    finder, linked = TermFinder(TERMS), set()
    assert found("A T Level.", finder, linked) == ["T Level"]
    assert found("Another T Level, then level 3.", finder, linked) == ["level 3"]


def test_the_shipped_glossary_is_plain_and_used(shipped_catalogue: Catalogue) -> None:
    terms = shipped_catalogue.glossary
    assert len(terms) >= 60 and len({t.id for t in terms}) == len(terms)
    for term in terms:
        assert textstat.flesch_kincaid_grade(term.means) <= 7.0, term.id
        assert len(term.means.split()) <= 40, term.id
    text = " ".join(" ".join((r.summary, *r.day_to_day, *(e.entry_requirements for e in r.entry_routes),
                              r.pay.note or "")) for r in shipped_catalogue.roles)
    used = {f.term.id for f in TermFinder(terms).find(text)}
    assert len(used) >= 0.6 * len(terms)
