"""An encrypted session cookie.

Flask's own session cookie is signed but readable: anyone with the browser (a shared
school computer) could decode a young person's answers and their own words from it. This
one is encrypted and authenticated (Fernet: AES-128 in CBC mode with an HMAC-SHA256), with
a key derived from ``COMPASS_SECRET_KEY``, so it can be neither read nor changed.
"""

from __future__ import annotations

import base64
import json
import zlib
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

SESSION_KEY_INFO = b"career-compass session cookie v1"


def session_key(secret_key: str) -> bytes:
    """A Fernet key for the session cookie, derived from the service's secret key."""
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SESSION_KEY_INFO).derive(
        secret_key.encode())
    return base64.urlsafe_b64encode(derived)


class EncryptedSerializer:
    """What Flask's cookie session needs of a serializer (``dumps`` and ``loads``), encrypting."""

    def __init__(self, secret_key: str) -> None:
        self.fernet = Fernet(session_key(secret_key))
        self.tagged = TaggedJSONSerializer()

    def dumps(self, value: dict[str, Any]) -> str:
        return self.fernet.encrypt(zlib.compress(self.tagged.dumps(value).encode())).decode("ascii")

    def loads(self, token: str | bytes, max_age: int | None = None) -> Any:
        raw = token.encode("ascii", "replace") if isinstance(token, str) else token
        try:
            data = self.fernet.decrypt(raw, ttl=max_age)
            return self.tagged.loads(zlib.decompress(data).decode())
        except (InvalidToken, zlib.error, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
            raise BadSignature("the session cookie could not be decrypted") from exc


@lru_cache(maxsize=4)
def serializer_for(secret_key: str) -> EncryptedSerializer:
    return EncryptedSerializer(secret_key)


class EncryptedCookieSessionInterface(SecureCookieSessionInterface):
    """Flask's cookie session, with the cookie's contents encrypted instead of only signed."""

    def get_signing_serializer(self, app: Flask) -> EncryptedSerializer | None:  # type: ignore[override]
        if not app.secret_key:
            return None
        return serializer_for(str(app.secret_key))


def init_app(app: Flask) -> None:
    app.session_interface = EncryptedCookieSessionInterface()
