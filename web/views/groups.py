"""Group sessions: an adviser's class tally of anonymous counts, and pupils joining it.

An adviser starts a session and gets a join code for the board and a private tally page.
A pupil who chooses to join, from their results page, adds only the job families of their
top 10 suggestions, the kinds of those suggestions' best routes, and whether they want to
be paid while they learn: a :class:`~compass.groups.Contribution`, never answers or free
text. The tally (counts only, in a :class:`~compass.groups.TallyStore`, SQLite by default)
shows nothing until ``MIN_GROUP_SIZE`` pupils have joined and is deleted after a day.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from compass.catalogue.vocab import Family, RouteKind
from compass.groups import (
    JOIN_CODE_LENGTH,
    MIN_GROUP_SIZE,
    Contribution,
    GroupError,
    Tally,
    normalise_join_code,
)
from web import journey, params
from web.answer_form import FieldError
from web.errors import PageError
from web.filters import day
from web.pages import join_url, qr_svg, suggestions_for
from web.security import count_lookup
from web.services import current_services
from web.stores import group_store

bp = Blueprint("groups", __name__)
JOINED = "joined_groups"   # session: digests of the join codes this browser has joined
STARTED = "started_group"  # session: the open tally's adviser key, and its join code if started here
MOST_JOINED = 5
MAX_JOIN_LENGTH = 20
MAX_KEY_LENGTH = 64
UK_TIME = ZoneInfo("Europe/London")
ADVISER_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
ENDED = PageError(404, "This group session has ended",
                  "Group sessions and their counts are deleted a day after they start, and the "
                  "link may have a typing mistake. Start a new session for your class.")


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int  # of the pupils who joined


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: tuple[Bar, ...]


# ---- the adviser's side -------------------------------------------------------------------

@bp.get("/groups")
def index() -> str:
    return render_template("groups/index.html", errors=(), entered="")


@bp.post("/groups/start")
def start() -> Response:
    params.form()
    count_lookup("group-start")
    started = group_store().start_session()
    session[STARTED] = {"key": started.adviser_key, "join_code": started.join_code}
    return redirect(url_for("groups.tally"), code=303)


@bp.post("/groups/tally")
def open_tally() -> Response | tuple[str, int]:
    """The form on the groups page: open a tally from its adviser key (posted, then kept in
    this browser's encrypted session, so the key never appears in a web address)."""
    typed = params.text(params.form("key"), "key", MAX_KEY_LENGTH).strip()
    if ADVISER_KEY.fullmatch(typed):
        started = session.get(STARTED)
        join_code = started.get("join_code") if isinstance(started, dict) and started.get("key") == typed \
            else None
        session[STARTED] = {"key": typed, "join_code": join_code}
        return redirect(url_for("groups.tally"), code=303)
    message = "Enter your adviser key" if not typed else \
        "That is not an adviser key. Copy it from the page you saw when you started the session."
    return render_template("groups/index.html", errors=(FieldError("key", message),),
                           entered=typed), 400


@bp.get("/groups/tally")
def tally() -> str | Response:
    started = session.get(STARTED)
    if not isinstance(started, dict) or not isinstance(started.get("key"), str):
        return redirect(url_for("groups.index"))
    adviser_key: str = started["key"]
    count_lookup("group-tally")
    if not ADVISER_KEY.fullmatch(adviser_key):
        raise ENDED
    try:
        counts = group_store().tally(adviser_key)
    except GroupError:
        raise ENDED from None
    join_code = started.get("join_code")
    return render_template("groups/tally.html", tally=counts, join_code=join_code,
                           join_qr=qr_svg(join_url(join_code), "QR code to join this class")
                           if join_code else None, ends=when(counts.expires_at),
                           charts=charts(counts) if counts.big_enough else (),
                           still_needed=max(MIN_GROUP_SIZE - counts.participants, 0),
                           min_size=MIN_GROUP_SIZE, top_families=top_families(counts))


@bp.get("/groups/key")
def key() -> str | Response:
    """The adviser key on a page of its own, so the projected tally never shows it."""
    started = session.get(STARTED)
    if not isinstance(started, dict) or not isinstance(started.get("key"), str):
        return redirect(url_for("groups.index"))
    return render_template("groups/key.html", adviser_key=started["key"])


def when(moment: datetime) -> str:
    """'9:05am on 23 November 2026', in UK time."""
    local = moment.astimezone(UK_TIME)
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'} on {day(local.date())}"


def charts(tally: Tally) -> tuple[Chart, ...]:
    """Bar charts of the tally: job families, kinds of route, and paid while learning."""
    families = {f.value: f.label for f in Family}
    kinds = {k.value: k.label for k in RouteKind}
    earn = tally.earn_while_learning
    return (
        _chart(tally, "families", "Kinds of job in pupils' top 10",
               {families.get(k, k): n for k, n in tally.families.items()}),
        _chart(tally, "routes", "Best ways in for those jobs",
               {kinds.get(k, k): n for k, n in tally.route_kinds.items()}),
        _chart(tally, "earn", "Want to be paid while they learn",
               {"Yes": earn, "No or not sure": tally.participants - earn}, keep_order=True),
    )


def top_families(tally: Tally, most: int = 3) -> tuple[Family, ...]:
    if not tally.big_enough:
        return ()
    known = {f.value: f for f in Family}
    ranked = sorted((k for k in tally.families if k in known), key=lambda k: (-tally.families[k], k))
    return tuple(known[k] for k in ranked[:most])


def _chart(tally: Tally, chart_id: str, title: str, counts: dict[str, int],
           keep_order: bool = False) -> Chart:
    items = list(counts.items()) if keep_order else sorted(counts.items(), key=lambda i: (-i[1], i[0]))
    whole = max(tally.participants, 1)
    return Chart(chart_id, title, tuple(Bar(label, count, round(100 * count / whole))
                                        for label, count in items))


# ---- the pupil's side ---------------------------------------------------------------------

@bp.route("/groups/join", methods=["GET", "POST"])
def join() -> str | Response | tuple[str, int]:
    shared = _contribution()
    if shared is None:
        return redirect(url_for("questions.begin"))
    if request.method == "GET":
        return _join_page(shared, None, "")
    typed = params.text(params.form("join_code"), "join_code", MAX_JOIN_LENGTH)
    code = normalise_join_code(typed)
    if not code:
        return _join_page(shared, "Enter your class code", typed), 400
    joined = _joined()
    if _tag(code) in joined:
        return _join_page(shared, "You have already added your results to this class", typed), 400
    count_lookup("group-join")
    try:
        group_store().add(code, shared)
    except GroupError:
        return _join_page(shared, "That class code does not work. Check it with your teacher. "
                          "Class codes stop working after a day.", typed), 400
    session[JOINED] = [*joined, _tag(code)][-MOST_JOINED:]
    return redirect(url_for("groups.joined"), code=303)


@bp.get("/groups/joined")
def joined() -> str | Response:
    shared = _contribution()
    if shared is None or not _joined():
        return redirect(url_for("groups.join"))
    return render_template("groups/joined.html", shared=shared)


def _contribution() -> Contribution | None:
    """What this browser's pupil would add to a tally, or None before they finish the questions."""
    services = current_services()
    answers = journey.complete_answers(services.flow)
    if answers is None:
        return None
    return Contribution.from_suggestions(suggestions_for(answers, journey.not_for_me(services.catalogue)))


def _join_page(shared: Contribution, error: str | None, entered: str) -> str:
    errors = (FieldError("join_code", error),) if error else ()
    families = [f for f in Family if f.value in shared.families]
    kinds = [k for k in RouteKind if k.value in shared.route_kinds]
    return render_template("groups/join.html", errors=errors, entered=entered, families=families,
                           kinds=kinds, earn=shared.earn_while_learning,
                           code_length=JOIN_CODE_LENGTH)


def _joined() -> list[str]:
    raw = session.get(JOINED)
    return [t for t in raw if isinstance(t, str)] if isinstance(raw, list) else []


def _tag(secret: str) -> str:
    """A short digest of a code, so a session cookie never holds a pupil's join code or a key."""
    return hashlib.sha256(secret.encode()).hexdigest()[:16]
