"""Ways to try a role: the person sees what is open to them now first, and never one they
have aged out of."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import ValidationError

from compass.catalogue import Catalogue, load_catalogue
from compass.catalogue.models import Role, WayToTry
from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.signposting import current_age, tasters_for

GOOD = Path(__file__).resolve().parents[1] / "catalogue" / "fixtures" / "good"


def _way(way_id: str, min_age: int, max_age: int | None = None, in_leeds: bool = True) -> WayToTry:
    return WayToTry.model_validate({
        "id": way_id, "name": way_id.replace("-", " "), "kind": "volunteering",
        "what_you_do": "You help out and see what the work is like.", "min_age": min_age,
        "max_age": max_age, "stages": ["school", "college"], "in_leeds": in_leeds,
        "url": f"https://www.healthcareers.nhs.uk/{way_id}", "sources": ["https://www.healthcareers.nhs.uk/x"]})


def _catalogue(*ways: WayToTry) -> tuple[Catalogue, Role]:
    base = load_catalogue(GOOD)
    role = base.role("porter").model_copy(update={"ways_to_try": tuple(w.id for w in ways)})
    return replace(base, roles=(role,), ways_to_try={w.id: w for w in ways}), role


def test_a_fourteen_year_old_sees_what_they_can_do_now_first() -> None:
    catalogue, role = _catalogue(_way("ward-volunteers", 16), _way("cadets", 14, 18, in_leeds=False))
    shown = tasters_for(catalogue, role, Profile(age=14))
    assert [(t.way.id, t.open_now) for t in shown] == [("cadets", True), ("ward-volunteers", False)]


def test_ones_they_have_aged_out_of_are_left_out() -> None:
    catalogue, role = _catalogue(_way("cadets", 14, 18), _way("ward-volunteers", 16))
    assert [t.way.id for t in tasters_for(catalogue, role, Profile(age=21))] == ["ward-volunteers"]


def test_the_stage_stands_in_for_an_unknown_age_at_its_youngest() -> None:
    assert current_age(Profile(stage=Stage.SCHOOL)) == 14
    assert current_age(Profile()) is None
    catalogue, role = _catalogue(_way("ward-volunteers", 16))
    assert not tasters_for(catalogue, role, Profile(stage=Stage.SCHOOL))[0].open_now
    assert tasters_for(catalogue, role, Profile())[0].open_now


def test_a_way_to_try_with_ages_the_wrong_way_round_is_refused() -> None:
    with pytest.raises(ValidationError, match="max_age is lower than min_age"):
        _way("backwards", 18, 14)
