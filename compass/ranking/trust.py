"""Trust probes: does the engine listen to what a person told us?

``evaluation/probes.yaml`` holds five probe sets (see the comment at its top). Each probe
has an ``id``, a ``profile`` (Profile JSON) and an optional ``note``; some sets add a field:

* ``aversion``: ``avoided``, role ids whose core work the free text says they do not want.
  None of them may be in the top 5.
* ``named_job``: ``named``, the role id the free text names. It must be in the top 10.
* ``days_only``: ``shift_work_ok`` is false. At most 10% of the top 10s may work nights or
  on call, and each of those must carry a "Worth knowing" line.
* ``earn_now``: ``max_study_years`` 0 or ``earn_while_learning``. No top-10 step may be
  unpaid, not paid from the start, or need a registration first, or a degree first
  (unless they are at university, which the route rules treat as having a degree).
* ``not_for_me``: after "not for me" on the 5th suggestion, the other nine keep their order
  relative to each other (among those still shown; ones pushed out are counted, not failed).

:func:`load_probes` reports every problem with its file and line, like the judgement set;
:func:`measure_trust` runs any object with the engine's ``recommend`` and returns a
:class:`TrustReport`.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from compass.catalogue import Catalogue
from compass.catalogue.vocab import NIGHT_SHIFTS, Stage
from compass.errors import Problem, ProblemsError, ProfileError, display_path
from compass.profile import Profile
from compass.yamlio import LineMap, load_yaml

DEFAULT_PROBES = Path(__file__).resolve().parents[2] / "evaluation" / "probes.yaml"
SETS = ("aversion", "named_job", "days_only", "earn_now", "not_for_me")
AVERSION_TOP = 5
TOP = 10
HIDDEN_RANK = 5            # "not for me" is pressed on this suggestion (1-based)
NIGHT_SHARE_LIMIT = 0.10
_EXTRA_FIELD = {"aversion": "avoided", "named_job": "named"}
_COMMON_FIELDS = frozenset({"id", "note", "profile"})


class ProbeSetError(ProblemsError):
    """The trust probe file (evaluation/probes.yaml) has errors."""


# What the measures read from a recommendation: the engine's Recommendation has all of it.
class _Route(Protocol):
    @property
    def paid_while_training(self) -> bool: ...
    @property
    def pays_from_start(self) -> bool: ...
    @property
    def needs_degree_first(self) -> bool: ...
    @property
    def needs_registration_first(self) -> bool: ...


class _Step(Protocol):
    @property
    def route(self) -> _Route: ...


class _Work(Protocol):
    @property
    def shifts(self) -> Sequence[str]: ...


class _Role(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def work(self) -> _Work: ...


class Suggestion(Protocol):
    @property
    def role(self) -> _Role: ...
    @property
    def route(self) -> _Step: ...
    @property
    def worth_knowing(self) -> Sequence[str]: ...


class Recommender(Protocol):
    def recommend(self, profile: Profile, top: int = ...,
                  *, not_for_me: Iterable[str] = ...) -> Sequence[Suggestion]: ...


@dataclass(frozen=True)
class Probe:
    """One made-up person; ``avoided`` and ``named`` are used only by their own sets."""

    id: str
    profile: Profile
    note: str = ""
    avoided: tuple[str, ...] = ()
    named: str = ""


@dataclass(frozen=True)
class ProbeSets:
    aversion: tuple[Probe, ...]
    named_job: tuple[Probe, ...]
    days_only: tuple[Probe, ...]
    earn_now: tuple[Probe, ...]
    not_for_me: tuple[Probe, ...]
    content_hash: str = ""

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in SETS}


@dataclass(frozen=True)
class TrustReport:
    """What the engine did with the probes. Failures are listed by probe id."""

    counts: Mapping[str, int]
    aversion_failures: tuple[str, ...]
    named_job_misses: tuple[str, ...]
    days_only_night_share: float
    days_only_night_roles: int
    days_only_unflagged: int
    earn_now_breaks: int
    not_for_me_unstable: tuple[str, ...]
    not_for_me_pushed_out: int = 0
    details: tuple[str, ...] = ()

    @property
    def passes(self) -> bool:
        return (not self.aversion_failures and not self.named_job_misses
                and self.earn_now_breaks == 0 and not self.not_for_me_unstable
                and self.days_only_night_share <= NIGHT_SHARE_LIMIT
                and self.days_only_unflagged == 0)

    def rows(self) -> list[tuple[str, str, str, bool]]:
        """(measure, result, target, ok) for each measure."""
        c = self.counts
        return [
            (f"aversion ({c['aversion']})", f"{len(self.aversion_failures)} with an avoided role"
             f" in the top {AVERSION_TOP}", "0", not self.aversion_failures),
            (f"named job ({c['named_job']})", f"{len(self.named_job_misses)} not in the top {TOP}",
             "0", not self.named_job_misses),
            (f"days only ({c['days_only']})", f"{self.days_only_night_share:.1%} nights or on call",
             f"<= {NIGHT_SHARE_LIMIT:.0%}", self.days_only_night_share <= NIGHT_SHARE_LIMIT),
            ("days only, unflagged", f"{self.days_only_unflagged} of {self.days_only_night_roles}"
             " with no Worth knowing line", "0", self.days_only_unflagged == 0),
            (f"earn now ({c['earn_now']})", f"{self.earn_now_breaks} suggestions that do not pay"
             " from the start", "0", self.earn_now_breaks == 0),
            (f"not for me ({c['not_for_me']})", f"{len(self.not_for_me_unstable)} reordered"
             f" ({self.not_for_me_pushed_out} roles pushed out)", "0", not self.not_for_me_unstable),
        ]

    def render(self) -> str:
        """A short plain-text table, then one line per failure."""
        rows = [("measure", "result", "target", "")] + [
            (m, r, t, "ok" if ok else "FAIL") for m, r, t, ok in self.rows()]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, [*widths, 0], strict=True)).rstrip()
                 for row in rows]
        lines.append(f"overall: {'pass' if self.passes else 'FAIL'}")
        return "\n".join([*lines, *(f"  - {d}" for d in self.details)])


# ---------------------------------------------------------------------------- loading


@dataclass
class _Context:
    shown: str
    lines: LineMap
    catalogue: Catalogue
    problems: list[Problem]

    def problem(self, path: tuple[str | int, ...], message: str, hint: str = "") -> None:
        field = f"{path[0]}[{path[1]}]" + "".join(f".{p}" for p in path[2:])
        self.problems.append(Problem(self.shown, self.lines.line_of(path), field, message, hint))

    def known_role(self, path: tuple[str | int, ...], role_id: object) -> bool:
        if isinstance(role_id, str) and self.catalogue.has_role(role_id):
            return True
        guess = difflib.get_close_matches(str(role_id), self.catalogue.role_ids, n=1)
        self.problem(path, f"no role has the id '{role_id}'", f"did you mean '{guess[0]}'?" if guess else "")
        return False


def load_probes(catalogue: Catalogue, path: Path = DEFAULT_PROBES) -> ProbeSets:
    """Every probe set in ``path``; raises :class:`ProbeSetError` listing every problem."""
    doc, problems = load_yaml(path)
    if doc is None:
        raise ProbeSetError(problems)
    context = _Context(display_path(path), doc.lines, catalogue, problems)
    data = doc.data if isinstance(doc.data, dict) else {}
    for key in data:
        if key not in SETS:
            problems.append(Problem(context.shown, doc.lines.line_of((str(key),)), str(key),
                                    "is not a probe set", f"use {', '.join(SETS)}"))
    seen: set[str] = set()
    sets = {name: _load_set(name, data.get(name), context, seen) for name in SETS}
    if problems:
        raise ProbeSetError(problems)
    return ProbeSets(**sets, content_hash=hashlib.sha256(path.read_bytes()).hexdigest())


def _load_set(name: str, entries: Any, context: _Context, seen: set[str]) -> tuple[Probe, ...]:
    if not isinstance(entries, list) or not entries:
        context.problems.append(Problem(context.shown, context.lines.line_of((name,)), name,
                                        "expected a list of probes"))
        return ()
    probes = (_probe(name, i, entry, context, seen) for i, entry in enumerate(entries))
    return tuple(p for p in probes if p is not None)


def _probe(name: str, i: int, entry: Any, context: _Context, seen: set[str]) -> Probe | None:
    extra = _EXTRA_FIELD.get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        context.problem((name, i), "each probe needs an 'id' and a 'profile'"
                        + (f" and '{extra}'" if extra else ""))
        return None
    if entry["id"] in seen:
        context.problem((name, i, "id"), f"'{entry['id']}' is used twice")
    seen.add(entry["id"])
    for key in set(entry) - _COMMON_FIELDS - ({extra} if extra else set()):
        context.problem((name, i, str(key)), "is not a field of a probe in this set")
    try:
        profile = Profile.from_dict(entry.get("profile", {}))
    except ProfileError as exc:
        context.problem((name, i, "profile"), str(exc))
        return None
    if not _fits_set(name, i, profile, context):
        return None
    probe = Probe(entry["id"], profile, str(entry.get("note", "")))
    return _with_extra(name, i, entry.get(extra) if extra else None, probe, context)


def _fits_set(name: str, i: int, profile: Profile, context: _Context) -> bool:
    """Whether the profile is the kind of person its set is about."""
    c = profile.constraints
    rules: dict[str, tuple[bool, str]] = {
        "aversion": (bool(profile.free_text.strip()), "needs free_text saying what they avoid"),
        "named_job": (bool(profile.free_text.strip()), "needs free_text naming the job"),
        "days_only": (c.shift_work_ok is False, "needs constraints.shift_work_ok: false"),
        "earn_now": (c.max_study_years == 0 or c.earn_while_learning,
                     "needs constraints.max_study_years: 0 or earn_while_learning: true"),
    }
    ok, message = rules.get(name, (True, ""))
    if not ok:
        context.problem((name, i, "profile"), message)
    return ok


def _with_extra(name: str, i: int, value: Any, probe: Probe, context: _Context) -> Probe | None:
    if name == "named_job":
        if value is None:
            context.problem((name, i), "needs 'named': the role id the free text names")
            return None
        return Probe(probe.id, probe.profile, probe.note, named=value) \
            if context.known_role((name, i, "named"), value) else None
    if name == "aversion":
        if not isinstance(value, list) or not value:
            context.problem((name, i), "needs 'avoided': a list of role ids")
            return None
        known = [context.known_role((name, i, "avoided"), role_id) for role_id in value]
        return Probe(probe.id, probe.profile, probe.note, avoided=tuple(value)) if all(known) else None
    return probe


# ---------------------------------------------------------------------------- measures


def _ids(suggestions: Sequence[Suggestion]) -> list[str]:
    return [s.role.id for s in suggestions]


def aversion_failures(engine: Recommender, probes: Iterable[Probe]) -> tuple[list[str], list[str]]:
    """Probe ids with an avoided role in the top 5, and a detail line for each."""
    failed: list[str] = []
    details: list[str] = []
    for probe in probes:
        shown = _ids(engine.recommend(probe.profile, top=TOP))[:AVERSION_TOP]
        hits = [f"{role_id} at {shown.index(role_id) + 1}" for role_id in probe.avoided if role_id in shown]
        if hits:
            failed.append(probe.id)
            details.append(f"aversion {probe.id}: {', '.join(hits)}")
    return failed, details


def named_job_misses(engine: Recommender, probes: Iterable[Probe]) -> tuple[list[str], list[str]]:
    """Probe ids whose named role is not in the top 10."""
    missed = [p for p in probes if p.named not in _ids(engine.recommend(p.profile, top=TOP))]
    return [p.id for p in missed], [f"named job {p.id}: {p.named} not shown" for p in missed]


@dataclass(frozen=True)
class NightCount:
    shown: int
    nights: int
    unflagged: int
    details: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.nights / self.shown if self.shown else 0.0


def days_only_nights(engine: Recommender, probes: Iterable[Probe]) -> NightCount:
    """Top-10 roles shown to days-only people that work nights or on call, and unflagged ones."""
    shown = nights = 0
    unflagged: list[str] = []
    for probe in probes:
        suggestions = engine.recommend(probe.profile, top=TOP)
        shown += len(suggestions)
        at_night = [s for s in suggestions if NIGHT_SHIFTS.intersection(s.role.work.shifts)]
        nights += len(at_night)
        unflagged += [f"days only {probe.id}: {s.role.id} works nights or on call, with no Worth knowing line"
                      for s in at_night if not s.worth_knowing]
    count = NightCount(shown, nights, len(unflagged), tuple(unflagged))
    if count.share > NIGHT_SHARE_LIMIT:
        summary = (f"days only: {nights} of {shown} suggestions work nights or on call"
                   f" ({count.share:.1%}, limit {NIGHT_SHARE_LIMIT:.0%})")
        return replace(count, details=(summary, *count.details))
    return count


def earn_now_problems(suggestion: Suggestion, profile: Profile) -> list[str]:
    """Why this suggestion's best step does not let the person earn from the start."""
    route = suggestion.route.route
    checks: list[tuple[bool, str]] = [
        (not route.paid_while_training, "unpaid"),
        (not route.pays_from_start, "not paid from the start"),
        (route.needs_degree_first and profile.stage is not Stage.UNIVERSITY, "needs a degree first"),
        (route.needs_registration_first, "needs a registration first"),
    ]
    return [message for broken, message in checks if broken]


