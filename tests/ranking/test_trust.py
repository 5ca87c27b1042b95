"""Trust probes: each measure counts what it says, on a hand-made engine stand-in."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from compass.catalogue import Catalogue, load_catalogue
from compass.profile import Profile
from compass.ranking.engine import Engine
from compass.ranking.trust import (
    DEFAULT_PROBES,
    NIGHT_SHARE_LIMIT,
    Probe,
    ProbeSetError,
    ProbeSets,
    aversion_failures,
    days_only_nights,
    earn_now_breaks,
    earn_now_problems,
    load_probes,
    measure_trust,
    named_job_misses,
    not_for_me_unstable,
    reorder_check,
)

# ------------------------------------------------------------------ the stand-in engine


@dataclass(frozen=True)
class FakeRoute:
    paid_while_training: bool = True
    pays_from_start: bool = True
    needs_degree_first: bool = False
    needs_registration_first: bool = False


@dataclass(frozen=True)
class FakeStep:
    route: FakeRoute = FakeRoute()


@dataclass(frozen=True)
class FakeWork:
    shifts: tuple[str, ...] = ("days",)


@dataclass(frozen=True)
class FakeRole:
    id: str
    work: FakeWork = FakeWork()


@dataclass(frozen=True)
class FakeRec:
    role: FakeRole
    route: FakeStep = FakeStep()
    worth_knowing: tuple[str, ...] = ()


def rec(role_id: str, shifts: tuple[str, ...] = ("days",), flagged: bool = False,
        **route: bool) -> FakeRec:
    return FakeRec(FakeRole(role_id, FakeWork(shifts)), FakeStep(FakeRoute(**route)),
                   ("This job has night shifts.",) if flagged else ())


def plain(*role_ids: str) -> list[FakeRec]:
    return [rec(r) for r in role_ids]


TEN = [f"role-{i}" for i in range(1, 11)]   # role-1 ... role-10
ELEVEN = [*TEN, "role-11"]


@dataclass
class FakeEngine:
    """Answers by the profile's free text; 'not for me' behaviour is chosen per test."""

    lists: dict[str, list[FakeRec]]
    on_hide: str = "drop"          # drop | swap | ignore | push-out
    calls: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)

    def recommend(self, profile: Profile, top: int = 10, *,
                  not_for_me: Iterable[str] = ()) -> Sequence[FakeRec]:
        hidden = tuple(not_for_me)
        self.calls.append((profile.free_text, top, hidden))
        shown = list(self.lists[profile.free_text])
        if hidden:
            shown = self._hide(shown, hidden)
        return shown[:top]

    def _hide(self, shown: list[FakeRec], hidden: tuple[str, ...]) -> list[FakeRec]:
        if self.on_hide == "ignore":
            return shown
        shown = [r for r in shown if r.role.id not in hidden]
        if self.on_hide == "swap":
            shown[0], shown[1] = shown[1], shown[0]
        if self.on_hide == "push-out":
            shown = [r for r in shown if r.role.id != "role-6"]
        return shown


def probe(key: str, avoided: tuple[str, ...] = (), named: str = "") -> Probe:
    """A probe whose free text is its id, so the fake engine knows which list to give."""
    return Probe(key, Profile(free_text=key), avoided=avoided, named=named)


# ------------------------------------------------------------------ aversion


def test_an_avoided_role_in_the_top_five_fails_and_sixth_does_not() -> None:
    engine = FakeEngine({"at-3": plain("a", "b", "phlebotomist", "c", "d", "e"),
                         "at-6": plain("a", "b", "c", "d", "e", "phlebotomist"),
                         "absent": plain("a", "b")})
    probes = [probe(k, avoided=("phlebotomist", "practice-nurse")) for k in ("at-3", "at-6", "absent")]
    failed, details = aversion_failures(engine, probes)
    assert failed == ["at-3"]
    assert details == ["aversion at-3: phlebotomist at 3"]


# ------------------------------------------------------------------ named job


def test_a_named_role_must_be_in_the_top_ten() -> None:
    engine = FakeEngine({"tenth": plain(*TEN[:9], "midwife"),
                         "eleventh": plain(*TEN, "midwife"),
                         "first": plain("midwife", *TEN)})
    probes = [probe(k, named="midwife") for k in ("tenth", "eleventh", "first")]
    missed, details = named_job_misses(engine, probes)
    assert missed == ["eleventh"]
    assert "midwife not shown" in details[0]


# ------------------------------------------------------------------ days only


