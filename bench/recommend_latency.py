"""Latency of ``Engine.recommend`` on the real catalogue, with and without free text.

Run: ``.venv/bin/python bench/recommend_latency.py [--models DIR] [--count 1000]``

Prints the median and 99th percentile per profile over ``--count`` profiles, memory before
and after the sentence model loads, and the ratio to the physical floor: a bare numpy dot
product of one query vector against the same role embeddings.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import random_profiles, rss_mb, time_each  # noqa: E402

from compass.catalogue import load_catalogue  # noqa: E402
from compass.ranking.artefacts import DEFAULT_MODELS  # noqa: E402
from compass.ranking.engine import Engine  # noqa: E402


def dot_floor(vectors: np.ndarray, repeats: int = 2000) -> float:
    """Median ms of ``vectors @ q`` for a unit query: the least any ranking could cost."""
    rng = np.random.default_rng(1)
    queries = rng.normal(size=(repeats, vectors.shape[1])).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    times = []
    for q in queries:
        started = time.perf_counter()
        vectors @ q
        times.append(time.perf_counter() - started)
    return float(np.median(times) * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", type=Path, default=DEFAULT_MODELS)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    before = rss_mb()
    started = time.perf_counter()
    engine = Engine.load(models_dir=args.models, catalogue=load_catalogue())
    print(f"engine: {engine.ranker_name} ranker, {len(engine.catalogue.roles)} roles, "
          f"loaded in {time.perf_counter() - started:.2f} s; fallback: {engine.fallback_reason}")
    print(f"memory: {before:.0f} MB before loading, {rss_mb():.0f} MB with the engine")
    plain = random_profiles(args.count, with_text=False)
    written = random_profiles(args.count, with_text=True, seed=1)
    for profile in plain[:20]:
        engine.recommend(profile)
    engine.recommend(written[-1])  # load the sentence model before timing
    print(f"memory: {rss_mb():.0f} MB once the sentence model is loaded")
    no_text = time_each(plain, engine.recommend)
    with_text = time_each(written, engine.recommend)
    floor = dot_floor(engine.text.role_vectors())
    print(f"recommend, no free text   ({args.count} profiles): {no_text}")
    print(f"recommend, with free text ({args.count} profiles): {with_text}")
    print(f"floor: numpy dot over {len(engine.catalogue.roles)} role embeddings: {floor:.4f} ms; "
          f"recommend is {no_text.median_ms / floor:,.0f}x the floor without text, "
          f"{with_text.median_ms / floor:,.0f}x with text")


if __name__ == "__main__":
    main()
