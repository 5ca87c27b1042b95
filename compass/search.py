"""Finding roles: filter by family, setting and way in; search by words that forgive.

A young person types what they would say: "phsyio", "socal worker", "work with kids", "no
degree". The search reads that in four passes:

1. Phrases that mean a filter ("no degree", "paid training") set the route filter.
2. Job names, with the same finder that reads own words (plurals, short forms and slips).
3. Everyday words and short forms from the curators' ``search_words.yaml`` ("kids" means
   children, young people ...).
4. Any other word that is in no role is corrected to the closest word that is (RapidFuzz),
   and the page says "Showing jobs for ...".

Words are compared by their Snowball stems ("nursing" and "nurses" are "nurs"); a word also
matches longer words it starts ("physio" finds "physiotherapist"). Roles are ranked by how
many of the words they match, then by where (a job name beats a title, a title beats other
names, other names beat the description), then A to Z.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from types import MappingProxyType

import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from compass.catalogue import Catalogue, EntryRoute, Role
from compass.catalogue.vocab import Family, Setting
from compass.understanding.clauses import normalise
from compass.understanding.job_names import JobNameFinder

# Little words that join others: never part of what a phrase means or what a role is about.
CONNECTIVES = frozenset({"a", "an", "and", "the", "of", "in", "to", "for", "with", "on", "or",
                         "as", "at", "by", "it"})
# Words a search can leave out ("a job working with kids").
STOP_WORDS = CONNECTIVES | frozenset({
    "a", "an", "and", "the", "of", "in", "to", "for", "with", "job", "jobs", "work", "working",
    "role", "roles", "i", "im", "want", "like", "who", "someone", "somebody", "that", "me",
    "my", "you", "your", "be", "do", "can", "as", "at", "on", "or", "is", "are", "things",
    "something", "stuff", "again", "career", "careers", "become", "being", "get", "where",
    "what", "how", "which", "it", "they", "them", "their", "this", "from", "by", "about",
})
MAX_WORDS = 8
MAX_LENGTH = 100
# A query of this many terms or more is a sentence ("someone who helps people walk again"):
# its closeness in meaning to each role counts as this many matched words at most.
SENTENCE_TERMS = 3
MEANING_WEIGHT = 10.0
MIN_PREFIX = 4             # a typed word this long also matches longer words it starts
NAMED_WEIGHT, TITLE_WEIGHT, OTHER_NAME_WEIGHT, TEXT_WEIGHT = 8.0, 3.0, 2.0, 1.0
# How alike (RapidFuzz's optimal string alignment, 0..1: a swapped pair of letters is one
# slip) a word in no role must be to a word that is in one, to be corrected to it.
CORRECT_TO_NAME, CORRECT_TO_TEXT = 0.72, 0.8


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&]+", text.lower().replace("'", ""))


def _index_stems(text: str) -> frozenset[str]:
    """The stems of a role's words, leaving out little words ('it', 'and') unless written in
    capitals as a short form ('IT support')."""
    capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", text)}
    return frozenset(stem(w) for w in words_of(text) if w not in CONNECTIVES or w in capitals)


def _meaning(phrase: str) -> tuple[str, ...]:
    """The stems a phrase needs (all of them, in one field), joining words left out."""
    words = words_of(phrase)
    return tuple(stem(w) for w in words if w not in CONNECTIVES or len(words) > 1 and w == "it")


class RouteFilter(Enum):
    """The three ways into a job that the explorer can filter by."""

    EARN = ("earn", "Earn while you learn")
    NO_DEGREE = ("no-degree", "No degree needed")
    DEGREE = ("degree", "With a degree")

    def __init__(self, slug: str, label: str) -> None:
        self.slug = slug
        self.label = label

    @classmethod
    def from_slug(cls, slug: str) -> RouteFilter:
        return next(f for f in cls if f.slug == slug)

    def matches(self, route: EntryRoute) -> bool:
        if self is RouteFilter.DEGREE:
            return route.is_degree_level
        if self is RouteFilter.EARN:
            return route.is_earn_while_you_learn
        return route.is_no_degree_way_in

    def matches_role(self, role: Role) -> bool:
        return any(self.matches(r) for r in role.entry_routes)


DAYTIME_ONLY = "Daytime hours"


def badges(role: Role) -> list[str]:
    """The short labels a card shows for ``role``: 'Earn while you learn' and 'No degree
    needed' where it has such a way in, and 'Daytime hours' where the usual pattern is days
    only. 'With a degree' is a filter, never a badge, so no card says both."""
    found = [f.label for f in (RouteFilter.EARN, RouteFilter.NO_DEGREE) if f.matches_role(role)]
    if role.work.daytime_only:
        found.append(DAYTIME_ONLY)
    return found


@dataclass(frozen=True)
class RoleQuery:
    """What someone asked the explorer for. Empty fields mean 'any'."""

    words: str = ""
    family: Family | None = None
    setting: Setting | None = None
    route: RouteFilter | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.words.strip() or self.family or self.setting or self.route)


@dataclass(frozen=True)
class Found:
    """What a search found: the roles, best first, and how the words were read."""

    roles: tuple[Role, ...]
    showing_for: str = ""            # the words as corrected, when a word was corrected
    route_from_words: RouteFilter | None = None  # a filter the words asked for ("no degree")


@dataclass(frozen=True)
class _Term:
    """One thing typed: the phrases (as stems) that satisfy it, and roles it names outright."""

    typed: str
    means: frozenset[tuple[str, ...]]
    prefixes: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Fields:
    title: frozenset[str]
    other_names: frozenset[str]
    text: frozenset[str]


@dataclass(frozen=True)
class SearchIndex:
    """Each role's words as stems, the curators' search words, and the job-name finder."""

    roles: tuple[Role, ...]
    fields: tuple[_Fields, ...]
    jobs: JobNameFinder
    synonyms: Mapping[str, frozenset[tuple[str, ...]]]  # typed phrase -> phrases it means
    filters: Mapping[str, RouteFilter]         # typed phrase -> the filter it asks for
    name_words: tuple[str, ...]                        # words of titles and other names
    text_words: tuple[str, ...]                        # every other word in roles
    stems_in_roles: frozenset[str] = field(default_factory=frozenset)
    synonym_pattern: re.Pattern[str] | None = None
    filter_pattern: re.Pattern[str] | None = None
    # For a query written as a sentence: how close it is in meaning to each role (the
    # engine's sentence model), one number per role in catalogue order.
    meaning: Callable[[str], Sequence[float]] | None = None

    @classmethod
    def build(cls, catalogue: Catalogue, jobs: JobNameFinder,
              meaning: Callable[[str], Sequence[float]] | None = None) -> SearchIndex:
        fields = tuple(
            _Fields(_index_stems(r.title), _index_stems(" ".join(r.also_called)),
                    _index_stems(" ".join([r.summary, *r.day_to_day, r.family.label,
                                           *(s.label for s in r.settings)])))
            for r in catalogue.roles)
        words = catalogue.search_words
        synonyms = {phrase: frozenset(m for m in map(_meaning, (*group.means, phrase)) if m)
                    for group in words.synonyms for phrase in group.words}
        filters = {phrase: RouteFilter.from_slug(f.filter) for f in words.filters for phrase in f.words}
        names = {w for r in catalogue.roles for w in words_of(" ".join((r.title, *r.also_called)))}
        text = {w for r in catalogue.roles for w in words_of(" ".join((r.summary, *r.day_to_day)))}
        typed = {w for phrase in synonyms for w in words_of(phrase)}
        return cls(catalogue.roles, fields, jobs, MappingProxyType(synonyms), MappingProxyType(filters),
                   tuple(sorted(names | typed)), tuple(sorted(text - names - typed)),
                   frozenset().union(*(f.title | f.other_names | f.text for f in fields)),
                   _phrases(synonyms), _phrases(filters), meaning)

    def search(self, query: RoleQuery) -> Found:
        """Roles matching the filters and most of the words, best matches first."""
        text = normalise(query.words)[:MAX_LENGTH]
        route = query.route
        text, asked = _cut(text, self.filter_pattern)
        if asked and route is None:
            route = self.filters[asked[0]]
        terms, corrected = self._terms(text)
        if not terms and words_of(text):
            return Found((), "", None)
        found: list[tuple[float, float, float, str, Role]] = []
        need = math.ceil(len(terms) / 2)
        sentence = self.meaning is not None and len(terms) >= SENTENCE_TERMS
        near = self.meaning(text) if self.meaning is not None and sentence else None
        for i, (role, fields) in enumerate(zip(self.roles, self.fields, strict=True)):
            if not _passes_filters(role, query.family, query.setting, route):
                continue
            matched, score = _word_score(terms, role.id, fields)
            if matched >= need:
                closeness = fuzz.ratio(text.strip(), role.title.lower()) if terms else 0.0
                if near is not None:  # a sentence: its meaning counts with the words
                    found.append((-(matched + MEANING_WEIGHT * near[i]), -score, 0.0, "", role))
                else:
                    found.append((-matched, -score, -closeness, role.title.lower(), role))
        found.sort(key=lambda t: t[:4])
        showing = " ".join(t.typed for t in terms) if corrected else ""
        return Found(tuple(r for *_, r in found), showing,
                     route if route is not query.route else None)

    def find(self, query: RoleQuery) -> list[Role]:
        return list(self.search(query).roles)

    def _terms(self, text: str) -> tuple[list[_Term], bool]:
        terms: list[_Term] = []
        for job in self.jobs.find(text, text.upper()):
            terms.append(_Term(job.words, frozenset({_meaning(job.words)}),
                               named=frozenset(self.jobs.with_word(job))))
            text = text[:job.start] + " " * (job.end - job.start) + text[job.end:]
        text, phrases = _cut(text, self.synonym_pattern)
        terms += [_Term(phrase, self.synonyms[phrase]) for phrase in dict.fromkeys(phrases)]
        corrected = False
        for word in dict.fromkeys(words_of(text)):
            if word in STOP_WORDS:
                continue
            known = self._known(word)
            if known is None:
                continue
            corrected |= known != word
            terms.append(_Term(known, frozenset({(stem(known),)}),
                               frozenset({known}) if len(known) >= MIN_PREFIX else frozenset()))
        return terms[:MAX_WORDS], corrected

    def _known(self, word: str) -> str | None:
        """``word`` if some role has it (or a longer word it starts); else the closest word
        that a role has, or None if nothing is close."""
        if stem(word) in self.stems_in_roles or (
                len(word) >= MIN_PREFIX and any(s.startswith(word) for s in self.stems_in_roles)):
            return word
        for choices, cutoff in ((self.name_words, CORRECT_TO_NAME), (self.text_words, CORRECT_TO_TEXT)):
            best = process.extractOne(word, choices, scorer=OSA.normalized_similarity,
                                      score_cutoff=cutoff)
            if best is not None:
                return str(best[0])
        return None


def _phrases(phrases: Mapping[str, object]) -> re.Pattern[str] | None:
    """One pattern for every phrase as whole words, longest first (so 'no degree' wins over
    'degree')."""
    if not phrases:
        return None
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(re.escape(p) for p in ordered)})(?![a-z0-9])")


def _cut(text: str, pattern: re.Pattern[str] | None) -> tuple[str, list[str]]:
    """``text`` with each phrase ``pattern`` finds blanked out, and the phrases found."""
    if pattern is None:
        return text, []
    found = [m.group() for m in pattern.finditer(text)]
    return pattern.sub(" ", text), found


def _passes_filters(role: Role, family: Family | None, setting: Setting | None,
                    route: RouteFilter | None) -> bool:
    if family is not None and role.family is not family:
        return False
    if setting is not None and setting not in role.settings:
        return False
    return route is None or route.matches_role(role)


def _word_score(terms: list[_Term], role_id: str, fields: _Fields) -> tuple[int, float]:
    """How many terms the role matches, and how well (named, title, other names, text)."""
    matched, total = 0, 0.0
    for term in terms:
        if role_id in term.named:
            matched, total = matched + 1, total + NAMED_WEIGHT
            continue
        best = max((weight for weight, words in ((TITLE_WEIGHT, fields.title),
                                                  (OTHER_NAME_WEIGHT, fields.other_names),
                                                  (TEXT_WEIGHT, fields.text))
                    if _matches(term, words)), default=0.0)
        if best:
            matched, total = matched + 1, total + best
    return matched, total


def _matches(term: _Term, words: frozenset[str]) -> bool:
    return any(all(s in words for s in phrase) for phrase in term.means) or any(
        w.startswith(p) for p in term.prefixes for w in words)
