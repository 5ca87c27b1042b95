"""One signposting answer for every page: the card's step is the next-steps page's first step."""

from __future__ import annotations

import pytest

from compass.catalogue.vocab import Stage
from compass.profile import Constraints, Profile
from compass.ranking.engine import Engine
from compass.signposting import MAX_SIGNPOSTS, make_step

STAGES: list[Stage | None] = [*Stage, None]
CONSTRAINTS = [Constraints(), Constraints(earn_while_learning=True),
               Constraints(max_study_years=0), Constraints(max_study_years=3, has_gcse_english_maths=False)]


@pytest.mark.parametrize("constraints", CONSTRAINTS, ids=["none", "earn", "earn-now", "3-years-no-gcse"])
@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.value if s else "no-stage")
def test_the_cards_step_is_the_next_steps_pages_first_step(
        shipped_engine: Engine, stage: Stage | None, constraints: Constraints) -> None:
    profile = Profile(stage=stage, constraints=constraints)
    everyone = shipped_engine.recommend(profile, top=len(shipped_engine.catalogue.roles))
    assert everyone
    for rec in everyone:
        steps = shipped_engine.next_steps(profile, rec.role)
        assert steps.best == rec.route == steps.steps[0], rec.role.id
        assert rec.route.fits


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.value if s else "no-stage")
def test_every_role_has_every_route_once_through_one_filter_and_cap(
        shipped_engine: Engine, stage: Stage | None) -> None:
    profile = Profile(stage=stage)
    for role in shipped_engine.catalogue.roles:
        steps = shipped_engine.next_steps(profile, role)
        assert sorted(s.route.name for s in steps.steps) == sorted(r.name for r in role.entry_routes)
        in_sections = [s for section in steps.sections for s in section.steps]
        assert steps.best is None or steps.best not in in_sections  # never repeated lower down
        for step in [*steps.steps, *in_sections]:
            assert len(step.providers) <= MAX_SIGNPOSTS and len(step.programmes) <= MAX_SIGNPOSTS
            assert not any(p.is_general_website for p in step.providers)
        assert bool(steps.sections) == (stage is not None), role.id


def test_signposts_suit_the_stage_when_any_do(shipped_engine: Engine) -> None:
    role = shipped_engine.catalogue.role("healthcare-assistant")
    for stage in Stage:
        for step in shipped_engine.next_steps(Profile(stage=stage), role).steps:
            suited = [s for s in step.signposts if stage in s.stages]
            assert not suited or suited == list(step.signposts), (stage, step.route.name)


def test_a_route_that_breaks_an_answer_says_so_and_is_never_best(shipped_engine: Engine) -> None:
    profile = Profile(stage=Stage.SCHOOL, constraints=Constraints(max_study_years=0))
    steps = shipped_engine.next_steps(profile, shipped_engine.catalogue.role("adult-nurse"))
    degree = next(s for s in steps.steps if s.route.kind.value == "degree")
    assert not degree.fits and degree.why.startswith("Worth knowing:")
    assert steps.best is None or steps.best.fits


@pytest.mark.parametrize("stage", [Stage.WORKING, Stage.NOT_WORKING])
def test_out_of_education_the_free_leeds_help_comes_first(shipped_engine: Engine, stage: Stage) -> None:
    steps = shipped_engine.next_steps(Profile(stage=stage), shipped_engine.catalogue.role("care-worker"))
    first = steps.sections[0]
    assert first.heading == "Get free help in Leeds"
    assert first.programmes and all(g.in_leeds and stage in g.stages for g in first.programmes)


def test_at_college_the_national_search_services_come_from_the_catalogue(shipped_engine: Engine) -> None:
    steps = shipped_engine.next_steps(Profile(stage=Stage.COLLEGE),
                                      shipped_engine.catalogue.role("adult-nurse"))
    listed = {s.heading: {p.id for p in s.providers} for s in steps.sections}
    assert "find-an-apprenticeship" in listed["Apprenticeships"]
    assert "ucas" in listed["University"]


def test_a_step_never_says_gcses_are_not_needed_when_the_route_asks_for_them(
        shipped_engine: Engine) -> None:
    profile = Profile(stage=Stage.NOT_WORKING, constraints=Constraints(has_gcse_english_maths=False))
    checked = 0
    for role in shipped_engine.catalogue.roles:
        for index, route in enumerate(role.entry_routes):
            why = make_step(shipped_engine.signposts, role, index, profile).why
            if route.needs_gcse_english_maths:
                checked += 1
                assert "do not need GCSE" not in why, (role.id, route.name)
    assert checked > 50
