"""The new-role scaffold and the preview, on the small test catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from compass.catalogue import check_catalogue
from compass.cli import main
from compass.curation.scaffold import role_id_for
from compass.curation.suggest import suggest_interests, suggest_soc_codes
from compass.errors import CompassError


def test_role_id_from_title() -> None:
    assert role_id_for("Occupational Therapy Assistant (Band 3)") == "occupational-therapy-assistant-band-3"
    with pytest.raises(CompassError):
        role_id_for("!!")


def test_suggestions_find_the_obvious_matches() -> None:
    assert suggest_soc_codes("Hospital porter")[0].code == "9262"
    best = suggest_interests("Phlebotomist").based_on[0]
    assert best.title == "Phlebotomists"


def test_scaffold_has_every_field_and_fails_validation_until_filled(
        good_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "new-role", "Occupational therapy assistant", "--catalogue", str(good_catalogue)]) == 0
    path = good_catalogue / "roles/occupational-therapy-assistant.yaml"
    text = path.read_text(encoding="utf-8")
    assert "31-2011.00  Occupational Therapy Assistants" in text
    assert 'soc2020: "2222"' in text
    result = check_catalogue(good_catalogue)
    fields = {p.field for p in result.errors if p.path.endswith("occupational-therapy-assistant.yaml")}
    assert {"family", "summary", "day_to_day", "settings", "entry_routes", "pay", "sources"} <= fields


def test_scaffold_will_not_overwrite(good_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "new-role", "Porter", "--catalogue", str(good_catalogue)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_preview_renders_the_role_with_signposts(good_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "preview", "porter", "--catalogue", str(good_catalogue)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("HOSPITAL PORTER")
    assert "Pay: £24,465 a year (NHS band 2, 2025/26)" in out
    assert "Where: Test NHS Trust; Test Hub" in out
    assert "Can lead to: Estates manager" in out


def test_preview_shows_problems_against_file_and_line(good_catalogue: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = good_catalogue / "roles/porter.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: volunteering", "kind: volunteer"),
                    encoding="utf-8")
    assert main(["catalogue", "preview", "porter", "--catalogue", str(good_catalogue)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("ERRORS TO FIX")
    assert "porter.yaml:40: entry_routes[1].kind: 'volunteer' is not one of the allowed words" in out


def test_preview_of_a_provider(good_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "preview", "test-trust", "--catalogue", str(good_catalogue)]) == 0
    assert "TEST NHS TRUST" in capsys.readouterr().out


def test_preview_of_unknown_id(good_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "preview", "nobody", "--catalogue", str(good_catalogue)]) == 1
    assert "no role, provider, programme or way to try called 'nobody'" in capsys.readouterr().err
