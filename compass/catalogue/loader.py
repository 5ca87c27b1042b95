"""Load ``roles_catalogue/``: parse each YAML file, validate it, check cross-references.

Every problem in every file is collected before anything is raised, so a curator sees
the whole list in one run. Loading never mutates a catalogue already in memory: the
caller swaps in the new :class:`Catalogue` only when loading succeeded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.checks import check_cross_references, check_reading_age
from compass.catalogue.models import Glossary, Programme, Provider, Role, SearchWords, WayToTry
from compass.errors import CatalogueError, CheckResult, Problem, Severity, display_path
from compass.validation import validate_document
from compass.yamlio import LineMap, load_yaml

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[2] / "roles_catalogue"
ItemT = TypeVar("ItemT", bound=BaseModel)
CATALOGUE_FOLDERS = ("roles", "providers", "programmes", "ways_to_try")
# Files beside the folders. They change pages and search, not the ranking, so they are not
# part of the content hash the built models are checked against.
SEARCH_WORDS_FILE = "search_words.yaml"
GLOSSARY_FILE = "glossary.yaml"


@dataclass(frozen=True)
class CatalogueEntry:
    """One validated catalogue file (a role, provider, programme or way to try) and where it came from.

    The path and line map let cross-file checks report problems against file and line.
    """

    item: BaseModel
    path: Path
    lines: LineMap

    @property
    def item_id(self) -> str:
        return str(getattr(self.item, "id", self.path.stem))


@dataclass(frozen=True)
class CatalogueCheck(CheckResult):
    """The outcome of checking a catalogue folder: the catalogue if it has no errors."""

    catalogue: Catalogue | None
    problems: tuple[Problem, ...]


def catalogue_files(root: Path) -> list[Path]:
    return sorted(
        p for sub in CATALOGUE_FOLDERS for p in (root / sub).glob("*.y*ml")
    )


def content_hash(root: Path) -> str:
    """SHA-256 over every catalogue file's relative path and bytes."""
    digest = hashlib.sha256()
    for path in catalogue_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _load_folder(folder: Path, model: type[BaseModel], problems: list[Problem]) -> list[CatalogueEntry]:
    loaded: list[CatalogueEntry] = []
    for path in sorted(folder.glob("*.y*ml")):
        doc, found = load_yaml(path)
        problems.extend(found)
        if doc is None:
            continue
        item, found = validate_document(doc, model)
        problems.extend(found)
        if item is not None:
            loaded.append(CatalogueEntry(item, path, doc.lines))
        elif isinstance(doc.data, dict):
            # Still register the id so other files' references to it are not reported too.
            loaded.append(CatalogueEntry(_Placeholder(id=str(doc.data.get("id", path.stem))), path, doc.lines))
    return loaded


def _load_file(path: Path, model: type[ItemT], problems: list[Problem]) -> ItemT | None:
    """One optional file beside the folders (search words, the glossary); None if absent or
    broken (its problems are added)."""
    if not path.exists():
        return None
    doc, found = load_yaml(path)
    problems.extend(found)
    if doc is None:
        return None
    item, found = validate_document(doc, model)
    problems.extend(found)
    return item


class _Placeholder(BaseModel):
    """Stands in for an item whose own errors are already reported."""

    id: str


def check_catalogue(root: Path = DEFAULT_CATALOGUE) -> CatalogueCheck:
    """Load and check every file under ``root``; never raises for content problems."""
    problems: list[Problem] = []
    if not (root / "roles").is_dir():
        problems.append(Problem(display_path(root), 0, "", "there is no roles/ folder here"))
        return CatalogueCheck(None, tuple(problems))
    roles = _load_folder(root / "roles", Role, problems)
    providers = _load_folder(root / "providers", Provider, problems)
    programmes = _load_folder(root / "programmes", Programme, problems)
    ways_to_try = _load_folder(root / "ways_to_try", WayToTry, problems)
    search_words = _load_file(root / SEARCH_WORDS_FILE, SearchWords, problems)
    glossary = _load_file(root / GLOSSARY_FILE, Glossary, problems)
    problems.extend(check_cross_references(roles, providers, programmes, ways_to_try))
    problems.extend(check_reading_age([r for r in roles if isinstance(r.item, Role)]))
    problems.sort()
    if any(p.severity is Severity.ERROR for p in problems):
        return CatalogueCheck(None, tuple(problems))
    warnings = tuple(p for p in problems if p.severity is Severity.WARNING)
    catalogue = Catalogue(
        roles=tuple(_items(roles, Role)),
        providers={p.id: p for p in _items(providers, Provider)},
        programmes={g.id: g for g in _items(programmes, Programme)},
        ways_to_try={w.id: w for w in _items(ways_to_try, WayToTry)},
        search_words=search_words or SearchWords(),
        glossary=glossary.terms if glossary else (),
        content_hash=content_hash(root),
        warnings=warnings,
    )
    return CatalogueCheck(catalogue, tuple(problems))


def _items(loaded: list[CatalogueEntry], model: type[ItemT]) -> list[ItemT]:
    return [entry.item for entry in loaded if isinstance(entry.item, model)]


def load_catalogue(root: Path = DEFAULT_CATALOGUE) -> Catalogue:
    """The catalogue under ``root``; raises :class:`CatalogueError` listing every error."""
    result = check_catalogue(root)
    if result.catalogue is None:
        raise CatalogueError(list(result.errors))
    return result.catalogue
