"""The adviser's prompts, worked out in the engine from a person's suggestions (no web)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compass.catalogue import DEFAULT_CATALOGUE
from compass.catalogue.vocab import Stage
from compass.errors import CatalogueError
from compass.guidance import GUIDANCE_FILE, AdviserWording, check_wording, load_wording, plan_guidance
from compass.guidance.adviser import tasters
from compass.profile import Constraints, Profile
from compass.ranking.engine import Engine
from compass.suggestions import Suggestions


@pytest.fixture(scope="module")
def wording() -> AdviserWording:
    return load_wording()


def suggestions(engine: Engine, profile: Profile, hidden: tuple[str, ...] = ()) -> Suggestions:
    recommendations = tuple(engine.recommend(profile, not_for_me=hidden))
    return Suggestions(profile, recommendations, tuple(engine.catalogue.role(r) for r in hidden),
                       len(recommendations), False)


def test_daytime_only_jobs_are_named_for_someone_who_cannot_do_shifts(
        shipped_engine: Engine, wording: AdviserWording) -> None:
    shown = suggestions(shipped_engine, Profile(stage=Stage.WORKING,
                                                constraints=Constraints(shift_work_ok=False)))
    guidance = plan_guidance(shipped_engine.catalogue, wording, shown)
    daytime = [r.role for r in shown.recommendations if r.role.work.daytime_only]
    check = next(c for c in guidance.check if "shifts, nights or weekends" in c)
    assert daytime and all(role.title[1:] in check for role in daytime)


@pytest.mark.parametrize("stage", list(Stage))
def test_the_stage_question_comes_from_the_wording_file(
        shipped_engine: Engine, wording: AdviserWording, stage: Stage) -> None:
    guidance = plan_guidance(shipped_engine.catalogue, wording,
                             suggestions(shipped_engine, Profile(stage=stage)))
    assert guidance.ask[-1] == wording.stage_questions.for_stage(stage)


def test_gcse_and_earn_now_checks_come_from_the_wording_file(
        shipped_engine: Engine, wording: AdviserWording) -> None:
    profile = Profile(stage=Stage.COLLEGE,
                      constraints=Constraints(max_study_years=0, has_gcse_english_maths=False))
    checks = plan_guidance(shipped_engine.catalogue, wording, suggestions(shipped_engine, profile)).check
    assert wording.checks.earn_now in checks and wording.gcse_checks.no in checks
    assert wording.gcse_checks.not_sure not in checks


def test_hidden_jobs_are_asked_about(shipped_engine: Engine, wording: AdviserWording) -> None:
    shown = suggestions(shipped_engine, Profile(stage=Stage.COLLEGE), hidden=("porter",))
    guidance = plan_guidance(shipped_engine.catalogue, wording, shown)
    assert "They said hospital porter is not for them. Ask why" in " ".join(guidance.ask)
    assert ("Jobs they said are not for them", "Hospital porter") in guidance.at_a_glance


@pytest.mark.parametrize("stage", list(Stage))
def test_tasters_suit_the_stage_and_the_jobs_suggested(shipped_engine: Engine, stage: Stage) -> None:
    shown = suggestions(shipped_engine, Profile(stage=stage))
    found = tasters(shipped_engine.catalogue, shown)
    assert found, stage
    families = {r.role.family for r in shown.recommendations}
    for taster in found:
        item = taster.signpost
        assert stage in item.stages and item.offers_a_taste and not item.is_general_website
        assert not item.families or set(item.families) & families
    names = {t.signpost.id for t in found}
    if stage is Stage.SCHOOL:
        assert "nhs-cadets" in names
    elif stage is not Stage.COLLEGE:
        assert "nhs-cadets" not in names  # for ages 14 to 18 only
    order = [(not t.is_scheme, not t.signpost.in_leeds) for t in found]
    assert order == sorted(order)  # schemes first, Leeds first within each


def test_a_broken_wording_edit_is_reported_with_its_line(tmp_path: Path) -> None:
    shutil.copy(DEFAULT_CATALOGUE / GUIDANCE_FILE, tmp_path / GUIDANCE_FILE)
    path = tmp_path / GUIDANCE_FILE
    lines = path.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("no_stage_question"))
    lines[number] = lines[number].replace("no_stage_question", "no_stage_questoin")
    path.write_text("\n".join(lines) + "\n")
    wording, problems = check_wording(tmp_path)
    assert wording is None
    rendered = [p.render() for p in problems]
    assert any(f"{GUIDANCE_FILE}:{number + 1}:" in r and "did you mean 'no_stage_question'" in r
               for r in rendered), rendered
    with pytest.raises(CatalogueError):
        load_wording(tmp_path)
