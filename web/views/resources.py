"""Lesson resources: a one-page guide for running Career Compass with a class, and role cards.

Role cards are print-ready HTML, one card per role (title, summary, three points from a
normal day, pay, a paid way in if there is one, and where in Leeds), for every role or for
one job family. They can also be downloaded as a single HTML file that carries its own
stylesheet, so it prints the same when opened from a memory stick with no internet.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, current_app, render_template
from markupsafe import Markup
from werkzeug.wrappers import Response

from compass.catalogue import Catalogue, EntryRoute, Role
from compass.catalogue.vocab import Family
from web import params
from web.errors import not_found
from web.services import current_services

bp = Blueprint("resources", __name__)
ALL = "all"
DAY_POINTS = 3
STYLESHEET = Path("css") / "app.css"


@dataclass(frozen=True)
class RoleCard:
    role: Role
    day_to_day: tuple[str, ...]
    paid_route: EntryRoute | None


@dataclass(frozen=True)
class CardSet:
    slug: str
    title: str
    cards: tuple[RoleCard, ...]


@bp.get("/advisers/lesson-guide")
def guide() -> str:
    services = current_services()
    return render_template("resources/guide.html", role_count=len(services.catalogue.roles),
                           code_days=services.settings.share_code_days)


@bp.get("/advisers/role-cards")
def cards() -> str:
    catalogue = current_services().catalogue
    counts = {family: sum(1 for r in catalogue.roles if r.family is family) for family in Family}
    return render_template("resources/cards_index.html", total=len(catalogue.roles),
                           families=[(f, n) for f, n in counts.items() if n])


@bp.get("/advisers/role-cards/<group>")
def cards_for(group: str) -> str | Response:
    download = params.query("download").choice("download", ["1"]) is not None
    card_set = card_set_for(current_services().catalogue, group)
    if not download:
        return render_template("resources/cards.html", card_set=card_set)
    page = render_template("resources/cards_file.html", card_set=card_set,
                           stylesheet=_embedded_stylesheet())
    response = Response(page, mimetype="text/html")
    response.headers["Content-Disposition"] = \
        f'attachment; filename="career-compass-role-cards-{card_set.slug}.html"'
    return response


def card_set_for(catalogue: Catalogue, group: str) -> CardSet:
    """Cards for every role (``all``) or for one family, in title order; 404 otherwise."""
    if group == ALL:
        roles, title = list(catalogue.roles), "All jobs"
    else:
        family = next((f for f in Family if f.value == group), None)
        roles = [r for r in catalogue.roles if family is not None and r.family is family]
        if family is None or not roles:
            raise not_found("There are no role cards for that kind of job. Choose one from the list.")
        title = family.label
    return CardSet(group, title, tuple(role_card(r) for r in sorted(roles, key=lambda r: r.title)))


def role_card(role: Role) -> RoleCard:
    paid = role.paid_ways_in
    return RoleCard(role, role.day_to_day[:DAY_POINTS], paid[0] if paid else None)


def _embedded_stylesheet() -> Markup:
    """This site's own stylesheet, inlined for the downloaded file (it is never served as a
    page: the download is an attachment, and the site's pages keep their no-inline CSP)."""
    static = Path(current_app.static_folder or "")
    css = (static / STYLESHEET).read_text("utf-8").replace("</", "<\\/")
    return Markup("<style>\n") + Markup(css) + Markup("\n</style>")
