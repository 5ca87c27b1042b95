"""The suggestion cards of a list, rendered once and kept while the list is.

A results page is mostly its ten cards. The cards hold nothing but the list itself: no
CSRF token or anything else about one visit (the forms their buttons belong to come after
the list), so the same list renders the same cards.
:class:`~compass.suggestions.SuggestionCache` hands back the same ``Suggestions`` object
for the same answers, so the cards are kept beside it, and go when it goes.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

from flask import Flask, current_app, render_template, request
from markupsafe import Markup

from compass.suggestions import CACHED_LISTS, Suggestions

CARDS = "compass_cards"

CardKey = tuple[int, bool, str, tuple[tuple[str, str], ...]]


def cards(suggestions: Suggestions, interactive: bool = False,
          steps_args: Mapping[str, str] | None = None) -> Markup:
    """The ``<ol>`` of cards for ``suggestions`` (``results/_cards.html``)."""
    args = tuple(sorted((steps_args or {}).items()))
    kept: dict[CardKey, tuple[weakref.ref[Suggestions], Markup]] = \
        current_app.extensions.setdefault(CARDS, {})
    key = (id(suggestions), interactive, request.script_root, args)
    found = kept.get(key)
    if found is not None and found[0]() is suggestions:
        return found[1]
    html = Markup(render_template("results/_cards.html", suggestions=suggestions,
                                  interactive=interactive, steps_args=dict(args)))
    kept.pop(key, None)
    kept[key] = (weakref.ref(suggestions), html)
    while len(kept) > CACHED_LISTS:  # as many as the suggestion cache; oldest dropped first
        kept.pop(next(iter(kept)), None)  # another thread may have dropped it already
    return html


def init_app(app: Flask) -> None:
    app.jinja_env.globals["cards"] = cards
