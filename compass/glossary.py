"""Finding the curated glossary's terms in text, so pages can link each to its meaning.

Terms and their other forms are matched as whole words, longest first, ignoring case except
for short forms written in capitals ("DBS", "GP"), which must be written in capitals. Each
term is found at most once per :class:`TermFinder` pass: a page links a word the first time
it is used, not every time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from compass.catalogue.models import GlossaryTerm

SHORT_FORM = 5   # forms this long or shorter written in capitals only match in capitals


@dataclass(frozen=True)
class Found:
    """Where a term is in a text: [start, end) and the glossary entry."""

    start: int
    end: int
    term: GlossaryTerm


class TermFinder:
    """One pattern over every form of every term; build once per glossary."""

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        self._by_form: dict[str, GlossaryTerm] = {}
        exact: list[str] = []
        loose: list[str] = []
        for term in terms:
            for form in term.forms:
                capitals = form.isupper() and len(form) <= SHORT_FORM
                key = form if capitals else form.lower()
                self._by_form.setdefault(key, term)
                (exact if capitals else loose).append(form)
        self._exact = _pattern(exact, 0)
        self._loose = _pattern(loose, re.IGNORECASE)

    def find(self, text: str, skip: set[str] | None = None) -> Iterator[Found]:
        """Terms in ``text`` in order, each once, leaving out ids in ``skip`` (which grows)."""
        seen = skip if skip is not None else set()
        matches = [m for p in (self._exact, self._loose) if p for m in p.finditer(text)]
        taken = 0
        for match in sorted(matches, key=lambda m: (m.start(), -len(m.group()))):
            if match.start() < taken:
                continue
            key = match.group() if match.group() in self._by_form else match.group().lower()
            term = self._by_form.get(key)
            if term is None or term.id in seen:
                continue
            seen.add(term.id)
            taken = match.end()
            yield Found(match.start(), match.end(), term)


def _pattern(forms: list[str], flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return re.compile(rf"(?<![\w&-])(?:{'|'.join(re.escape(f) for f in ordered)})(?![\w&-])", flags)
