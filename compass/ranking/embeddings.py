"""Role embeddings: one vector per role text, rebuilt only for roles whose text changed.

Each vector is stored with the SHA-256 of the exact text it was made from and the name of
the model, so a later build (or an engine loading a slightly stale file) can tell which
vectors still match the catalogue and which must be made again.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import numpy as np

from compass.catalogue import Role
from compass.ranking.encoder import TextEncoder, Vectors


def text_hash(role: Role) -> str:
    return hashlib.sha256(role.embedding_text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class RoleEmbeddings:
    """Vectors for some roles, keyed by role id and the hash of the text embedded."""

    model_name: str
    role_ids: tuple[str, ...]
    text_hashes: tuple[str, ...]
    vectors: Vectors  # (n, d), unit rows

    def matching(self, roles: tuple[Role, ...]) -> dict[str, int]:
        """Role id -> row, for the given roles whose stored text still matches."""
        stored = {(rid, h): i for i, (rid, h) in enumerate(zip(self.role_ids, self.text_hashes,
                                                              strict=True))}
        return {r.id: stored[(r.id, text_hash(r))] for r in roles if (r.id, text_hash(r)) in stored}

    def aligned(self, roles: tuple[Role, ...]) -> Vectors | None:
        """Vectors in the order of ``roles``, or None if any role's text has no vector."""
        rows = self.matching(roles)
        if len(rows) != len(roles):
            return None
        return self.vectors[[rows[r.id] for r in roles]]


def embed_roles(roles: tuple[Role, ...], encoder: TextEncoder,
                previous: RoleEmbeddings | None = None) -> tuple[RoleEmbeddings, int]:
    """Embeddings for every role, reusing ``previous`` vectors whose text is unchanged.

    Returns the embeddings and how many roles had to be encoded.
    """
    reuse = previous.matching(roles) if previous and previous.model_name == encoder.name else {}
    to_encode = [r for r in roles if r.id not in reuse]
    fresh = encoder.encode([r.embedding_text for r in to_encode]) if to_encode else None
    fresh_rows = {r.id: i for i, r in enumerate(to_encode)}
    vectors = []
    for role in roles:
        if role.id in reuse and previous is not None:
            vectors.append(previous.vectors[reuse[role.id]])
        else:
            assert fresh is not None
            vectors.append(fresh[fresh_rows[role.id]])
    embeddings = RoleEmbeddings(
        model_name=encoder.name,
        role_ids=tuple(r.id for r in roles),
        text_hashes=tuple(text_hash(r) for r in roles),
        vectors=np.asarray(np.stack(vectors), dtype=np.float32),
    )
    return embeddings, len(to_encode)


def embeddings_bytes(embeddings: RoleEmbeddings) -> bytes:
    """The .npz file content (plain arrays only, so loading never unpickles)."""
    buffer = io.BytesIO()
    np.savez(buffer, model_name=np.array(embeddings.model_name),
             role_ids=np.array(embeddings.role_ids), text_hashes=np.array(embeddings.text_hashes),
             vectors=embeddings.vectors)
    return buffer.getvalue()


def read_embeddings(data: bytes) -> RoleEmbeddings:
    """Parse bytes written by :func:`embeddings_bytes`; raises ValueError if malformed."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            vectors = np.asarray(archive["vectors"], dtype=np.float32)
            result = RoleEmbeddings(
                model_name=str(archive["model_name"]),
                role_ids=tuple(str(x) for x in archive["role_ids"]),
                text_hashes=tuple(str(x) for x in archive["text_hashes"]),
                vectors=vectors,
            )
    except (OSError, KeyError, EOFError, ValueError) as exc:
        raise ValueError(f"not a role embeddings file ({exc.__class__.__name__})") from None
    if vectors.ndim != 2 or not vectors.shape[0] == len(result.role_ids) == len(result.text_hashes):
        raise ValueError("role embeddings file has inconsistent shapes")
    return result
