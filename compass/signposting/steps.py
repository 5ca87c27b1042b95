"""One way into a role for one person: the route, who helps with it, and why it was chosen.

:func:`suited` is the one stage filter and the one cap every page's signposts go through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from compass.catalogue import Catalogue, EntryRoute, Programme, Provider, Role
from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.ranking.answers import start_age
from compass.ranking.routes import route_problems, years_before_start

MAX_SIGNPOSTS = 4
SignpostT = TypeVar("SignpostT", Provider, Programme)
Signposts = tuple[tuple[Provider, ...], tuple[Programme, ...]]


@dataclass(frozen=True)
class Step:
    """One route into a role, the organisations that help with it, and why, for one person."""

    route: EntryRoute
    providers: tuple[Provider, ...]
    programmes: tuple[Programme, ...]
    why: str
    wait_years: float
    total_years: float
    fits: bool  # it breaks none of the person's constraints

    @property
    def signposts(self) -> tuple[Provider | Programme, ...]:
        """Programmes then providers, in the order every page shows them."""
        return (*self.programmes, *self.providers)

    def to_dict(self) -> dict[str, Any]:
        route = self.route
        return {
            "kind": route.kind.value, "kind_label": route.kind.label, "name": route.name,
            "level": route.level, "full_time_study_years": route.full_time_study_years,
            "paid_while_training": route.paid_while_training,
            "entry_requirements": route.entry_requirements, "why": self.why,
            "providers": [_signpost(p) for p in self.providers],
            "programmes": [_signpost(g) for g in self.programmes],
        }


def _signpost(item: Provider | Programme) -> dict[str, Any]:
    return {"id": item.id, "name": item.name, "url": item.url, "in_leeds": item.in_leeds}


def suited(items: Iterable[SignpostT], stage: Stage | None) -> tuple[SignpostT, ...]:
    """Signposts for someone at ``stage``: the ones for that stage (all of them if none are),
    Leeds first, at most :data:`MAX_SIGNPOSTS`. General careers websites are left out: pages
    list them once, apart from any one route."""
    specific = [i for i in items if not i.is_general_website]
    if stage is not None:
        specific = [i for i in specific if stage in i.stages] or specific
    return tuple(sorted(specific, key=lambda i: not i.in_leeds))[:MAX_SIGNPOSTS]


class SignpostCache:
    """``Catalogue.signposts_for`` for each (role, route), worked out once per process."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._signposts: dict[tuple[str, int], Signposts] = {}
        self._suited: dict[tuple[str, int, Stage | None], Signposts] = {}

    def get(self, role: Role, route_index: int) -> Signposts:
        key = (role.id, route_index)
        signposts = self._signposts.get(key)
        if signposts is None:
            signposts = self.catalogue.signposts_for(role.entry_routes[route_index], role)
            self._signposts[key] = signposts
        return signposts

    def suited(self, role: Role, route_index: int, stage: Stage | None) -> Signposts:
        """:meth:`get`'s signposts that suit someone at ``stage`` (see :func:`suited`)."""
        key = (role.id, route_index, stage)
        found = self._suited.get(key)
        if found is None:
            providers, programmes = self.get(role, route_index)
            found = self._suited[key] = (suited(providers, stage), suited(programmes, stage))
        return found


def make_step(signposts: SignpostCache, role: Role, route_index: int, profile: Profile,
              planned_wait: float | None = None) -> Step:
    """The step for ``role``'s route number ``route_index``, for ``profile``.

    ``planned_wait`` is the route plan's wait when the plan chose this route: the plan has
    already found that it fits (see :mod:`compass.ranking.routes`), so it is not checked
    again. Pass it only for the route the plan chose; for any other the step would wrongly
    say it fits.
    """
    route = role.entry_routes[route_index]
    providers, programmes = signposts.suited(role, route_index, profile.stage)
    if planned_wait is None:
        wait = years_before_start(route, profile)
        problems = route_problems(route, profile, wait)
    else:
        wait, problems = planned_wait, []
    return Step(
        route=route,
        providers=providers,
        programmes=programmes,
        why=why_this_route(route, profile, wait, problems),
        wait_years=wait,
        total_years=wait + route.full_time_study_years,
        fits=not problems,
    )


def why_this_route(route: EntryRoute, profile: Profile, wait: float, problems: list[str]) -> str:
    """One to three short sentences, tied to what the person said where possible."""
    if problems:
        return f"Worth knowing: {problems[0]}."
    sentences = [_fit_sentence(route, profile)]
    timing = _timing_sentence(route, profile, wait)
    if timing:
        sentences.append(timing)
    gcse = profile.constraints.has_gcse_english_maths
    if route.needs_gcse_english_maths and gcse is None:
        sentences.append("It asks for GCSE English and maths at grade 4.")
    elif gcse is False and not route.needs_gcse_english_maths:
        sentences.append("You do not need GCSE English and maths to start.")
    return " ".join(sentences)


def _fit_sentence(route: EntryRoute, profile: Profile) -> str:
    c = profile.constraints
    years = route.full_time_study_years
    if c.earn_while_learning and route.paid_while_training:
        return "You are paid while you train, which is what you said you wanted."
    if c.max_study_years == 0:
        return "You can start earning without going back to full-time study."
    if c.max_study_years is not None:
        return f"It fits the {c.max_study_years} years of study you said you would do."
    if route.paid_while_training:
        return "You are paid while you train."
    if route.kind.leads_to_degree and years:
        return f"It is {years:g} years of full-time study, ending in a degree."
    return f"It takes {years:g} years of full-time study." if years else "You learn as you go."


def _timing_sentence(route: EntryRoute, profile: Profile, wait: float) -> str:
    if wait <= 0:
        return ""
    if route.needs_degree_first and profile.stage is not Stage.UNIVERSITY:
        return "You need a degree first."
    if route.needs_degree_first:
        return "You can start it once you finish your degree."
    if (route.min_age or 0) - start_age(profile) >= wait:
        return f"You can start it from age {route.min_age}."
    return "You need A levels, a T Level or an access course first."
