"""``compass recommend``, ``compass build`` and ``compass evaluate`` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from ranking_helpers import FakeEncoder

from compass.cli import main
from compass.ranking import encoder as encoder_module

PROFILE = {"stage": "college", "likes": {"technology": 1.0},
           "constraints": {"earn_while_learning": True}}


@pytest.fixture(autouse=True)
def fake_encoder(monkeypatch: pytest.MonkeyPatch) -> FakeEncoder:
    fake = FakeEncoder()
    monkeypatch.setattr(encoder_module, "_shared", fake)
    return fake


def recommend(capsys: pytest.CaptureFixture[str], catalogue_dir: Path, tmp_path: Path,
              text: str, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "profiles.jsonl"
    path.write_text(text)
    status = main(["recommend", "--profile", str(path), "--catalogue", str(catalogue_dir),
                   "--models", str(tmp_path / "no-models"), *extra])
    out, err = capsys.readouterr()
    return status, out, err


def test_one_profile_as_json(capsys: pytest.CaptureFixture[str], catalogue_dir: Path,
                             tmp_path: Path) -> None:
    status, out, err = recommend(capsys, catalogue_dir, tmp_path, json.dumps(PROFILE, indent=2),
                                 "--json", "--top", "3")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 1
    recs = json.loads(lines[0])["recommendations"]
    assert len(recs) == 3 and recs[0]["role_id"] == "data-analyst"
    assert set(recs[0]) == {"role_id", "title", "family", "score", "reasons", "worth_knowing", "named", "route"}
    assert recs[0]["route"]["paid_while_training"] is True
    assert "transparent scorer" in err  # no models built: one clear warning


def test_json_lines_give_one_line_each_and_top_may_cover_the_catalogue(
        capsys: pytest.CaptureFixture[str], catalogue_dir: Path, tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(p) for p in (PROFILE, {}, {"free_text": "painting"})) + "\n"
    status, out, _ = recommend(capsys, catalogue_dir, tmp_path, lines, "--json", "--top", "500")
    assert status == 0
    results = [json.loads(line)["recommendations"] for line in out.splitlines()]
    assert len(results) == 3
    assert len(results[1]) == 12  # the whole test catalogue fits an unconstrained profile


def test_text_output_and_standard_input(capsys: pytest.CaptureFixture[str], catalogue_dir: Path,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(PROFILE)))
    status = main(["recommend", "--profile", "-", "--catalogue", str(catalogue_dir),
                   "--models", str(tmp_path / "none")])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith(" 1. Data analyst")
    assert "Next step:" in out and "You said you like computers and technology" in out


def test_a_bad_profile_names_its_line(capsys: pytest.CaptureFixture[str], catalogue_dir: Path,
                                      tmp_path: Path) -> None:
    text = json.dumps(PROFILE) + "\n" + json.dumps({"likes": {"science": 3}}) + "\n"
    status, _, err = recommend(capsys, catalogue_dir, tmp_path, text)
    assert status == 1
    assert "line 2" in err and "likes.science" in err


def test_top_must_be_positive(capsys: pytest.CaptureFixture[str], catalogue_dir: Path,
                              tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        recommend(capsys, catalogue_dir, tmp_path, "{}", "--top", "0")


def test_build_then_evaluate(capsys: pytest.CaptureFixture[str], catalogue_dir: Path,
                             personas_file: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    common = ["--catalogue", str(catalogue_dir), "--models", str(models),
              "--personas", str(personas_file)]
    assert main(["build", *common]) == 0
    built = capsys.readouterr().out
    assert "Embedded 12 of 12 roles" in built and "Shipping the" in built
    assert main(["evaluate", *common, "--folds", "3", "--no-probes"]) == 0
    table = capsys.readouterr().out
    for ranker in ("learned", "transparent", "random"):
        assert ranker in table
    assert "NDCG@10" in table and "(shipped)" in table
    assert "learned minus transparent, 95% CI" in table and "Verdict: " in table
    assert "Grades: first pass only" in table


def test_evaluate_reports_agreement_between_two_passes_of_grades(
        capsys: pytest.CaptureFixture[str], catalogue_dir: Path, personas_file: Path,
        tmp_path: Path) -> None:
    (tmp_path / "grades").mkdir()
    (tmp_path / "grades" / "second_pass_a.yaml").write_text(
        "grades:\n  carer: {care-worker: 3, youth-worker: 2}\n  techie: {data-analyst: 3}\n")
    assert main(["evaluate", "--no-probes", "--catalogue", str(catalogue_dir), "--models", str(tmp_path / "none"),
                 "--personas", str(personas_file), "--folds", "2"]) == 0
    out = capsys.readouterr().out
    assert "Grades: 2 personas graded twice: grade-3 overlap 1.00" in out
    assert "(2 of 6 personas; the first pass for the rest)" in out
