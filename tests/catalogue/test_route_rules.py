"""The one definition of each rule about routes and signposts, on the catalogue model."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from compass.catalogue import Catalogue, EntryRoute
from compass.catalogue.vocab import RouteKind


def route(kind: RouteKind, paid: bool = False, years: float = 0, **more: object) -> EntryRoute:
    return EntryRoute.model_validate({"kind": kind, "name": "A route", "full_time_study_years": years,
                                      "paid_while_training": paid, "entry_requirements": "None needed",
                                      **more})


@pytest.mark.parametrize("kind", [k for k in RouteKind if k.never_pays])
def test_a_kind_that_never_pays_cannot_be_marked_paid(kind: RouteKind) -> None:
    with pytest.raises(ValidationError, match="never pays a wage"):
        route(kind, paid=True)
    assert not route(kind).is_paid_way_in


def test_a_paid_way_in_pays_from_the_start_with_nothing_needed_first() -> None:
    assert route(RouteKind.APPRENTICESHIP, paid=True).is_paid_way_in
    assert route(RouteKind.DEGREE_APPRENTICESHIP, paid=True).is_paid_way_in
    assert not route(RouteKind.DIRECT_ENTRY, paid=True, years=1).is_paid_way_in       # study first
    assert not route(RouteKind.POSTGRADUATE, paid=True, needs_degree=True).is_paid_way_in
    assert not route(RouteKind.DIRECT_ENTRY, paid=True, needs_registration=True).is_paid_way_in
    assert route(RouteKind.POSTGRADUATE, paid=True, needs_degree=True).pays_from_start


def test_degree_level_covers_degrees_courses_on_to_them_and_routes_after_one() -> None:
    assert route(RouteKind.ACCESS_COURSE, years=4).is_degree_level
    assert route(RouteKind.DIRECT_ENTRY, paid=True, needs_degree=True).is_degree_level
    assert route(RouteKind.APPRENTICESHIP, paid=True, level=6).is_degree_level
    assert route(RouteKind.APPRENTICESHIP, paid=True, level=3).is_no_degree_way_in
    assert not route(RouteKind.VOLUNTEERING).is_no_degree_way_in  # a first step, not a way in


def test_only_degrees_and_degree_apprenticeships_wait_for_level_3() -> None:
    assert {k for k in RouteKind if k.needs_level3_first} == {RouteKind.DEGREE,
                                                                RouteKind.DEGREE_APPRENTICESHIP}


def test_role_rules_follow_the_route_rules(shipped_catalogue: Catalogue) -> None:
    porter, surgeon = shipped_catalogue.role("porter"), shipped_catalogue.role("surgeon")
    assert porter.has_paid_way_in and porter.has_no_degree_way_in and not porter.graduate_only
    assert surgeon.graduate_only and not surgeon.has_no_degree_way_in
    assert not any(r.kind.is_stepping_stone for r in porter.ways_in)


def test_general_websites_are_national_services_covering_most_ways_in(
        shipped_catalogue: Catalogue) -> None:
    general = {p.id for p in shipped_catalogue.providers.values() if p.is_general_website}
    assert {"nhs-health-careers", "national-careers-service"} <= general
    assert not general & {"find-an-apprenticeship", "ucas", "leeds-city-college"}
    assert not any(g.is_general_website for g in shipped_catalogue.programmes.values())