def earn_now_breaks(engine: Recommender, probes: Iterable[Probe]) -> tuple[int, list[str]]:
    """Top-10 suggestions whose best step breaks "earn now" or "earn while you learn"."""
    details: list[str] = []
    for probe in probes:
        for suggestion in engine.recommend(probe.profile, top=TOP):
            problems = earn_now_problems(suggestion, probe.profile)
            if problems:
                details.append(f"earn now {probe.id}: {suggestion.role.id} ({', '.join(problems)})")
    return len(details), details


def reorder_check(before: Sequence[str], after: Sequence[str]) -> tuple[bool, int]:
    """Whether ``after`` keeps ``before``'s order (less its hidden 5th), and how many left."""
    hidden = before[HIDDEN_RANK - 1]
    others = [r for r in before if r != hidden]
    kept = [r for r in after if r in others]
    stable = hidden not in after and kept == [r for r in others if r in kept]
    return stable, len(others) - len(kept)


def not_for_me_unstable(engine: Recommender, probes: Iterable[Probe]) -> tuple[list[str], int, list[str]]:
    """Probe ids whose other suggestions change order after "not for me" on the 5th."""
    unstable: list[str] = []
    details: list[str] = []
    pushed_out = 0
    for probe in probes:
        before = _ids(engine.recommend(probe.profile, top=TOP))
        if len(before) < HIDDEN_RANK:
            continue
        after = _ids(engine.recommend(probe.profile, top=TOP, not_for_me=[before[HIDDEN_RANK - 1]]))
        stable, gone = reorder_check(before, after)
        pushed_out += gone
        if not stable:
            unstable.append(probe.id)
            details.append(f"not for me {probe.id}: {' > '.join(before)} became {' > '.join(after)}")
    return unstable, pushed_out, details


def measure_trust(engine: Recommender, probes: ProbeSets) -> TrustReport:
    """Run every probe set through ``engine``."""
    averse, averse_details = aversion_failures(engine, probes.aversion)
    missed, missed_details = named_job_misses(engine, probes.named_job)
    nights = days_only_nights(engine, probes.days_only)
    breaks, break_details = earn_now_breaks(engine, probes.earn_now)
    unstable, pushed_out, unstable_details = not_for_me_unstable(engine, probes.not_for_me)
    return TrustReport(
        counts=probes.counts(), aversion_failures=tuple(averse), named_job_misses=tuple(missed),
        days_only_night_share=nights.share, days_only_night_roles=nights.nights,
        days_only_unflagged=nights.unflagged, earn_now_breaks=breaks,
        not_for_me_unstable=tuple(unstable), not_for_me_pushed_out=pushed_out,
        details=(*averse_details, *missed_details, *nights.details, *break_details, *unstable_details),
    )

