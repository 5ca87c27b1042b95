"""Which entry routes fit a person: the hard constraints, for all roles at once.

A route fits when the person could take it given what they told us:

* ``max_study_years``: the years before they could start earning in the job (level 3 study
  still ahead, a first degree if the route needs one, or waiting for its minimum age, plus
  the route's own full-time study) must not be more than they would do. 0 means they want
  to earn now, so only paid routes they can start straight away fit.
* ``earn_while_learning``: the route must pay a wage, and must not need a degree first.
* ``has_gcse_english_maths`` false: the route must not ask for GCSE English and maths.
* volunteering and work experience are good first steps but never a way into the job.

Someone at school starts a route after their GCSEs, at 16 at the earliest. A role with no
fitting route is never recommended; a role with one is shown with its best fitting route.
:func:`route_problems` says the same in plain Python, one route at a time; tests hold the
two to each other, and evaluation uses it to count constraint violations independently.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import EntryRoute
from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.ranking.answers import NO, AnswerBatch, first_degree_years_ahead, level3_years_ahead, start_age
from compass.ranking.role_index import RouteTable

FloatArray = NDArray[np.float64]
NO_ROUTE = -1
_ORDER_TIE_BREAK = 1e-3


@dataclass(frozen=True)
class RoutePlan:
    """For each profile (k) and role (n): the best fitting route and how long until it starts."""

    best: NDArray[np.int64]   # (k, n) route index in the role, NO_ROUTE if none fits
    wait_years: FloatArray     # (k, n) years before the best route can start
    total_years: FloatArray    # (k, n) wait plus the route's full-time study
    paid: NDArray[np.bool_]    # (k, n) the best route pays a wage

    @cached_property
    def fits(self) -> NDArray[np.bool_]:
        fits: NDArray[np.bool_] = self.best != NO_ROUTE
        fits.flags.writeable = False  # shared by every reader of this plan
        return fits

    def pick(self, profiles: NDArray[np.int64]) -> RoutePlan:
        """The plans of the profiles at these positions, in this order."""
        return RoutePlan(self.best[profiles], self.wait_years[profiles], self.total_years[profiles],
                         self.paid[profiles])

    def repeat(self, count: int) -> RoutePlan:
        """This one profile's plan ``count`` times over."""
        return self.pick(np.zeros(count, dtype=np.int64))

    @staticmethod
    def stack(plans: list[RoutePlan]) -> RoutePlan:
        """Plans for several profiles, one after another."""
        return RoutePlan(*(np.concatenate([getattr(p, name) for p in plans])
                           for name in ("best", "wait_years", "total_years", "paid")))


def plan_routes(answers: AnswerBatch, routes: RouteTable) -> RoutePlan:
    """Pick each role's best fitting route for each profile in ``answers``."""
    k = (slice(None), None, None)
    needs_first_degree = routes.needs_degree[None] & ~answers.at_university[k]
    prior = np.where(routes.needs_degree[None], answers.degree_years[k],
                     np.where(routes.needs_level3[None], answers.level3_years[k], 0.0))
    age_gap = np.maximum(routes.min_age[None] - answers.start_age[k], 0.0)
    wait = np.maximum(prior, age_gap)
    total = wait + routes.study_years[None]
    limit = answers.max_study_years[k]
    fits = routes.valid[None] & routes.way_in[None] & ~routes.needs_registration[None] & (total <= limit)
    fits &= (limit > 0) | routes.paid[None]
    fits &= ~answers.earn_while_learning[k] | (routes.paid[None] & ~needs_first_degree)
    fits &= ~((answers.has_gcse[k] == NO) & routes.gcse_first[None])
    constrained = np.isfinite(limit) | answers.earn_while_learning[k]
    order = np.arange(routes.valid.shape[1])[None, None, :] * _ORDER_TIE_BREAK
    key = np.where(fits, np.where(constrained, total, wait) + order, np.inf)
    best = np.argmin(key, axis=-1)
    best = np.where(np.isfinite(np.min(key, axis=-1)), best, NO_ROUTE)
    pick = np.maximum(best, 0)[..., None]
    return RoutePlan(
        best=best,
        wait_years=np.take_along_axis(wait, pick, axis=-1)[..., 0],
        total_years=np.take_along_axis(total, pick, axis=-1)[..., 0],
        paid=np.take_along_axis(np.broadcast_to(routes.paid[None], key.shape), pick, -1)[..., 0],
    )


