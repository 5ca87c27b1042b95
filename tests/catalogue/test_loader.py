"""The loader reports every broken edit as path:line: field: message, and loads good files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from compass.catalogue import check_catalogue, load_catalogue
from compass.catalogue.models import Role
from compass.cli import main
from compass.errors import CatalogueError
from compass.questionnaire import DEFAULT_FLOWS_DIR


@dataclass(frozen=True)
class Breakage:
    """One deliberate mistake: replace ``old`` with ``new`` in ``file`` (or write a new file)."""

    name: str
    file: str
    old: str
    new: str
    expect_file: str
    expect_line: int
    expect_field: str
    expect_message: str


BREAKAGES = [
    Breakage("bad-yaml-syntax", "roles/porter.yaml", "title: Hospital porter",
             "title: [Hospital porter", "roles/porter.yaml", 3, "(file)", "YAML syntax"),
    Breakage("duplicate-key", "roles/porter.yaml", "family: estates-facilities",
             "family: estates-facilities\nfamily: clinical-support", "roles/porter.yaml", 5,
             "family", "'family' appears twice"),
    Breakage("unknown-field", "roles/porter.yaml", "family: estates-facilities",
             "family: estates-facilities\nfamliy_note: x", "roles/porter.yaml", 5,
             "famliy_note", "'famliy_note' is not a field here"),
    Breakage("wrong-type", "roles/porter.yaml", "paid_while_training: true",
             "paid_while_training: maybe", "roles/porter.yaml", 36,
             "entry_routes[0].paid_while_training", "should be true or false"),
    Breakage("unknown-route-kind", "roles/porter.yaml", "kind: volunteering",
             "kind: volunteerin", "roles/porter.yaml", 40, "entry_routes[1].kind",
             "did you mean 'volunteering'?"),
    Breakage("dangling-provider", "roles/porter.yaml", "providers: [test-trust]",
             "providers: [test-trus]", "roles/porter.yaml", 38, "entry_routes[0].providers[0]",
             "no provider has the id 'test-trus'; did you mean 'test-trust'?"),
    Breakage("dangling-progression", "roles/porter.yaml", "progression: [estates-manager]",
             "progression: [estate-manager]", "roles/porter.yaml", 46, "progression[0]",
             "no role has the id 'estate-manager'"),
    Breakage("id-file-mismatch", "roles/porter.yaml", "id: porter", "id: hospital-porter",
             "roles/porter.yaml", 1, "id", "does not match the file name"),
    Breakage("duplicate-id", "roles/porter-copy.yaml", "", "", "roles/porter.yaml", 1,
             "id", "the id 'porter' is already used"),
    Breakage("bad-soc-code", "roles/porter.yaml", 'soc2020: "9219"', 'soc2020: "9999"',
             "roles/porter.yaml", 5, "soc2020", "'9999' is not a SOC 2020 unit group"),
    Breakage("missing-required-field", "roles/estates-manager.yaml", "family: management-leadership\n",
             "", "roles/estates-manager.yaml", 1, "family", "required but missing"),
    Breakage("empty-summary", "roles/estates-manager.yaml",
             "summary: >-\n  You look after hospital buildings. You plan repairs and lead the teams who keep it all"
             "\n  working.",
             'summary: ""', "roles/estates-manager.yaml", 5, "summary", "too short or empty"),
    Breakage("text-over-length", "roles/porter.yaml", "  - Deliver post, linen and supplies",
             "  - " + "Deliver post and linen and supplies " * 5, "roles/porter.yaml", 12,
             "day_to_day[2]", "this is too long"),
    Breakage("soc-not-quoted", "roles/porter.yaml", 'soc2020: "9219"', "soc2020: 9219",
             "roles/porter.yaml", 5, "soc2020", "should be text"),
    Breakage("programme-run-by", "programmes/test-hub.yaml", "run_by: test-trust",
             "run_by: nobody", "programmes/test-hub.yaml", 3, "run_by",
             "no provider has the id 'nobody'"),
    Breakage("placeholder-link", "roles/porter.yaml", "sources: [https://www.healthcareers.nhs.uk/test-porter,",
             "sources: [https://example.org/porter,", "roles/porter.yaml", 49, "sources[0]",
             "the link points at a placeholder address"),
    Breakage("glossary-term-without-sources", "glossary.yaml",
             "    sources:\n      - https://www.gov.uk/request-copy-criminal-record\n", "",
             "glossary.yaml", 10, "terms[1].sources", "required but missing"),
    Breakage("search-words-unknown-filter", "search_words.yaml", "filter: no-degree",
             "filter: free", "search_words.yaml", 7, "filters[0].filter", "'free' is not in the right form"),
    Breakage("progression-loop", "roles/estates-manager.yaml", "leeds_employers: [Test Trust]",
             "progression: [porter]\nleeds_employers: [Test Trust]", "roles/porter.yaml",
             46, "progression", "progression goes round in a loop"),
]


def _break(root: Path, breakage: Breakage) -> None:
    target = root / breakage.file
    if breakage.name == "duplicate-id":
        target.write_text((root / "roles/porter.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        return
    text = target.read_text(encoding="utf-8")
    assert breakage.old in text, f"fixture text for {breakage.name} not found"
    target.write_text(text.replace(breakage.old, breakage.new, 1), encoding="utf-8")


def test_good_fixture_loads(good_catalogue: Path) -> None:
    catalogue = load_catalogue(good_catalogue)
    assert catalogue.role_ids == ("estates-manager", "porter")
    assert isinstance(catalogue.role("porter"), Role)
    assert catalogue.warnings == ()
    assert [t.id for t in catalogue.glossary] == ["nhs-band", "dbs-check"]
    assert catalogue.search_words.filters[0].words == ("no degree", "without a degree")


@pytest.mark.parametrize("breakage", BREAKAGES, ids=[b.name for b in BREAKAGES])
def test_each_breakage_is_reported_at_its_line(good_catalogue: Path, breakage: Breakage) -> None:
    _break(good_catalogue, breakage)
    result = check_catalogue(good_catalogue)
    assert result.catalogue is None
    rendered = [p.render() for p in result.errors]
    prefix = f"{breakage.expect_file}:{breakage.expect_line}: {breakage.expect_field}: "
    matching = [r for r in rendered if prefix in r and breakage.expect_message in r]
    assert matching, f"expected '{prefix}...{breakage.expect_message}' in:\n" + "\n".join(rendered)


@pytest.mark.parametrize("breakage", BREAKAGES, ids=[b.name for b in BREAKAGES])
def test_validate_command_exits_non_zero(good_catalogue: Path, breakage: Breakage,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _break(good_catalogue, breakage)
    status = main(["validate", "--catalogue", str(good_catalogue), "--questionnaires", str(DEFAULT_FLOWS_DIR)])
    assert status == 1
    assert breakage.expect_message in capsys.readouterr().err


def test_load_raises_with_every_problem(good_catalogue: Path) -> None:
    for breakage in (BREAKAGES[5], BREAKAGES[9]):
        _break(good_catalogue, breakage)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(good_catalogue)
    assert len(raised.value.errors) == 2


def test_reading_age_is_a_warning_not_an_error(good_catalogue: Path) -> None:
    path = good_catalogue / "roles/porter.yaml"
    hard = ("Porters facilitate interdepartmental logistical transportation of immobilised "
            "patients, necessitating considerable organisational responsibility and "
            "communicational competence throughout extraordinarily complicated institutional "
            "environments.")
    text = path.read_text(encoding="utf-8")
    start = text.index("summary: >-")
    end = text.index("day_to_day:")
    path.write_text(text[:start] + f"summary: {hard}\n" + text[end:], encoding="utf-8")
    result = check_catalogue(good_catalogue)
    assert result.catalogue is not None
    messages = [w.render() for w in result.warnings]
    assert any("porter.yaml:6: warning: summary: reading grade" in m for m in messages), messages


def test_entry_requirements_hard_to_read_are_a_warning_at_their_line(good_catalogue: Path) -> None:
    path = good_catalogue / "roles/porter.yaml"
    text = path.read_text(encoding="utf-8")
    hard = ("Prospective applicants necessitate demonstrable organisational competencies "
            "alongside institutional familiarity with interdepartmental procedures.")
    path.write_text(text.replace("entry_requirements: Aged 16 or over.",
                                 f"entry_requirements: {hard}"), encoding="utf-8")
    result = check_catalogue(good_catalogue)
    assert result.catalogue is not None
    messages = [w.render() for w in result.warnings]
    assert any("porter.yaml:44: warning: entry_routes" in m and "entry_requirements: reading grade" in m
               for m in messages), messages
