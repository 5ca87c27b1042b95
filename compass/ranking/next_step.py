"""The best next step for a recommended role: its best fitting route, where to go, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from compass.catalogue import Catalogue, EntryRoute, Programme, Provider, Role
from compass.catalogue.vocab import RouteKind
from compass.profile import Profile
from compass.ranking.answers import start_age
from compass.ranking.routes import years_before_start

MAX_SIGNPOSTS = 4
SignpostT = TypeVar("SignpostT", Provider, Programme)


@dataclass(frozen=True)
class BestRoute:
    """The route that best fits the person, who offers it in Leeds, and why it was chosen."""

    route: EntryRoute
    providers: tuple[Provider, ...]
    programmes: tuple[Programme, ...]
    why: str
    wait_years: float
    total_years: float

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


Signposts = tuple[tuple[Provider, ...], tuple[Programme, ...]]


class SignpostCache:
    """``Catalogue.signposts_for`` for each (role, route), worked out once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._found: dict[tuple[str, int], Signposts] = {}

    def get(self, role: Role, route_index: int) -> Signposts:
        key = (role.id, route_index)
        found = self._found.get(key)
        if found is None:
            found = self.catalogue.signposts_for(role.entry_routes[route_index], role)
            self._found[key] = found
        return found


def best_route(signposts: SignpostCache, role: Role, route_index: int,
               profile: Profile) -> BestRoute:
    route = role.entry_routes[route_index]
    providers, programmes = signposts.get(role, route_index)
    wait = years_before_start(route, profile)
    return BestRoute(
        route=route,
        providers=_for_stage(providers, profile)[:MAX_SIGNPOSTS],
        programmes=_for_stage(programmes, profile)[:MAX_SIGNPOSTS],
        why=why_this_route(route, profile, wait),
        wait_years=wait,
        total_years=wait + route.full_time_study_years,
    )


def _for_stage(items: tuple[SignpostT, ...], profile: Profile) -> tuple[SignpostT, ...]:
    if profile.stage is None:
        return items
    suited = tuple(i for i in items if profile.stage in i.stages)
    return suited or items


def why_this_route(route: EntryRoute, profile: Profile, wait: float) -> str:
    """One to three short sentences, tied to what the person said where possible."""
    sentences = [_fit_sentence(route, profile)]
    timing = _timing_sentence(route, profile, wait)
    if timing:
        sentences.append(timing)
    gcse = profile.constraints.has_gcse_english_maths
    if route.needs_gcse_english_maths and gcse is None:
        sentences.append("It asks for GCSE English and maths at grade 4.")
    elif gcse is False:
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
    if route.kind in (RouteKind.DEGREE, RouteKind.POSTGRADUATE):
        return f"It is a {years:g}-year course at university."
    return f"It takes {years:g} years of full-time study." if years else "You learn as you go."


def _timing_sentence(route: EntryRoute, profile: Profile, wait: float) -> str:
    if wait <= 0:
        return ""
    has_degree = profile.stage is not None and profile.stage.value == "university"
    if route.needs_degree and not has_degree:
        return "You need a degree first."
    if (route.min_age or 0) - start_age(profile) >= wait:
        return f"You can start it from age {route.min_age}."
    return "You need A levels, a T Level or an access course first."