MOST_PLANS = 4096  # distinct sets of constraint answers kept (about 10 KB each)
# Everything plan_routes reads from the answers: a plan is remembered under these values.
PLAN_INPUTS = ("at_university", "degree_years", "level3_years", "start_age", "max_study_years",
               "earn_while_learning", "has_gcse")


class RoutePlanner:
    """:func:`plan_routes` over one catalogue's routes, remembering the plan for each set of
    constraint answers: a plan depends on nothing else (not interests, likes or own words),
    and people, and the variants reasons are worked out from, share a handful of them."""

    def __init__(self, routes: RouteTable) -> None:
        self.routes = routes
        self._plans: dict[tuple[float, ...], RoutePlan] = {}

    def plan(self, answers: AnswerBatch) -> RoutePlan:
        """The plan for every profile in ``answers`` and every role."""
        keys = [tuple(key) for key in np.column_stack(
            [getattr(answers, name) for name in PLAN_INPUTS]).tolist()]
        first: dict[tuple[float, ...], int] = {}  # each key's first row, in order of first rows
        for i, key in enumerate(keys):
            first.setdefault(key, i)
        distinct = list(first)
        plans = [self._plan_for(key, answers, first[key]) for key in distinct]
        if len(plans) == 1:
            return plans[0] if len(keys) == 1 else plans[0].repeat(len(keys))
        stacked = RoutePlan.stack(plans)
        place = {key: j for j, key in enumerate(distinct)}
        return stacked if len(distinct) == len(keys) else stacked.pick(
            np.array([place[key] for key in keys], dtype=np.int64))

    def _plan_for(self, key: tuple[float, ...], answers: AnswerBatch, i: int) -> RoutePlan:
        found = self._plans.get(key)
        if found is None:
            if len(self._plans) >= MOST_PLANS:
                self._plans.clear()
            found = plan_routes(answers.row(i), self.routes)
            for array in (found.best, found.wait_years, found.total_years, found.paid):
                array.flags.writeable = False  # shared by every caller from now on
            self._plans[key] = found
        return found


def years_before_start(route: EntryRoute, profile: Profile) -> float:
    """Years before this person could start ``route`` (study still ahead, or their age)."""
    prior = 0.0
    if route.needs_degree_first:
        prior = first_degree_years_ahead(profile)
    elif route.kind.needs_level3_first:
        prior = level3_years_ahead(profile)
    age_gap = max((route.min_age or 0) - start_age(profile), 0.0)
    return max(prior, age_gap)


def route_problems(route: EntryRoute, profile: Profile, wait: float | None = None) -> list[str]:
    """Every way ``route`` breaks the person's constraints, in plain words; empty if it fits.
    ``wait`` is :func:`years_before_start` when the caller already has it."""
    problems: list[str] = []
    c = profile.constraints
    if wait is None:
        wait = years_before_start(route, profile)
    years = wait + route.full_time_study_years
    if not route.is_way_in:
        problems.append("it is a first step, not a way into the job")
    if route.needs_registration_first:
        problems.append("it is for people already registered in a profession, such as nurses")
    if c.max_study_years is not None and years > c.max_study_years:
        problems.append(f"it takes {years:g} years before you earn; you said {c.max_study_years}")
    if c.max_study_years == 0 and not route.paid_while_training:
        problems.append("it does not pay while you train; you want to earn now")
    if c.earn_while_learning and not route.paid_while_training:
        problems.append("it does not pay while you train")
    if c.earn_while_learning and route.needs_degree_first and profile.stage is not Stage.UNIVERSITY:
        problems.append("it needs a degree first, which does not pay")
    if c.has_gcse_english_maths is False and route.needs_gcse_first:
        problems.append("it asks for GCSE English and maths")
    return problems
