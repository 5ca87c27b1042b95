"""Built artefacts: incremental builds, and refusing anything missing, stale or tampered with."""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from ranking_helpers import PERSONAS_YAML, FakeEncoder, write_catalogue

from compass.ranking import artefacts
from compass.ranking import build as build_module
from compass.ranking.artefacts import EMBEDDINGS_FILE, LEARNED_FILE, MANIFEST_FILE, sha256
from compass.ranking.build import BuildReport, build
from compass.ranking.engine import Engine
from compass.ranking.evaluation import Evaluation
from compass.ranking.significance import Interval, Lead

NOT_SIGNIFICANT = Lead(Interval(0.012, -0.01, 0.03), Interval(0.04, -0.02, 0.1))
SIGNIFICANT = Lead(Interval(0.1, 0.08, 0.12), Interval(0.1, 0.05, 0.14))


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """One build of the test catalogue for the whole module (the slow part: training)."""
    root = tmp_path_factory.mktemp("first-build")
    personas = root / "personas.yaml"
    personas.write_text(PERSONAS_YAML)
    models = root / "models"
    return models, build(write_catalogue(root / "catalogue"), models, personas, encoder=FakeEncoder(), folds=3)


@pytest.fixture
def built(first_build: tuple[Path, BuildReport], catalogue_dir: Path, tmp_path: Path) -> tuple[Path, BuildReport]:
    """This test's own copy of the first build, next to an identical ``catalogue_dir``."""
    models = tmp_path / "models"
    shutil.copytree(first_build[0], models)
    return models, first_build[1]


def load(catalogue_dir: Path, models: Path) -> Engine:
    return Engine.load(catalogue_dir, models, encoder=FakeEncoder())


