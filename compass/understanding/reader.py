"""Read someone's own words for meaning: the jobs they name, and what they want or avoid.

The result, :class:`OwnWords`, is in the engine's own terms: role ids, the Profile's likes
dimensions, and the part of the text that says what they *do* want (the only part the
sentence model should compare with roles). Each finding keeps the clause it came from, so
a reason can quote the person's words back to them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from compass.catalogue import DEFAULT_CATALOGUE, Catalogue
from compass.understanding.clauses import Clause, clauses_of
from compass.understanding.job_names import JobNameFinder
from compass.understanding.lexicon import Lexicon, Topic, load_lexicon

STRONG = 1.0


@dataclass(frozen=True)
class OwnWords:
    """What someone's own words mean, in the engine's terms."""

    named_roles: tuple[str, ...] = ()     # jobs they said they want, in the order written
    avoided_roles: tuple[str, ...] = ()   # jobs they named, or whose core work they avoid
    likes: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    wanted_text: str = ""                 # the clauses that are not about avoiding things
    quotes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    avoiding: tuple[str, ...] = ()        # the clauses that are about avoiding something

    @property
    def means_something(self) -> bool:
        return bool(self.named_roles or self.avoided_roles or self.likes)

    def quote_for(self, key: str) -> str:
        """Their words about a role id or a likes dimension ('' if none)."""
        return self.quotes.get(key, "")

    def also_avoiding(self, found: Mapping[str, str]) -> OwnWords:
        """These words with more avoided roles (role id to the clause that rules it out)."""
        more = tuple(r for r in found if r not in self.avoided_roles)
        if not more:
            return self
        return replace(self, avoided_roles=(*self.avoided_roles, *more),
                       named_roles=tuple(r for r in self.named_roles if r not in found),
                       quotes=MappingProxyType({**found, **self.quotes}))


@dataclass
class _Findings:
    named: list[str] = field(default_factory=list)
    avoided: list[str] = field(default_factory=list)
    likes: dict[str, set[float]] = field(default_factory=dict)
    quotes: dict[str, str] = field(default_factory=dict)

    def role(self, role_id: str, avoided: bool, clause: Clause) -> None:
        (self.avoided if avoided else self.named).append(role_id)
        self.quotes.setdefault(role_id, clause.written)

    def refuse(self, role_ids: list[str], clause: Clause) -> None:
        """Turn jobs named in the clause before into jobs avoided."""
        for role_id in dict.fromkeys(role_ids):
            self.named.remove(role_id)
            self.avoided.append(role_id)
            self.quotes[role_id] = clause.written

    def like(self, dimension: str, avoided: bool, clause: Clause) -> None:
        self.likes.setdefault(dimension, set()).add(-STRONG if avoided else STRONG)
        self.quotes.setdefault(dimension, clause.written)


class OwnWordsReader:
    """Reads own words against one catalogue and lexicon; build once, use from any thread."""

    def __init__(self, catalogue: Catalogue, lexicon: Lexicon) -> None:
        self.jobs = JobNameFinder(catalogue, lexicon)
        known = [t.model_copy(update={"roles": _topic_roles(t, catalogue)}) for t in lexicon.topics]
        self.topics = [(topic, _pattern(word)) for topic in known for word in topic.words]
        self.topics.sort(key=lambda pair: -len(pair[1].pattern))

    @classmethod
    def for_catalogue(cls, catalogue: Catalogue, catalogue_dir: Path = DEFAULT_CATALOGUE) -> OwnWordsReader:
        """A reader with the curators' words in ``catalogue_dir`` (names of roles that are not in
        ``catalogue`` are left out, so small test catalogues work too)."""
        return cls(catalogue, load_lexicon(catalogue, catalogue_dir, check=False))

    def read(self, written: str) -> OwnWords:
        findings = _Findings()
        wanted: list[str] = []
        avoiding: list[str] = []
        previous: list[str] = []
        for clause in clauses_of(written):
            named_before = len(findings.named)
            avoids_something = self._read_clause(clause, findings)
            if clause.refuses_what_came_before and wanted:
                # "they want me to be a doctor but I don't want to": no to the clause before
                findings.refuse(previous, clause)
                avoiding.append(wanted.pop())
                continue
            previous = findings.named[named_before:]
            (avoiding if avoids_something or clause.says_no else wanted).append(clause.written)
        return _own_words(findings, " ".join(wanted), tuple(avoiding))

    def _read_clause(self, clause: Clause, findings: _Findings) -> bool:
        """Record what ``clause`` names; True if it avoids anything."""
        avoids = False
        taken: list[tuple[int, int]] = []
        for job in self.jobs.find(clause.text, clause.written):
            taken.append((job.start, job.end))
            avoided = clause.avoided_at(job.start)
            if not (avoided or clause.is_a_wish_at(job.start, job.end)):
                continue
            avoids |= avoided
            for role_id in self.jobs.with_word(job) if avoided else job.role_ids:
                findings.role(role_id, avoided, clause)
        for topic, pattern in self.topics:
            for match in pattern.finditer(clause.text):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append(match.span())
                avoided = clause.avoided_at(match.start())
                avoids |= avoided
                _record_topic(topic, avoided, clause, findings)
        return avoids


def _topic_roles(topic: Topic, catalogue: Catalogue) -> tuple[str, ...]:
    """The roles a topic points at: those it names that exist, or those mainly in its setting."""
    if topic.setting is not None:
        return tuple(r.id for r in catalogue.roles if r.settings[0] is topic.setting)
    return tuple(r for r in topic.roles if catalogue.has_role(r))


def _record_topic(topic: Topic, avoided: bool, clause: Clause, findings: _Findings) -> None:
    if topic.like is not None:
        findings.like(topic.like, avoided, clause)
    elif avoided:
        for role_id in topic.roles:
            findings.role(role_id, True, clause)


def _pattern(phrase: str) -> re.Pattern[str]:
    words = r"[\s-]+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<![a-z0-9]){words}(?![a-z0-9])")


def _own_words(findings: _Findings, wanted_text: str, avoiding: tuple[str, ...]) -> OwnWords:
    avoided = tuple(dict.fromkeys(findings.avoided))
    named = tuple(r for r in dict.fromkeys(findings.named) if r not in avoided)
    likes = {dim: signs.pop() for dim, signs in findings.likes.items() if len(signs) == 1}
    return OwnWords(named, avoided, MappingProxyType(likes), wanted_text,
                    MappingProxyType(dict(findings.quotes)), avoiding)
