"""Find the jobs someone names in their own words, forgiving plurals, short forms and slips.

Every role's title, its other titles (with any bracketed part left off) and the curators'
everyday names are the names to find. A run of words matches a name when it is the same
after the plural is dropped, when RapidFuzz rates it close enough for its length (one slip
in a short word, two in a long one), or when a single word of five letters or more starts a
one-word name that only one role has ("physio", "midwif"), or shares a long stem with
one ("phlebotomy", "midwifery"). Names of three letters or fewer
("HCA", "ODP") must be written in capitals, so everyday words like "pa" are not read as jobs.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from compass.catalogue import Catalogue
from compass.understanding.english import english_words
from compass.understanding.lexicon import Lexicon

MAX_NAME_WORDS = 5
# A run of words that starts or ends with one of these is not a job name ("a nurse" is "nurse").
EDGE_WORDS = frozenset({"a", "an", "the", "to", "be", "at", "in", "of", "my", "i", "and", "or",
                        "for", "as", "with", "on", "is", "am", "are", "was", "were", "been"})
MIN_PREFIX = 5
SAME_STEM = 7              # letters a word must share with a name's start to be its stem
SHORT_NAME = 3
# RapidFuzz ratio (0..100) a run of words needs, by the length of the name it is compared with.
CLOSE_ENOUGH = ((12, 86.0), (7, 88.0), (0, 92.0))
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Words straight after these are meant as a job ("I want to be a docter").
AFTER_BE_A = re.compile(
    r"\b(?:be|become|becoming|train(?:ing)? (?:to be|as)|work(?:ing)? as|job as) (?:a|an)\s+$")


@dataclass(frozen=True)
class NamedJob:
    """A job found in the text: the role ids it names and where it was written."""

    role_ids: tuple[str, ...]
    start: int  # character offsets in the normal-form clause
    end: int
    words: str


def _names(catalogue: Catalogue, lexicon: Lexicon) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for role in catalogue.roles:
        for name in (role.title, *role.also_called, *lexicon.job_names.get(role.id, ())):
            for form in {name, re.sub(r"\s*\([^)]*\)", "", name)}:
                key = " ".join(WORD.findall(form.lower().replace("'", "")))
                if key:
                    names[key].add(role.id)
    return names


def _shared(first: str, second: str) -> int:
    """How many letters ``first`` and ``second`` share from the start."""
    return len(os.path.commonprefix([first, second]))


class JobNameFinder:
    """Finds job names in normal-form text; build once per catalogue."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        names = _names(catalogue, lexicon)
        self._roles = {name: tuple(sorted(ids)) for name, ids in names.items()}
        self._short = {n for n in names if len(n) <= SHORT_NAME}
        self._long = [n for n in names if len(n) > SHORT_NAME]
        one_word = [n for n in self._long if " " not in n]
        self._one_word = one_word
        self._places = frozenset(lexicon.places)
        # Words for a kind of work ("chemistry", "science") are never read as a job's name.
        self._topic_words = frozenset(word for topic in lexicon.topics for word in topic.words)
        self._titles = {role.id: set(WORD.findall(role.title.lower())) for role in catalogue.roles}

    def _is_place(self, run: str) -> bool:
        return run in self._places or run in self._topic_words

    def with_word(self, job: NamedJob) -> tuple[str, ...]:
        """For a one-word name ('nurse'): every role with that word in its title, so saying
        no to nursing says no to every kind of nurse."""
        if " " in job.words:
            return job.role_ids
        word = re.sub(r"(?<=[a-z]{3})s$", "", job.words)
        more = tuple(r for r, words in self._titles.items() if word in words)
        return tuple(dict.fromkeys((*job.role_ids, *more)))

    def find(self, text: str, written: str) -> list[NamedJob]:
        """Named jobs in ``text`` (normal form), never overlapping: names written exactly
        first (longest first), then near misses in the words left ("want a healthcare
        assistant" is the healthcare assistant, not a close spelling of "A&E healthcare
        assistant")."""
        words = list(WORD.finditer(text))
        found: list[NamedJob] = []
        taken: set[int] = set()
        for exact in (True, False):
            for size in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
                for i in range(len(words) - size + 1):
                    if taken & set(range(i, i + size)):
                        continue
                    run = " ".join(w.group() for w in words[i:i + size])
                    if self._is_place(run):
                        taken |= set(range(i, i + size))
                        continue
                    if run.split(" ", 1)[0] in EDGE_WORDS or run.rsplit(" ", 1)[-1] in EDGE_WORDS:
                        continue
                    name = (self._exact(run, written) if exact else
                            self._close(run, size, AFTER_BE_A.search(text, 0, words[i].start())))
                    if name is not None:
                        found.append(NamedJob(self._roles[name], words[i].start(),
                                              words[i + size - 1].end(), run))
                        taken |= set(range(i, i + size))
        return sorted(found, key=lambda job: job.start)

    def _exact(self, run: str, written: str) -> str | None:
        """The name ``run`` is, as written or as a plural or hyphen variant."""
        run = run.replace("'", "")
        if run in self._short:
            return run if re.search(rf"\b{re.escape(run.upper())}\b", written) else None
        singular = re.sub(r"(?<=[a-z]{3})s$", "", run)
        # "midwives" and "wives": the plural of a word ending in "fe".
        ife = re.sub(r"(?<=[a-z]{2})ives$", "ife", run)
        # "x-ray" is written "x ray" and "xray" too: try the hyphen as a space and as nothing.
        for form in (run, singular, ife, run.replace("-", " "), run.replace("-", "")):
            if form in self._roles and form not in self._short:
                return form
        return None

    def _close(self, run: str, size: int, after_be_a: object = None) -> str | None:
        """A name ``run`` is a slip away from, or (one word) the start or stem of. Straight
        after "be a" or "train as a" a single word is meant as a job, so there one typing
        slip is forgiven in a short word too ("docter", "phsyio", "nures")."""
        run = run.replace("'", "")
        if len(run) <= SHORT_NAME:
            return None
        if size == 1 and after_be_a is not None:
            slipped = self._one_slip(run)
            if slipped is not None:
                return slipped
        singular = re.sub(r"(?<=[a-z]{3})s$", "", run)
        need = next(score for length, score in CLOSE_ENOUGH if len(run) > length)
        best = process.extractOne(singular, self._long, scorer=fuzz.ratio, score_cutoff=need)
        if best is not None and best[0].count(" ") + 1 == size:
            return str(best[0])
        return self._prefix(run) if size == 1 else None

    def _one_slip(self, word: str) -> str | None:
        """The one-word name ``word`` is, or starts, with one letter wrong, missing, extra or
        swapped with the next (optimal string alignment), if only one name is that close and
        ``word`` is no English word itself ("poster" is never "porter")."""
        words = english_words()
        if len(word) < MIN_PREFIX or not words or word in words:
            return None
        whole = [n for n in self._one_word if OSA.distance(word, n) <= 1]
        starts = [n for n in self._one_word
                  if len(n) > len(word) and OSA.distance(word, n[:len(word)]) <= 1]
        close = whole or starts
        return close[0] if len(close) == 1 else None

    def _prefix(self, word: str) -> str | None:
        """A one-word name that ``word`` starts ("physio"), or shares its stem with
        ("phlebotomy", "midwifery"), if only one role has it."""
        if len(word) < MIN_PREFIX:
            return None
        stem = max(SAME_STEM, len(word) - 2)
        starts = [n for n in self._one_word
                  if n.startswith(word) or (len(word) >= SAME_STEM and _shared(word, n) >= stem)]
        roles = {r for n in starts for r in self._roles[n]}
        return starts[0] if len(roles) == 1 else None
