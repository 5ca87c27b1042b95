"""Finding roles: filter by family, setting and way in; search by words.

Search is forgiving on purpose. Each word someone types is cut back to its stem ('coding'
and 'coder' both become 'cod') and matches any word in a role that starts with that stem,
so 'physio' finds physiotherapists and 'porter' finds portering. Every word typed must
match somewhere; titles and other names count for more than the description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from compass.catalogue import Catalogue, EntryRoute, Role
from compass.catalogue.vocab import Family, Setting

SUFFIXES = ("ists", "ist", "ing", "ies", "ers", "er", "ed", "es", "s", "e", "y")
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "to", "for", "with", "job", "jobs",
                        "work", "role", "roles", "i", "want", "like"})
MIN_STEM = 3
MAX_WORDS = 8
TITLE_WEIGHT, OTHER_NAME_WEIGHT, TEXT_WEIGHT = 3.0, 2.0, 1.0


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
            return route.is_paid_way_in
        return route.is_no_degree_way_in

    def matches_role(self, role: Role) -> bool:
        return any(self.matches(r) for r in role.entry_routes)


def route_labels(role: Role) -> list[str]:
    """The labels of the route filters ``role`` meets, e.g. 'Earn while you learn'."""
    return [f.label for f in RouteFilter if f.matches_role(role)]


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


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))


def query_stems(text: str) -> list[str]:
    stems = [stem(w) for w in words_of(text) if w not in STOP_WORDS]
    return list(dict.fromkeys(stems))[:MAX_WORDS]


@dataclass(frozen=True)
class SearchIndex:
    """Each role's words, stemmed once, split into title, other names and description."""

    roles: tuple[Role, ...]
    fields: tuple[tuple[frozenset[str], frozenset[str], frozenset[str]], ...]

    @classmethod
    def build(cls, catalogue: Catalogue) -> SearchIndex:
        def stems(text: str) -> frozenset[str]:
            return frozenset(stem(w) for w in words_of(text))

        fields = tuple(
            (stems(r.title), stems(" ".join(r.also_called)),
             stems(" ".join([r.summary, *r.day_to_day, r.family.label])))
            for r in catalogue.roles)
        return cls(catalogue.roles, fields)

    def find(self, query: RoleQuery) -> list[Role]:
        """Roles matching every filter and every word, best matches first, then A to Z."""
        stems = query_stems(query.words)
        found: list[tuple[float, str, Role]] = []
        for role, fields in zip(self.roles, self.fields, strict=True):
            if not _passes_filters(role, query):
                continue
            score = _word_score(stems, fields)
            if score is not None:
                found.append((-score, role.title.lower(), role))
        return [role for *_, role in sorted(found, key=lambda t: (t[0], t[1]))]


def _passes_filters(role: Role, query: RoleQuery) -> bool:
    if query.family is not None and role.family is not query.family:
        return False
    if query.setting is not None and query.setting not in role.settings:
        return False
    return query.route is None or query.route.matches_role(role)


def _word_score(stems: list[str], fields: tuple[frozenset[str], ...]) -> float | None:
    """None if some word matches nothing; otherwise how well the words match."""
    total = 0.0
    for query_stem in stems:
        best = 0.0
        for weight, words in zip((TITLE_WEIGHT, OTHER_NAME_WEIGHT, TEXT_WEIGHT), fields, strict=True):
            if any(w.startswith(query_stem) for w in words):
                best = max(best, weight)
        if not best:
            return None
        total += best
    return total
