"""``compass build``: role embeddings (only changed roles), the learned ranker, the manifest.

The build also cross-validates both rankers on the judgement set and records the
results in the manifest; the learned ranker ships only if it beat the transparent scorer
on held-out personas.
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
from compass.ranking.personas import load_personas
from compass.ranking.training import (
    ALPHA_NAMED,
    ALPHA_TERMS,
    SYNTHETIC_PER_ROLE,
    SYNTHETIC_WEIGHT,
    USE_SYNTHETIC,
    TrainingRows,
    fit_learned,
    persona_rows,
    synthetic_rows,
)


@dataclass(frozen=True)
class BuildReport:
    roles: int
    encoded: int
    evaluation: Evaluation
    shipped: str
    manifest: Manifest
    seconds: float


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
    engine = Engine(catalogue, embeddings=embeddings, encoder=encoder)
    evaluation = cross_validate(engine, judgements.personas, folds)
    extra = [synthetic_rows(engine)] if USE_SYNTHETIC else []
    model = fit_learned(TrainingRows.join([persona_rows(engine, judgements.personas), *extra]))
    files = {EMBEDDINGS_FILE: embeddings_bytes(embeddings), LEARNED_FILE: _model_bytes(model)}
    for name, data in files.items():
        write_atomically(models_dir / name, data)
    shipped = "learned" if evaluation.learned_wins else "transparent"
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
        shipped_ranker=shipped,
        shipped_because=evaluation.verdict,
        metrics=evaluation.as_dict(),
        training=_training_notes(len(judgements.personas), extra, evaluation, model),
    )
    write_manifest(models_dir, manifest)
    return BuildReport(len(catalogue.roles), encoded, evaluation, shipped, manifest,
                       time.perf_counter() - started)


def _training_notes(personas: int, extra: list[TrainingRows], evaluation: Evaluation,
                    model: ListwiseRanker) -> dict[str, object]:
    return {
        "personas": personas,
        "synthetic_profiles": sum(len(set(rows.groups)) for rows in extra),
        "synthetic_per_role": SYNTHETIC_PER_ROLE, "synthetic_weight": SYNTHETIC_WEIGHT,
        "model": f"ListwiseRanker(alpha_named={ALPHA_NAMED}, alpha_terms={ALPHA_TERMS})",
        "folds": evaluation.folds,
        "learned_named_weights": dict(zip(FEATURE_NAMES, map(float, model.coef_), strict=False)),
    }


def _model_bytes(model: ListwiseRanker) -> bytes:
    import joblib

    buffer = io.BytesIO()
    joblib.dump(model, buffer)
    return buffer.getvalue()
