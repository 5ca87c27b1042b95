"""Allow-list checks for query strings and forms: anything unexpected is a 400 page.

Each view says which names it accepts and what each may hold. A name it does not list, a
value outside the allowed set, a repeated single value or over-long text all raise
:class:`~web.errors.PageError` (400), so nothing unexpected ever reaches the engine.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

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


def query(*names: str) -> MultiDict[str, str]:
    """The query string, checked against ``names``."""
    return only(request.args, names)


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
