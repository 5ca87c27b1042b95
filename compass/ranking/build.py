"""``compass build``: role embeddings (only changed roles), the learned ranker, the manifest.

The build runs the nested cross-validation of :mod:`.evaluation` and records the results
in the manifest, then chooses the shipped model's settings the same way (an inner
cross-validation, this time over every persona) and trains it on every persona. The
learned ranker ships only if its NDCG@10 lead over the transparent scorer on held-out
personas is significant (:mod:`.significance`); otherwise the manifest ships the
transparent scorer and says why, and the engine uses it without treating it as a fallback.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from compass.catalogue import load_catalogue
from compass.ranking.artefacts import (
    EMBEDDINGS_FILE,
    FORMAT_VERSION,
    LEARNED_FILE,
    Manifest,
    keep_last_good_catalogue,
    read_manifest,
    sha256,
    verified_bytes,
    write_atomically,
    write_manifest,
)
from compass.ranking.artefacts import library_versions as versions
from compass.ranking.embeddings import RoleEmbeddings, embed_roles, embeddings_bytes, read_embeddings
from compass.ranking.encoder import MODEL_PACKAGE, TextEncoder, shared_encoder
from compass.ranking.engine import Engine
from compass.ranking.evaluation import FOLDS, Evaluation, cross_validate
from compass.ranking.features import FEATURE_NAMES, FEATURE_SET_HASH
from compass.ranking.listwise import ListwiseRanker
from compass.ranking.personas import JudgementSet, load_personas
from compass.ranking.training import SYNTHETIC_PER_ROLE, SYNTHETIC_WEIGHT
from compass.ranking.tuning import GRID, Pool, Selection, choose_settings
from compass.understanding import OwnWordsReader


@dataclass(frozen=True)
class BuildReport:
    roles: int
    encoded: int
    evaluation: Evaluation
    shipped: str
    manifest: Manifest
    seconds: float
    judgements: JudgementSet
    selection: Selection  # the shipped model's settings, chosen over every persona


def previous_embeddings(models_dir: Path) -> RoleEmbeddings | None:
    """Embeddings from the last build, if its manifest vouches for them."""
    try:
        manifest = read_manifest(models_dir)
        return read_embeddings(verified_bytes(models_dir, manifest, EMBEDDINGS_FILE))
    except ValueError:
        return None


def build(catalogue_dir: Path, models_dir: Path, personas_path: Path,
          encoder: TextEncoder | None = None, folds: int = FOLDS) -> BuildReport:
    """Build every artefact into ``models_dir`` and return what was done."""
    started = time.perf_counter()
    catalogue = load_catalogue(catalogue_dir)
    judgements = load_personas(personas_path, catalogue)
    models_dir.mkdir(parents=True, exist_ok=True)
    encoder = encoder or shared_encoder()
    embeddings, encoded = embed_roles(catalogue.roles, encoder, previous_embeddings(models_dir))
    engine = Engine(catalogue, embeddings=embeddings, encoder=encoder,
                    reader=OwnWordsReader.for_catalogue(catalogue, catalogue_dir))
    pool = Pool.make(engine, judgements.personas, any(s.synthetic for s in GRID))
    evaluation = cross_validate(engine, judgements.personas, folds, pool=pool)
    selection = choose_settings(pool, judgements.personas)
    model = pool.fit(judgements.personas, selection.chosen).estimator
    files = {EMBEDDINGS_FILE: embeddings_bytes(embeddings), LEARNED_FILE: _model_bytes(model)}
    for name, data in files.items():
        write_atomically(models_dir / name, data)
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        built_at=datetime.now(UTC).isoformat(timespec="seconds"),
        catalogue_hash=catalogue.content_hash,
        judgement_set_hash=judgements.content_hash,
        embedding_model=encoder.name,
        embedding_package=MODEL_PACKAGE,
        libraries=versions(),
        files={name: sha256(data) for name, data in files.items()},
        feature_names=FEATURE_NAMES,
        feature_set=FEATURE_SET_HASH,
        shipped_ranker=evaluation.shipped,
        shipped_because=evaluation.verdict,
        metrics=evaluation.as_dict() | {"grade_agreement": _agreement(judgements)},
        training=_training_notes(judgements, evaluation, selection, model),
    )
    keep_last_good_catalogue(catalogue_dir, models_dir)
    write_manifest(models_dir, manifest)
    return BuildReport(len(catalogue.roles), encoded, evaluation, evaluation.shipped, manifest,
                       time.perf_counter() - started, judgements, selection)


def _agreement(judgements: JudgementSet) -> dict[str, float]:
    if judgements.agreement is None:
        return {"personas_in_both_passes": 0}
    return judgements.agreement.as_dict()


def _training_notes(judgements: JudgementSet, evaluation: Evaluation, selection: Selection,
                    model: ListwiseRanker) -> dict[str, object]:
    crossed = model.coef_[len(FEATURE_NAMES):]
    return {
        "personas": len(judgements.personas),
        "personas_graded_twice": judgements.graded_twice,
        "second_pass_files": list(judgements.second_pass_files),
        "grades_lowered_for_routes": [list(pair) for pair in judgements.lowered_for_routes],
        "settings": selection.as_dict(),
        "candidates": [settings.as_dict() for settings in GRID],
        "outer_folds": [fold.as_dict() for fold in evaluation.outer],
        "folds": evaluation.folds, "inner_folds": evaluation.inner_folds,
        "synthetic_per_role": SYNTHETIC_PER_ROLE, "synthetic_weight": SYNTHETIC_WEIGHT,
        "crossed_terms_used": int((crossed != 0).sum()),
        "learned_named_weights": dict(zip(FEATURE_NAMES, map(float, model.coef_), strict=False)),
    }


def _model_bytes(model: ListwiseRanker) -> bytes:
    import joblib

    buffer = io.BytesIO()
    joblib.dump(model, buffer)
    return buffer.getvalue()
