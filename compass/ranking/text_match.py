"""How close a person's own words are to each role's text, by sentence embeddings."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import Role
from compass.ranking.embeddings import RoleEmbeddings, embed_roles
from compass.ranking.encoder import TextEncoder, Vectors

FloatArray = NDArray[np.float64]
log = logging.getLogger("compass.ranking")
CACHE_SIZE = 2048


def _unusable(built: RoleEmbeddings | None, encoder: TextEncoder) -> str | None:
    """Why built role vectors cannot be compared with this encoder's, if they cannot."""
    if built is None:
        return None
    if built.model_name != encoder.name:
        return f"the role embeddings were made by {built.model_name}, not {encoder.name}"
    if built.vectors.ndim != 2 or built.vectors.shape[1] != encoder.dimension:
        return (f"the role embeddings have {built.vectors.shape[-1]} numbers per role, but "
                f"{encoder.name} makes {encoder.dimension}: role texts will be encoded instead "
                "(run 'compass build')")
    return None


class TextMatcher:
    """Role vectors (given, or made on first use) and an encoder for people's words."""

    def __init__(self, roles: tuple[Role, ...], encoder: TextEncoder,
                 built: RoleEmbeddings | None = None) -> None:
        self.roles = roles
        self.encoder = encoder
        self.problem = _unusable(built, encoder)
        if self.problem:
            log.warning("%s", self.problem)
            built = None
        self._built = built
        self._role_vectors = built.aligned(roles) if built is not None else None
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()
        self._encoding_roles = threading.Lock()

    @property
    def has_role_vectors(self) -> bool:
        return self._role_vectors is not None

    def role_vectors(self) -> Vectors:
        """Unit vectors per role; encoded now if no built embeddings were available."""
        with self._encoding_roles:  # one request encodes; any others wait for its result
            if self._role_vectors is None:
                embeddings, encoded = embed_roles(self.roles, self.encoder, self._built)
                log.info("encoded %d role texts that had no built embedding", encoded)
                self._role_vectors = embeddings.vectors
            return self._role_vectors

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts``, encoding the ones not seen recently in one batch."""
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            fresh = self.encoder.encode(missing)
            known.update(zip(missing, fresh, strict=True))
            with self._lock:
                for text in missing:
                    self._cache[text] = known[text]
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def match(self, texts: Sequence[str]) -> FloatArray:
        """(k, n_roles): cosine to each role minus its mean over roles; 0 rows for no text."""
        result = np.zeros((len(texts), len(self.roles)))
        written = [i for i, t in enumerate(texts) if t.strip()]
        if not written:
            return result
        vectors = self.encode([texts[i].strip() for i in written])
        similarity = (vectors @ self.role_vectors().T).astype(np.float64)
        result[written] = similarity - similarity.mean(axis=1, keepdims=True)
        return result
