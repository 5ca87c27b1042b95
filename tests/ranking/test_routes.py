"""Route fit: the vectorised plan agrees with the plain rules, and the rules mean what they say."""

from __future__ import annotations

import inspect
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from ranking_helpers import fixture_catalogue

from compass.catalogue.vocab import RouteKind, Stage
from compass.profile import Constraints, Profile
from compass.ranking.answers import answer_batch
from compass.ranking.role_index import RoleIndex
from compass.ranking.routes import (
    NO_ROUTE,
    PLAN_INPUTS,
    RoutePlan,
    RoutePlanner,
    plan_routes,
    route_problems,
    years_before_start,
)

CATALOGUE = fixture_catalogue()
INDEX = RoleIndex.from_catalogue(CATALOGUE)

profiles = st.builds(
    Profile,
    stage=st.none() | st.sampled_from(list(Stage)),
    age=st.none() | st.integers(13, 30),
    constraints=st.builds(
        Constraints,
        max_study_years=st.none() | st.integers(0, 10),
        earn_while_learning=st.booleans(),
        shift_work_ok=st.none() | st.booleans(),
        has_gcse_english_maths=st.none() | st.booleans(),
    ),
)


def plan_for(profile: Profile) -> RoutePlan:
    answers = answer_batch([profile], np.zeros((1, len(INDEX))))
    return plan_routes(answers, INDEX.routes)


@settings(max_examples=300, deadline=None)
@given(profiles)
def test_vectorised_plan_agrees_with_the_plain_rules(profile: Profile) -> None:
    plan = plan_for(profile)
    for i, role in enumerate(CATALOGUE.roles):
        fitting = [j for j, r in enumerate(role.entry_routes) if not route_problems(r, profile)]
        assert plan.fits[0, i] == bool(fitting), role.id
        if fitting:
            assert plan.best[0, i] in fitting
            chosen = role.entry_routes[plan.best[0, i]]
            # make_step takes the wait from the plan, so the two must agree exactly
            assert plan.wait_years[0, i] == years_before_start(chosen, profile)
            assert plan.total_years[0, i] == (years_before_start(chosen, profile)
                                              + chosen.full_time_study_years)


SHARED_PLANNER = RoutePlanner(INDEX.routes)  # remembers plans across every example below


@settings(max_examples=200, deadline=None)
@given(st.lists(profiles, min_size=1, max_size=4))
def test_the_planner_remembers_the_same_plans_plan_routes_makes(batch: list[Profile]) -> None:
    answers = answer_batch(batch, np.zeros((len(batch), len(INDEX))))
    plan = SHARED_PLANNER.plan(answers)
    for i in range(len(batch)):
        expected = plan_routes(answers.row(i), INDEX.routes)
        for name in ("best", "wait_years", "total_years", "paid"):
            assert np.array_equal(getattr(plan, name)[i], getattr(expected, name)[0]), name


def test_a_plan_is_remembered_under_everything_plan_routes_reads() -> None:
    read = set(re.findall(r"answers\.([a-z_0-9]+)", inspect.getsource(plan_routes)))
    assert read == set(PLAN_INPUTS)


def test_wanting_to_earn_now_rules_out_degrees() -> None:
    profile = Profile(stage=Stage.COLLEGE, constraints=Constraints(max_study_years=0))
    plan = plan_for(profile)
    doctor = CATALOGUE.role_ids.index("hospital-doctor")
    care = CATALOGUE.role_ids.index("care-worker")
    assert plan.best[0, doctor] == NO_ROUTE
    assert CATALOGUE.roles[care].entry_routes[plan.best[0, care]].paid_while_training


def test_school_students_need_level_3_before_a_degree_apprenticeship() -> None:
    nurse = CATALOGUE.role("adult-nurse")
    apprenticeship = nurse.entry_routes[1]
    at_school = Profile(stage=Stage.SCHOOL, age=15, constraints=Constraints(max_study_years=1))
    at_work = Profile(stage=Stage.WORKING, age=22, constraints=Constraints(max_study_years=1))
    assert years_before_start(apprenticeship, at_school) == 2
    assert route_problems(apprenticeship, at_school)
    assert not route_problems(apprenticeship, at_work)


def test_postgraduate_routes_need_a_first_degree_unless_at_university() -> None:
    psychologist = CATALOGUE.role("clinical-psychologist").entry_routes[0]
    earner = Constraints(earn_while_learning=True)
    assert route_problems(psychologist, Profile(stage=Stage.WORKING, constraints=earner))
    assert not route_problems(psychologist, Profile(stage=Stage.UNIVERSITY, constraints=earner))


def test_no_gcse_rules_out_courses_that_ask_for_them_but_not_apprenticeships() -> None:
    electrician = CATALOGUE.role("estates-electrician")
    apprenticeship = electrician.entry_routes[0]
    assert apprenticeship.needs_gcse_english_maths and apprenticeship.kind.always_pays
    course = apprenticeship.model_copy(update={"kind": RouteKind.COLLEGE_COURSE,
                                               "paid_while_training": False})
    profile = Profile(constraints=Constraints(has_gcse_english_maths=False))
    assert not route_problems(apprenticeship, profile)  # Functional Skills can come alongside
    assert route_problems(course, profile) == ["it asks for GCSE English and maths"]


def test_volunteering_is_never_a_way_in() -> None:
    youth = CATALOGUE.role("youth-worker")
    assert route_problems(youth.entry_routes[1], Profile())
    profile = Profile(constraints=Constraints(earn_while_learning=False))
    plan = plan_for(profile)
    assert plan.best[0, CATALOGUE.role_ids.index("youth-worker")] == 0


def test_a_paid_route_is_preferred_for_someone_who_wants_to_earn() -> None:
    plan = plan_for(Profile(stage=Stage.WORKING, constraints=Constraints(earn_while_learning=True)))
    nurse = CATALOGUE.role_ids.index("adult-nurse")
    assert CATALOGUE.roles[nurse].entry_routes[plan.best[0, nurse]].kind.value == (
        "degree-apprenticeship")