def manifest_of(models: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((models / MANIFEST_FILE).read_text())


def rewrite_manifest(models: Path, lead: Lead | None = None, **changes: object) -> None:
    """Change manifest fields; with ``lead``, also its recorded evaluation of the learned model."""
    data = manifest_of(models)
    data.update(changes)
    if lead is not None:
        data["metrics"]["learned_minus_transparent"] = lead.as_dict()
    (models / MANIFEST_FILE).write_text(json.dumps(data))


def ship_learned(models: Path) -> None:
    rewrite_manifest(models, SIGNIFICANT, shipped_ranker="learned", shipped_because="a test says so")


def warnings_in(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_the_build_writes_a_manifest_that_matches_its_files(built: tuple[Path, BuildReport],
                                                            catalogue_dir: Path) -> None:
    models, report = built
    manifest = manifest_of(models)
    for name in (EMBEDDINGS_FILE, LEARNED_FILE):
        assert manifest["files"][name] == sha256((models / name).read_bytes())
    assert manifest["embedding_model"] == FakeEncoder.name
    assert {"scikit-learn", "numpy", "sentence-transformers"} <= set(manifest["libraries"])
    metrics = manifest["metrics"]
    assert set(metrics) == {"learned", "transparent", "random", "learned_minus_transparent",
                            "grade_agreement"}
    assert metrics["learned"]["constraint_violations"] == 0
    lead = metrics["learned_minus_transparent"]
    assert lead["ndcg_at_10_low"] <= lead["ndcg_at_10"] <= lead["ndcg_at_10_high"]
    assert lead["resamples"] == 2000 and lead["confidence"] == 0.95
    assert metrics["grade_agreement"] == {"personas_in_both_passes": 0}
    assert report.encoded == report.roles == 12
    assert manifest["shipped_ranker"] == report.shipped == report.evaluation.shipped
    assert report.shipped == ("learned" if lead["ndcg_at_10_low"] > 0 else "transparent")
    assert manifest["shipped_because"] == report.evaluation.verdict
    training = manifest["training"]
    assert training["settings"]["chosen"] == report.selection.chosen.as_dict()
    assert len(training["outer_folds"]) == 3


def test_a_clean_build_loads_without_warnings(built: tuple[Path, BuildReport], catalogue_dir: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    models, report = built
    ship_learned(models)
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "learned" and engine.fallback_reason is None
    assert engine.text.has_role_vectors
    assert not warnings_in(caplog)


def test_when_the_learned_model_does_not_win_the_transparent_scorer_ships_honestly(
        built: tuple[Path, BuildReport], catalogue_dir: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    models, _ = built
    rewrite_manifest(models, NOT_SIGNIFICANT, shipped_ranker="transparent",
                     shipped_because=NOT_SIGNIFICANT.verdict)
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent" and engine.fallback_reason is None
    assert engine.ranker_note == ("transparent scorer: the learned model's lead was not significant: "
                                  "NDCG@10 +0.012 [-0.010, +0.030] (95% CI over personas)")
    assert not warnings_in(caplog)


def test_a_lead_that_is_not_significant_ships_the_transparent_scorer(
        catalogue_dir: Path, personas_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Construct the case: whatever the folds say, the lead's interval reaches below zero."""
    measured = build_module.cross_validate

    def not_significant(*args: Any, **kwargs: Any) -> Evaluation:
        return replace(measured(*args, **kwargs), lead=NOT_SIGNIFICANT)

    monkeypatch.setattr(build_module, "cross_validate", not_significant)
    models = tmp_path / "models"
    report = build(catalogue_dir, models, personas_file, encoder=FakeEncoder(), folds=2)
    manifest = manifest_of(models)
    assert report.shipped == manifest["shipped_ranker"] == "transparent"
    assert manifest["metrics"]["learned_minus_transparent"]["ndcg_at_10_low"] == -0.01
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent" and engine.fallback_reason is None
    assert "not significant: NDCG@10 +0.012 [-0.010, +0.030]" in engine.ranker_note
    assert not warnings_in(caplog)


def test_a_one_role_change_re_embeds_only_that_role(built: tuple[Path, BuildReport],
                                                    catalogue_dir: Path, personas_file: Path) -> None:
    models, _ = built
    role_file = catalogue_dir / "roles" / "care-worker.yaml"
    role_file.write_text(role_file.read_text().replace("help older people", "help older adults"))
    report = build(catalogue_dir, models, personas_file, encoder=FakeEncoder(), folds=3)
    assert report.encoded == 1
    assert manifest_of(models)["catalogue_hash"] != built[1].manifest.catalogue_hash


def test_missing_models_fall_back_with_one_warning(catalogue_dir: Path, tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    engine = load(catalogue_dir, tmp_path / "nothing-here")
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and "compass build" in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1


def test_a_corrupt_manifest_falls_back(built: tuple[Path, BuildReport], catalogue_dir: Path,
                                       caplog: pytest.LogCaptureFixture) -> None:
    models, _ = built
    (models / MANIFEST_FILE).write_text("{not json")
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent" and not engine.text.has_role_vectors
    assert len(warnings_in(caplog)) == 1


def test_a_tampered_model_is_never_unpickled(built: tuple[Path, BuildReport], catalogue_dir: Path,
                                             caplog: pytest.LogCaptureFixture,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    models, _ = built
    ship_learned(models)
    data = bytearray((models / LEARNED_FILE).read_bytes())
    data[-5] ^= 0xFF
    (models / LEARNED_FILE).write_bytes(bytes(data))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("joblib.load was called on a file that failed its hash check")

    monkeypatch.setattr("joblib.load", refuse)
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and LEARNED_FILE in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1


def test_tampered_embeddings_are_not_read(built: tuple[Path, BuildReport], catalogue_dir: Path,
                                          caplog: pytest.LogCaptureFixture,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    models, _ = built
    ship_learned(models)
    (models / EMBEDDINGS_FILE).write_bytes((models / EMBEDDINGS_FILE).read_bytes() + b"extra")
    monkeypatch.setattr(artefacts, "read_embeddings", lambda data: pytest.fail("parsed"))
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent" and not engine.text.has_role_vectors
    assert engine.fallback_reason is not None and EMBEDDINGS_FILE in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1


def test_a_missing_file_falls_back(built: tuple[Path, BuildReport], catalogue_dir: Path,
                                   caplog: pytest.LogCaptureFixture) -> None:
    models, _ = built
    ship_learned(models)
    (models / LEARNED_FILE).unlink()
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and "missing" in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1


def test_a_corrupt_file_with_a_matching_hash_still_falls_back(
        built: tuple[Path, BuildReport], catalogue_dir: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    models, _ = built
    junk = b"this is not a joblib file"
    (models / LEARNED_FILE).write_bytes(junk)
    files = {**manifest_of(models)["files"], LEARNED_FILE: sha256(junk)}
    rewrite_manifest(models, SIGNIFICANT, files=files, shipped_ranker="learned")
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and "could not be read" in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1


def test_stale_models_fall_back_but_keep_unchanged_role_vectors(
        built: tuple[Path, BuildReport], catalogue_dir: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    models, _ = built
    ship_learned(models)
    role_file = catalogue_dir / "roles" / "youth-worker.yaml"
    role_file.write_text(role_file.read_text().replace("run clubs", "run youth clubs"))
    encoder = FakeEncoder()
    engine = Engine.load(catalogue_dir, models, encoder=encoder)
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and "catalogue" in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1
    engine.text.role_vectors()
    assert encoder.calls == 1  # only the changed role is encoded


def test_a_different_scikit_learn_version_is_refused(built: tuple[Path, BuildReport],
                                                     catalogue_dir: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    models, _ = built
    libraries = {**manifest_of(models)["libraries"], "scikit-learn": "0.1.0"}
    rewrite_manifest(models, SIGNIFICANT, libraries=libraries, shipped_ranker="learned")
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and "scikit-learn 0.1.0" in engine.fallback_reason
    assert len(warnings_in(caplog)) == 1


@pytest.mark.parametrize(("lead", "edited_to"), [(SIGNIFICANT, "transparent"), (NOT_SIGNIFICANT, "learned")])
def test_a_hand_edited_verdict_is_refused_and_said(built: tuple[Path, BuildReport], catalogue_dir: Path,
                                                   caplog: pytest.LogCaptureFixture, lead: Lead,
                                                   edited_to: str) -> None:
    models, _ = built
    rewrite_manifest(models, lead, shipped_ranker=edited_to)
    engine = load(catalogue_dir, models)
    assert engine.ranker_name == "transparent"
    assert engine.fallback_reason is not None and "edited by hand" in engine.fallback_reason
    assert any("edited by hand" in w for w in warnings_in(caplog))


def test_role_vectors_of_another_size_are_refused_and_encoded_once(
        built: tuple[Path, BuildReport], catalogue_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Embeddings with the wrong number of dimensions used to give a 500 on every free-text page."""
    import time
    from collections.abc import Sequence
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    from compass.ranking.embeddings import read_embeddings
    from compass.ranking.text_match import TextMatcher

    models, _ = built
    good = read_embeddings((models / EMBEDDINGS_FILE).read_bytes())
    wrong = replace(good, vectors=good.vectors[:, :16].copy())

    class SlowEncoder(FakeEncoder):
        def encode(self, texts: Sequence[str]) -> np.ndarray:
            time.sleep(0.2)  # like the real model: long enough for requests to pile up
            return super().encode(texts)

    encoder = SlowEncoder()
    engine = load(catalogue_dir, models)
    matcher = TextMatcher(engine.catalogue.roles, encoder, wrong)
    assert matcher.problem and "16 numbers per role" in matcher.problem
    assert any("16 numbers per role" in w for w in warnings_in(caplog))
    with ThreadPoolExecutor(4) as pool:
        shapes = list(pool.map(lambda _: matcher.role_vectors().shape, range(4)))
    assert shapes == [(len(engine.catalogue.roles), encoder.dimension)] * 4
    assert encoder.calls == 1  # four requests at once: the role texts are encoded once
    assert matcher.match(["fixing things"]).shape == (1, len(engine.catalogue.roles))
