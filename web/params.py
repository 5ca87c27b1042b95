"""Reading query strings and forms: only what a view lists ever reaches the engine.

Query strings come from the outside world: links shared on social media carry tracking tags
(``fbclid``, ``utm_source``, ``gclid``), and old links may carry values that no longer
exist. So a query string is read leniently (:class:`Query`): names a view does not list are
never read, a value outside the allowed set is ignored, numbers are clamped into range and
text is cut to length. None of that is an error.

Forms are ours. A posted form with a name the view does not list, a value outside the
allowed set, a repeated single value or over-long text can only be tampering, and raises
:class:`~web.errors.PageError` (400).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from flask import request
from werkzeug.datastructures import MultiDict

from web.errors import bad_request

CSRF_FIELD = "csrf_token"


def only(values: MultiDict[str, str], names: Iterable[str]) -> MultiDict[str, str]:
    """``values`` if every name in it is allowed; otherwise a 400 page."""
    allowed = set(names)
    if any(name not in allowed for name in values):
        raise bad_request()
    return values


@dataclass(frozen=True)
class Query:
    """The query string's values for the names a view reads; nothing else is kept."""

    values: MultiDict[str, str]

    def choice(self, name: str, allowed: Collection[str]) -> str | None:
        """The first value for ``name`` that is one of ``allowed``; None if there is none."""
        return next((v for v in self.values.getlist(name) if v in allowed), None)

    def choices(self, name: str, allowed: Collection[str], most: int) -> list[str]:
        """The allowed values for ``name`` in order, without repeats, at most ``most``."""
        found = [v for v in dict.fromkeys(self.values.getlist(name)) if v in allowed]
        return found[:most]

    def text(self, name: str, longest: int) -> str:
        """The first value for ``name`` ('' if absent), without NULs, cut to ``longest``."""
        value = self.values.get(name, "")
        return value.replace("\x00", "")[:longest]

    def number(self, name: str, lowest: int, highest: int) -> int | None:
        """The first value for ``name`` as a whole number clamped to ``[lowest, highest]``;
        None if absent or not a number."""
        value = self.values.get(name, "").strip()
        if not value.isdigit():
            return None
        return min(max(int(value[:12]), lowest), highest)


def query(*names: str) -> Query:
    """The query string's values for ``names``; any other name is not read."""
    allowed = set(names)
    return Query(MultiDict([(k, v) for k, v in request.args.items(multi=True) if k in allowed]))


def form(*names: str) -> MultiDict[str, str]:
    """The posted form, checked against ``names`` (the CSRF token is always allowed)."""
    return only(request.form, (*names, CSRF_FIELD))


def single(values: MultiDict[str, str], name: str) -> str | None:
    """The one value for ``name``, None if absent; a 400 page if it is given twice."""
    found = values.getlist(name)
    if len(found) > 1:
        raise bad_request()
    return found[0] if found else None


def choice(values: MultiDict[str, str], name: str, allowed: Collection[str]) -> str | None:
    """The value for ``name`` if it is one of ``allowed``; None if absent or empty."""
    value = single(values, name)
    if value is None or value == "":
        return None
    if value not in allowed:
        raise bad_request()
    return value


def choices(values: MultiDict[str, str], name: str, allowed: Collection[str],
            most: int) -> list[str]:
    """Every value for ``name``, each one of ``allowed``, no repeats, at most ``most``."""
    found = values.getlist(name)
    if len(found) > most or len(set(found)) != len(found) or any(v not in allowed for v in found):
        raise bad_request()
    return found


def text(values: MultiDict[str, str], name: str, longest: int) -> str:
    """Free text for ``name`` ('' if absent), refused if longer than ``longest``."""
    value = single(values, name) or ""
    if len(value) > longest or "\x00" in value:
        raise bad_request()
    return value
