"""Checks that span files (references, duplicates, loops) and reading-age warnings."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import textstat

from compass.catalogue.models import Programme, Role, WayToTry
from compass.catalogue.reference import AFC_ORDER, soc2020_unit_groups
from compass.errors import Problem, Severity, display_path
from compass.yamlio import FieldPath

if TYPE_CHECKING:
    from compass.catalogue.loader import CatalogueEntry

MAX_READING_GRADE = 7.0
MAX_SENTENCE_WORDS = 25
# A reading grade for a few words means little ('No set qualifications.' scores 13).
MIN_WORDS_TO_GRADE = 8


def _problem(entry: CatalogueEntry, loc: FieldPath, message: str, hint: str = "",
             severity: Severity = Severity.ERROR) -> Problem:
    field = ""
    for part in loc:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return Problem(display_path(entry.path), entry.lines.line_of(loc), field, message, hint, severity)


def _suggest(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1)
    return f"did you mean '{guess[0]}'?" if guess else ""


def check_cross_references(roles: Sequence[CatalogueEntry], providers: Sequence[CatalogueEntry],
                           programmes: Sequence[CatalogueEntry],
                           ways_to_try: Sequence[CatalogueEntry] = ()) -> list[Problem]:
    problems: list[Problem] = []
    for group in (roles, providers, programmes, ways_to_try):
        problems.extend(_check_ids(group))
    ids = _Ids(roles={e.item_id for e in roles}, providers={e.item_id for e in providers},
               programmes={e.item_id for e in programmes}, ways_to_try={e.item_id for e in ways_to_try})
    problems.extend(_check_titles(roles))
    for entry in roles:
        if isinstance(entry.item, Role):
            problems.extend(_check_role(entry, entry.item, ids))
    for entry in [*programmes, *ways_to_try]:
        run_by = getattr(entry.item, "run_by", None)
        if isinstance(entry.item, Programme | WayToTry) and run_by and run_by not in ids.providers:
            problems.append(_problem(entry, ("run_by",), f"no provider has the id '{run_by}'",
                                     _suggest(run_by, ids.providers)))
    used = {w for e in roles if isinstance(e.item, Role) for w in e.item.ways_to_try}
    for entry in ways_to_try:
        if isinstance(entry.item, WayToTry) and entry.item_id not in used:
            problems.append(_problem(entry, ("id",), "no role lists this way to try",
                                     "add its id to the ways_to_try of the roles it suits", Severity.WARNING))
    problems.extend(_check_progression_loops([e for e in roles if isinstance(e.item, Role)]))
    problems.extend(check_links([*roles, *providers, *programmes, *ways_to_try]))
    problems.extend(check_sources([*roles, *providers, *programmes, *ways_to_try]))
    return problems


def check_sources(entries: Sequence[CatalogueEntry]) -> list[Problem]:
    """Warnings for sources that cannot prove a fact: copy and staging sites, home pages only,
    and (for roles) fewer than two sources."""
    problems: list[Problem] = []
    for entry in entries:
        sources = tuple(getattr(entry.item, "sources", ()) or ())
        for i, url in enumerate(sources):
            if (why := source_warning(url)) is not None:
                problems.append(_problem(entry, ("sources", i), why, severity=Severity.WARNING))
        if sources and all(is_home_page(url) for url in sources):
            problems.append(_problem(entry, ("sources",), "every source is a home page",
                                     "cite the pages that show the facts", Severity.WARNING))
        if isinstance(entry.item, Role) and len(sources) < MIN_SOURCES:
            problems.append(_problem(entry, ("sources",), f"only {len(sources)} source",
                                     "cite the role's own careers page and a pay or training page",
                                     Severity.WARNING))
    return problems


@dataclass(frozen=True)
class _Ids:
    """The ids each catalogue folder defines, for checking references between files."""

    roles: set[str]
    providers: set[str]
    programmes: set[str]
    ways_to_try: set[str]


PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net", "localhost")
# Copies of other sites' documents, and unfinished (staging) sites: never a source of facts.
COPY_SITE_HOSTS = ("fdocuments.in", "fdocuments.net", "vdocuments.mx", "vdocuments.net", "scribd.com",
                   "studocu.com", "issuu.com", "coursehero.com", "documents.pub", "pdfslide.net")
STAGING_HOST = re.compile(r"(^|[.-])(stg|staging|test|dev|preview)[.-]")
MIN_SOURCES = 2


def source_warning(url: str) -> str | None:
    """Why ``url`` is a poor source of facts (a warning, not an error), or None."""
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith(COPY_SITE_HOSTS):
        return f"'{host}' copies other sites' documents; cite the original page"
    if STAGING_HOST.search(host):
        return f"'{host}' looks like an unfinished (staging or test) site; cite the public page"
    return None


def is_home_page(url: str) -> bool:
    return urlsplit(url).path.strip("/") == ""


def link_problem(url: str) -> str | None:
    """Why ``url`` is not a usable public https link, or None if it looks fine.

    Links are checked for shape only: this machine cannot reach the web, so a page that has
    moved is not caught here.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https":
        return "is not an https:// link"
    if "." not in host or host.startswith(".") or host.endswith("."):
        return f"has no proper web address ('{host or url}')"
    if host.endswith(PLACEHOLDER_HOSTS):
        return f"points at a placeholder address ('{host}')"
    if any(ch.isspace() for ch in url) or "<" in url or ">" in url:
        return "contains spaces or angle brackets"
    return None