def test_night_share_counts_nights_and_on_call_over_every_top_ten() -> None:
    engine = FakeEngine({
        "one": [rec("nurse", ("shifts", "nights"), flagged=True), *plain(*TEN[:9])],
        "two": [rec("it", ("days", "on-call")), rec("porter", ("shifts", "weekends")), *plain(*TEN[:8])],
    })
    count = days_only_nights(engine, [probe("one"), probe("two")])
    assert (count.shown, count.nights, count.unflagged) == (20, 2, 1)
    assert count.share == pytest.approx(0.10)
    assert count.details == ("days only two: it works nights or on call, with no Worth knowing line",)


def test_night_share_is_zero_when_nothing_is_shown() -> None:
    assert days_only_nights(FakeEngine({"x": []}), [probe("x")]).share == 0.0


# ------------------------------------------------------------------ earn now


@pytest.mark.parametrize(("route", "stage", "problems"), [
    ({}, "college", []),
    ({"paid_while_training": False, "pays_from_start": False}, "college",
     ["unpaid", "not paid from the start"]),
    ({"pays_from_start": False}, "working", ["not paid from the start"]),
    ({"needs_degree_first": True}, "college", ["needs a degree first"]),
    ({"needs_degree_first": True}, "university", []),
    ({"needs_registration_first": True}, "university", ["needs a registration first"]),
])
def test_earn_now_problems(route: dict[str, bool], stage: str, problems: list[str]) -> None:
    profile = Profile.from_dict({"stage": stage, "constraints": {"max_study_years": 0}})
    assert earn_now_problems(rec("x", **route), profile) == problems


def test_earn_now_breaks_count_recommendations_not_probes() -> None:
    engine = FakeEngine({
        "a": [rec("ok"), rec("degree", paid_while_training=False, pays_from_start=False),
              rec("reg", needs_registration_first=True)],
        "b": [rec("ok"), rec("ok-too")],
    })
    breaks, details = earn_now_breaks(engine, [probe("a"), probe("b")])
    assert breaks == 2
    assert details == ["earn now a: degree (unpaid, not paid from the start)",
                       "earn now a: reg (needs a registration first)"]


# ------------------------------------------------------------------ not for me


def test_reorder_check() -> None:
    before = TEN
    assert reorder_check(before, [r for r in before if r != "role-5"]) == (True, 0)
    assert reorder_check(before, ["role-2", "role-1", *before[2:4], *before[5:]]) == (False, 0)
    assert reorder_check(before, before) == (False, 0)            # the hidden role is still there
    assert reorder_check(before, [*before[:4], *before[6:], "x"]) == (True, 1)


@pytest.mark.parametrize(("on_hide", "unstable", "pushed_out"), [
    ("drop", [], 0), ("swap", ["p"], 0), ("ignore", ["p"], 0), ("push-out", [], 1)])
def test_not_for_me_hides_the_fifth(on_hide: str, unstable: list[str], pushed_out: int) -> None:
    engine = FakeEngine({"p": plain(*ELEVEN), "short": plain("a", "b", "c")}, on_hide=on_hide)
    got, gone, details = not_for_me_unstable(engine, [probe("p"), probe("short")])
    assert (got, gone) == (unstable, pushed_out)
    assert ("p", 10, ("role-5",)) in engine.calls
    assert len(details) == len(unstable)


# ------------------------------------------------------------------ the whole report


def good_engine() -> FakeEngine:
    return FakeEngine({
        "blood": plain(*TEN), "physio": plain("physiotherapist", *TEN[:9]),
        "days": [rec("nurse", ("nights",), flagged=True), *plain(*TEN[:9])],
        "earn": plain(*TEN), "nfm": plain(*ELEVEN)})


def sets() -> ProbeSets:
    return ProbeSets(aversion=(probe("blood", avoided=("phlebotomist",)),),
                     named_job=(probe("physio", named="physiotherapist"),),
                     days_only=(probe("days"),), earn_now=(probe("earn"),), not_for_me=(probe("nfm"),))


def test_a_listening_engine_passes() -> None:
    report = measure_trust(good_engine(), sets())
    assert report.passes
    assert report.days_only_night_share == pytest.approx(0.1)
    assert report.days_only_night_share <= NIGHT_SHARE_LIMIT
    assert report.counts == {"aversion": 1, "named_job": 1, "days_only": 1, "earn_now": 1,
                             "not_for_me": 1}
    text = report.render()
    assert text.splitlines()[0].split() == ["measure", "result", "target"]
    assert "FAIL" not in text and text.splitlines()[-1] == "overall: pass"


