"""``compass catalogue export --json`` and ``compass catalogue report`` on the test catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compass.catalogue import load_catalogue
from compass.catalogue.checks import is_home_page, source_warning
from compass.catalogue.pay import pay_text
from compass.catalogue.report import build_report
from compass.cli import main


def test_export_prints_every_role_with_routes(good_catalogue: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "export", "--json", "--catalogue", str(good_catalogue)]) == 0
    data = json.loads(capsys.readouterr().out)
    roles = {r["id"]: r for r in data["roles"]}
    assert set(roles) == {"porter", "estates-manager"}
    porter = roles["porter"]
    assert porter["entry_routes"][0]["kind"] == "direct-entry"
    assert porter["entry_routes"][0]["paid_while_training"] is True
    assert porter["pay"]["range_gbp"]["low"] == 24465
    assert porter["work"]["shifts"] == ["shifts", "nights", "weekends"]
    assert data["providers"][0]["id"] == "test-trust"


def test_export_refuses_a_broken_catalogue(good_catalogue: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (good_catalogue / "roles/porter.yaml").write_text("id: porter\n", encoding="utf-8")
    assert main(["catalogue", "export", "--json", "--catalogue", str(good_catalogue)]) == 1
    assert "porter.yaml:1" in capsys.readouterr().err


def test_pay_text_for_bands_and_hourly_pay(good_catalogue: Path) -> None:
    catalogue = load_catalogue(good_catalogue)
    assert pay_text(catalogue.role("estates-manager").pay) == (
        "£47,810 to £74,896 a year (NHS band 7 to 8b, 2025/26)")


def test_report_counts_and_thin_roles(good_catalogue: Path) -> None:
    report = build_report(load_catalogue(good_catalogue))
    assert report.role_count == 2
    assert report.by_family["estates-facilities"] == 1
    assert report.by_route_kind["degree"] == 1
    assert report.no_paid_route == ()
    assert report.thin_roles == {}


def test_report_flags_a_thin_role(good_catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = good_catalogue / "roles/porter.yaml"
    text = path.read_text(encoding="utf-8").replace("  - Move heavy equipment safely\n", "")
    path.write_text(text, encoding="utf-8")
    assert main(["catalogue", "report", "--catalogue", str(good_catalogue)]) == 0
    out = capsys.readouterr().out
    assert "Thin roles (1):" in out
    assert "porter: only 3 day-to-day points" in out


def test_report_shows_no_degree_ways_to_try_sources_and_old_pay(good_catalogue: Path) -> None:
    porter = good_catalogue / "roles/porter.yaml"
    text = porter.read_text(encoding="utf-8").replace("year: 2025/26", "year: 2022/23")
    porter.write_text(text.replace("ways_to_try: [hospital-volunteering]\n", ""), encoding="utf-8")
    report = build_report(load_catalogue(good_catalogue))
    assert report.no_way_to_try == ("porter",)
    assert report.old_pay == {"porter": "2022/23"}
    assert report.sources_per_role["2"] == 2
    assert report.no_degree_way_in == sum(r.has_no_degree_way_in for r in load_catalogue(good_catalogue).roles)


@pytest.mark.parametrize(("url", "warned"), [
    ("https://fdocuments.in/document/careers-in-care.html", "copies other sites"),
    ("https://stg-cms.sja.org.uk/get-involved", "staging"),
    ("https://www.healthcareers.nhs.uk/explore-roles/porter", None),
])
def test_copy_and_staging_sites_are_warned_about(url: str, warned: str | None) -> None:
    found = source_warning(url)
    assert (found is None) if warned is None else (found is not None and warned in found)


def test_home_page_only_and_single_sources_are_warned_about(good_catalogue: Path) -> None:
    porter = good_catalogue / "roles/porter.yaml"
    text = porter.read_text(encoding="utf-8")
    porter.write_text(text.replace(
        "sources: [https://www.healthcareers.nhs.uk/test-porter, https://www.nhsemployers.org/test-pay]",
        "sources: [https://www.healthcareers.nhs.uk/]"), encoding="utf-8")
    messages = {p.message for p in load_catalogue(good_catalogue).warnings}
    assert {"every source is a home page", "only 1 source"} <= messages
    assert is_home_page("https://www.nhs.uk") and not is_home_page("https://www.nhs.uk/a")
