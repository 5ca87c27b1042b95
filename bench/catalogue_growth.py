"""How ``recommend`` latency grows with the catalogue: 125 real roles, then 1,000 and 10,000.

Run: ``.venv/bin/python bench/catalogue_growth.py [--models DIR] [--count 300]``

The bigger catalogues are made from the real roles: each copy gets a new id and nudged
interests and work levels, and its embedding is the original's plus a little noise
(renormalised), so no text needs encoding. The ranker is the one in ``models/``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import random_profiles, time_each  # noqa: E402
from recommend_latency import dot_floor  # noqa: E402

from compass.catalogue import Catalogue, Role, load_catalogue  # noqa: E402
from compass.catalogue.vocab import LIKE_DIMENSIONS, WORK_ATTRIBUTE_FOR_LIKE, Level  # noqa: E402
from compass.ranking.artefacts import DEFAULT_MODELS, load_artefacts  # noqa: E402
from compass.ranking.embeddings import RoleEmbeddings, text_hash  # noqa: E402
from compass.ranking.encoder import MODEL_NAME  # noqa: E402
from compass.ranking.engine import Engine  # noqa: E402

LEVELS = list(Level)


def variant(role: Role, number: int, rng: np.random.Generator) -> Role:
    interests = {a: float(np.clip(v + rng.normal(0, 0.08), 0, 1))
                 for a, v in role.interests.model_dump(exclude={"basis"}).items()}
    work = {}
    for dim in LIKE_DIMENSIONS:
        attribute = WORK_ATTRIBUTE_FOR_LIKE[dim]
        step = int(np.clip(LEVELS.index(getattr(role.work, attribute)) + rng.integers(-1, 2), 0, 3))
        work[attribute] = LEVELS[step]
    return role.model_copy(update={
        "id": f"{role.id}-{number}", "title": f"{role.title} {number}",
        "interests": role.interests.model_copy(update=interests),
        "work": role.work.model_copy(update=work)})


def grown(catalogue: Catalogue, vectors: np.ndarray, size: int) -> tuple[Catalogue, RoleEmbeddings]:
    rng = np.random.default_rng(size)
    base = catalogue.roles
    roles = list(base)
    rows = list(range(len(base)))
    while len(roles) < size:
        i = len(roles) % len(base)
        roles.append(variant(base[i], len(roles), rng))
        rows.append(i)
    noisy = vectors[rows] + rng.normal(0, 0.02, (len(rows), vectors.shape[1])).astype(np.float32)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    bigger = Catalogue(roles=tuple(roles), providers=catalogue.providers,
                       programmes=catalogue.programmes, content_hash=f"grown-{size}")
    embeddings = RoleEmbeddings(MODEL_NAME,
                                tuple(r.id for r in roles), tuple(text_hash(r) for r in roles),
                                noisy)
    return bigger, embeddings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    catalogue = load_catalogue()
    found = load_artefacts(args.models, catalogue)
    base = Engine(catalogue, ranker=found.learned, embeddings=found.embeddings)
    vectors = base.text.role_vectors()
    plain = random_profiles(args.count, with_text=False)
    written = random_profiles(args.count, with_text=True, seed=1)
    print(f"ranker: {base.ranker_name}")
    print(f"{'roles':>7} {'build s':>8} {'no text median':>15} {'p99':>8} {'with text median':>17}"
          f" {'p99':>8} {'dot floor':>10} {'ratio':>7}")
    for size in (len(catalogue.roles), 1_000, 10_000):
        started = time.perf_counter()
        if size == len(catalogue.roles):
            engine = base
        else:
            bigger, embeddings = grown(catalogue, vectors, size)
            engine = Engine(bigger, ranker=found.learned, embeddings=embeddings)
        setup = time.perf_counter() - started
        engine.recommend(written[0])
        no_text = time_each(plain, engine.recommend)
        with_text = time_each(written[1:], engine.recommend)
        floor = dot_floor(engine.text.role_vectors(), repeats=500)
        print(f"{size:>7} {setup:>8.2f} {no_text.median_ms:>12.2f} ms {no_text.p99_ms:>5.2f} ms"
              f" {with_text.median_ms:>14.2f} ms {with_text.p99_ms:>5.2f} ms"
              f" {floor:>7.4f} ms {no_text.median_ms / floor:>6.0f}x")


if __name__ == "__main__":
    main()
