"""Comparing jobs against the person's answers: each cell marks whether the job fits."""

from __future__ import annotations

from compass.catalogue import Catalogue
from compass.compare import answer_rows
from compass.profile import Profile


def marks(catalogue: Catalogue, profile: Profile, *role_ids: str) -> dict[str, tuple[bool | None, ...]]:
    roles = [catalogue.role(r) for r in role_ids]
    return {row.label: tuple(c.fits for c in row.cells) for row in answer_rows(roles, profile)}


def test_unanswered_rows_show_facts_without_marks(shipped_catalogue: Catalogue) -> None:
    rows = answer_rows([shipped_catalogue.role("porter")], Profile())
    assert [r.label for r in rows] == ["Blood and needles", "Youngest age to start",
                                       "GCSE English and maths", "Full-time study before you start",
                                       "Working hours"]
    assert all(c.fits is None for r in rows for c in r.cells) and all(r.you_said == "" for r in rows)


def test_each_answer_marks_the_jobs_that_fit(shipped_catalogue: Catalogue) -> None:
    profile = Profile.from_dict({"age": 15, "likes": {"clinical_procedures": -1},
                                 "constraints": {"max_study_years": 0, "shift_work_ok": False,
                                                 "has_gcse_english_maths": False}})
    found = marks(shipped_catalogue, profile, "phlebotomist", "medical-secretary", "paramedic")
    assert found["Blood and needles"] == (False, True, False)
    assert found["Full-time study before you start"][1] is True
    assert found["Working hours"][1] is True and found["Working hours"][2] is False
    for label, cells in found.items():
        assert all(c is not None for c in cells), label


def test_ages_and_years_count_the_study_a_way_in_needs_first(shipped_catalogue: Catalogue) -> None:
    roles = [shipped_catalogue.role(r) for r in ("physiotherapist", "healthcare-assistant")]
    rows = {row.label: [c.text for c in row.cells]
            for row in answer_rows(roles, Profile.from_dict({"stage": "school", "age": 15}))}
    assert rows["Youngest age to start"] == ["From 18", "From 16"]  # A levels before a degree
    assert rows["Full-time study before you start"][0] != "None: you train on the job"
