"""A curator adds a role from the scaffold, previews, validates, builds, and sees it recommended.

Runs in a temporary copy of the real catalogue with the real embedding model and the real
build, so it is marked slow.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from compass.catalogue import DEFAULT_CATALOGUE
from compass.cli import main
from compass.questionnaire import DEFAULT_FLOWS_DIR

REPO_MODELS = DEFAULT_CATALOGUE.parent / "models"

FILLED_IN = {
    "family": "community-third-sector",
    "also_called": ["Therapeutic gardener", "Social and therapeutic horticulture practitioner"],
    "summary": ("You use gardening to help people feel better. You run garden groups for people "
                "who are ill or older, or who have a learning disability."),
    "day_to_day": [
        "Plan planting, digging and growing jobs that suit each person",
        "Work outdoors in gardens, allotments and greenhouses",
        "Help people build strength, skills and confidence",
        "Write short notes on how each person is getting on",
    ],
    "settings": ["community", "hospital", "third-sector"],
    "entry_routes": [
        {"kind": "college-course", "name": "Horticulture course at college (level 2 or 3)", "level": 3,
         "full_time_study_years": 1, "paid_while_training": False, "min_age": 16,
         "entry_requirements": "Some GCSEs or a level 2 course, and a love of growing things."},
        {"kind": "volunteering", "name": "Volunteer with a community garden project",
         "full_time_study_years": 0, "paid_while_training": False, "min_age": 16,
         "entry_requirements": "No set qualifications."},
    ],
    "pay": {"typical_min": 22000, "typical_max": 28000, "per": "year", "year": "2025/26",
            "note": "Test figure for this end-to-end test."},
    "leeds_employers": ["Community garden charities in Leeds"],
    "ways_to_try": ["leeds-talent-hub"],
    "sources": ["https://www.thrive.org.uk/how-we-help/what-we-do/what-is-social-and-therapeutic-horticulture",
                "https://nationalcareers.service.gov.uk/job-profiles/horticultural-therapist"],
}
GARDENER_PROFILE = {
    "stage": "college", "age": 17,
    "interests": {"realistic": 0.9, "social": 0.8, "artistic": 0.6},
    "likes": {"hands_on": 1.0, "physical_activity": 0.8, "patient_contact": 0.5, "technology": -1.0},
    "constraints": {"max_study_years": 1},
    "free_text": "I love gardening, growing plants and being outdoors, and helping people feel calmer",
}


@pytest.mark.slow
def test_curator_adds_a_role_and_it_is_recommended(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalogue = tmp_path / "roles_catalogue"
    shutil.copytree(DEFAULT_CATALOGUE, catalogue, ignore=shutil.ignore_patterns("README.md", "schema"))
    models = tmp_path / "models"
    if (REPO_MODELS / "manifest.json").exists():  # reuse embeddings so only the new role is embedded
        shutil.copytree(REPO_MODELS, models)

    assert main(["catalogue", "new-role", "Horticultural therapist", "--catalogue", str(catalogue)]) == 0
    path = catalogue / "roles" / "horticultural-therapist.yaml"
    assert main(["validate", "--catalogue", str(catalogue), "--questionnaires", str(DEFAULT_FLOWS_DIR)]) == 1

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(FILLED_IN)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()

    assert main(["catalogue", "preview", "horticultural-therapist", "--catalogue", str(catalogue)]) == 0
    assert capsys.readouterr().out.startswith("HORTICULTURAL THERAPIST"), "preview should show no problems"
    assert main(["validate", "--catalogue", str(catalogue), "--questionnaires", str(DEFAULT_FLOWS_DIR)]) == 0
    assert main(["build", "--catalogue", str(catalogue), "--models", str(models)]) == 0
    capsys.readouterr()

    profile_file = tmp_path / "profile.json"
    profile_file.write_text(json.dumps(GARDENER_PROFILE), encoding="utf-8")
    assert main(["recommend", "--profile", str(profile_file), "--json", "--catalogue", str(catalogue),
                 "--models", str(models)]) == 0
    result = json.loads(capsys.readouterr().out.splitlines()[0])
    top_ids = [r["role_id"] for r in result["recommendations"]]
    assert "horticultural-therapist" in top_ids, top_ids