@pytest.mark.parametrize(("key", "bad", "failing"), [
    ("blood", plain("phlebotomist", *TEN[:9]), "aversion"),
    ("physio", plain(*TEN), "named job"),
    ("days", [rec("nurse", ("nights",), flagged=True), rec("doc", ("on-call",), flagged=True),
              *plain(*TEN[:8])], "days only"),
    ("days", [rec("nurse", ("nights",)), *plain(*TEN[:9])], "days only, unflagged"),
    ("earn", [rec("x", pays_from_start=False), *plain(*TEN[:9])], "earn now"),
])
def test_each_measure_can_fail_the_report(key: str, bad: list[FakeRec], failing: str) -> None:
    engine = good_engine()
    engine.lists[key] = bad
    report = measure_trust(engine, sets())
    assert not report.passes
    assert [row[0].split(" (")[0] for row in report.rows() if not row[3]] == [failing]
    assert report.details and "overall: FAIL" in report.render()


def test_an_unstable_not_for_me_fails_the_report() -> None:
    engine = replace(good_engine(), on_hide="swap")
    report = measure_trust(engine, sets())
    assert report.not_for_me_unstable == ("nfm",) and not report.passes


# ------------------------------------------------------------------ loading


@pytest.fixture(scope="module")
def real_catalogue() -> Catalogue:
    return load_catalogue()


def test_the_shipped_probes_load_against_the_real_catalogue(real_catalogue: Catalogue) -> None:
    probes = load_probes(real_catalogue, DEFAULT_PROBES)
    counts = probes.counts()
    assert counts["aversion"] >= 40 and counts["named_job"] >= 40
    assert min(counts["days_only"], counts["earn_now"], counts["not_for_me"]) >= 25
    assert all(p.profile.free_text for p in (*probes.aversion, *probes.named_job))
    assert all(real_catalogue.has_role(r) for p in probes.aversion for r in p.avoided)
    assert all(real_catalogue.has_role(p.named) for p in probes.named_job)
    assert len(probes.content_hash) == 64


BAD_PROBES = """\
aversion:
  - id: one
    profile: {free_text: "I hate blood"}
    avoided: [phlebotomst]
  - id: two
    profile: {likes: {science: 1.0}}
    avoided: [phlebotomist]
named_job:
  - id: one
    profile: {free_text: "physio"}
    named: physiotherapist
    colour: blue
days_only:
  - id: three
    profile: {constraints: {shift_work_ok: true}}
earn_now:
  - id: four
    profile: {age: 99, constraints: {max_study_years: 0}}
not_for_me:
  - id: five
    profile: {}
extra_set: []
"""


def test_every_problem_is_reported_with_its_line(tmp_path: Path, real_catalogue: Catalogue) -> None:
    path = tmp_path / "probes.yaml"
    path.write_text(textwrap.dedent(BAD_PROBES))
    with pytest.raises(ProbeSetError) as caught:
        load_probes(real_catalogue, path)
    rendered = [p.render() for p in caught.value.problems]
    assert any(":4:" in r and "did you mean 'phlebotomist'" in r for r in rendered)
    assert any(":6:" in r and "needs free_text" in r for r in rendered)
    assert any(":9:" in r and "'one' is used twice" in r for r in rendered)
    assert any(":12:" in r and "colour" in r for r in rendered)
    assert any(":15:" in r and "shift_work_ok: false" in r for r in rendered)
    assert any(":18:" in r and "age" in r for r in rendered)
    assert any(":22:" in r and "is not a probe set" in r for r in rendered)
    assert len(rendered) == 7


def test_a_missing_set_is_an_error(tmp_path: Path, real_catalogue: Catalogue) -> None:
    path = tmp_path / "probes.yaml"
    path.write_text("aversion: []\n")
    with pytest.raises(ProbeSetError) as caught:
        load_probes(real_catalogue, path)
    assert {p.field for p in caught.value.problems} == {"aversion", "named_job", "days_only",
                                                         "earn_now", "not_for_me"}


@pytest.mark.slow  # the real engine and sentence model over every shipped probe
def test_the_shipped_engine_passes_every_trust_probe(shipped_engine: Engine) -> None:
    """The first promise, on the real catalogue and models: no avoided role in a top five,
    every named job in the top ten, days only and earn now kept, not for me stable."""
    report = measure_trust(shipped_engine, load_probes(shipped_engine.catalogue))
    assert report.passes, report.render()