def check_links(entries: Sequence[CatalogueEntry], fields: Sequence[str] = ("sources", "url")) -> list[Problem]:
    problems: list[Problem] = []
    for entry in entries:
        for name in fields:
            value = getattr(entry.item, name, None)
            urls = [value] if isinstance(value, str) else list(value or ())
            seen: set[str] = set()
            for i, url in enumerate(urls):
                loc: FieldPath = (name,) if isinstance(value, str) else (name, i)
                if (why := link_problem(url)) is not None:
                    problems.append(_problem(entry, loc, f"the link {why}",
                                             "use the full https:// address of a public page"))
                elif url in seen:
                    problems.append(_problem(entry, loc, "this link is listed twice", "remove one of them"))
                seen.add(url)
    return problems


def _check_ids(group: Sequence[CatalogueEntry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, CatalogueEntry] = {}
    for entry in group:
        item_id = entry.item_id
        if item_id != entry.path.stem:
            problems.append(_problem(entry, ("id",), f"the id '{item_id}' does not match the file name",
                                     f"rename the file to {item_id}.yaml or set id: {entry.path.stem}"))
        if item_id in seen:
            problems.append(_problem(entry, ("id",), f"the id '{item_id}' is already used",
                                     f"{display_path(seen[item_id].path)} has the same id"))
        else:
            seen[item_id] = entry
    return problems


def _check_titles(roles: Sequence[CatalogueEntry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, CatalogueEntry] = {}
    for entry in roles:
        if not isinstance(entry.item, Role):
            continue
        key = entry.item.title.casefold()
        if key in seen:
            problems.append(_problem(entry, ("title",), f"the title '{entry.item.title}' is already used",
                                     f"{display_path(seen[key].path)} has the same title"))
        else:
            seen[key] = entry
    return problems


def _check_role(entry: CatalogueEntry, role: Role, ids: _Ids) -> list[Problem]:
    problems: list[Problem] = []
    role_ids, provider_ids, programme_ids = ids.roles, ids.providers, ids.programmes
    if role.soc2020 not in soc2020_unit_groups():
        problems.append(_problem(entry, ("soc2020",), f"'{role.soc2020}' is not a SOC 2020 unit group",
                                 "find the four-digit code in the ONS SOC 2020 list"))
    for i, route in enumerate(role.entry_routes):
        for j, provider in enumerate(route.providers):
            if provider not in provider_ids:
                problems.append(_problem(entry, ("entry_routes", i, "providers", j),
                                         f"no provider has the id '{provider}'",
                                         _suggest(provider, provider_ids)))
        for j, programme in enumerate(route.programmes):
            if programme not in programme_ids:
                problems.append(_problem(entry, ("entry_routes", i, "programmes", j),
                                         f"no programme has the id '{programme}'",
                                         _suggest(programme, programme_ids)))
    for j, way in enumerate(role.ways_to_try):
        if way not in ids.ways_to_try:
            problems.append(_problem(entry, ("ways_to_try", j), f"no way to try has the id '{way}'",
                                     _suggest(way, ids.ways_to_try)))
    if not role.ways_to_try:
        problems.append(_problem(entry, ("id",), "the role has no way to try it yet",
                                 "add ways_to_try: the ids of files in ways_to_try/ that suit this job",
                                 Severity.WARNING))
    for j, target in enumerate(role.progression):
        if target == role.id:
            problems.append(_problem(entry, ("progression", j), "a role cannot lead to itself"))
        elif target not in role_ids:
            problems.append(_problem(entry, ("progression", j), f"no role has the id '{target}'",
                                     _suggest(target, role_ids)))
    pay = role.pay
    if pay.afc_band_min and pay.afc_band_max:
        if AFC_ORDER.index(pay.afc_band_max) < AFC_ORDER.index(pay.afc_band_min):
            problems.append(_problem(entry, ("pay", "afc_band_max"),
                                     "afc_band_max is lower than afc_band_min"))
    return problems


def _check_progression_loops(roles: Sequence[CatalogueEntry]) -> list[Problem]:
    """Report each cycle in the progression graph once, at the role that closes it."""
    graph = {e.item_id: e for e in roles}
    problems: list[Problem] = []
    reported: set[frozenset[str]] = set()
    for start in sorted(graph):
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            role = graph[node].item
            assert isinstance(role, Role)
            for nxt in role.progression:
                if nxt == start and len(path) > 1:
                    cycle = frozenset(path)
                    if cycle not in reported:
                        reported.add(cycle)
                        loop = " -> ".join([*path, start])
                        problems.append(_problem(graph[node], ("progression",),
                                                 f"progression goes round in a loop: {loop}",
                                                 "a role should only lead to more senior roles"))
                elif nxt in graph and nxt not in path and nxt > start:
                    stack.append((nxt, [*path, nxt]))
    return problems


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text`` (textstat)."""
    return float(textstat.flesch_kincaid_grade(text))


def check_reading_age(roles: Sequence[CatalogueEntry]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in roles:
        role = entry.item
        assert isinstance(role, Role)
        # Bullets are read as one passage: a grade for a four-word phrase means little.
        bullets = " ".join(b.rstrip(".") + "." for b in role.day_to_day)
        problems.extend(_reading_problems(entry, ("summary",), role.summary))
        problems.extend(_reading_problems(entry, ("day_to_day",), bullets))
        for i, route in enumerate(role.entry_routes):
            if route.entry_requirements:
                problems.extend(_reading_problems(entry, ("entry_routes", i, "entry_requirements"),
                                                  route.entry_requirements))
    return problems


def _reading_problems(entry: CatalogueEntry, loc: FieldPath, text: str) -> list[Problem]:
    problems = []
    grade = reading_grade(text) if len(text.split()) >= MIN_WORDS_TO_GRADE else 0.0
    if grade > MAX_READING_GRADE:
        problems.append(_problem(entry, loc, f"reading grade {grade:.1f} is above {MAX_READING_GRADE:g}",
                                 "use shorter sentences and everyday words", Severity.WARNING))
    for sentence in _sentences(text):
        words = len(sentence.split())
        if words > MAX_SENTENCE_WORDS:
            problems.append(_problem(entry, loc, f"a sentence has {words} words",
                                     f"keep sentences to {MAX_SENTENCE_WORDS} words or fewer",
                                     Severity.WARNING))
    return problems


