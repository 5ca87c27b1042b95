"""The recommendation engine: features, rankers, diversity and reasons.

``recommend(profile)`` uses one :class:`Engine` per process, built on first use from the
default catalogue and ``models/``. Names are imported lazily so ``import compass`` stays
light; the sentence model loads only when someone writes free text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compass.profile import Profile
    from compass.ranking.engine import Engine, Recommendation

__all__ = ["Engine", "Recommendation", "default_engine", "recommend"]

_default: Engine | None = None
_lock = threading.Lock()


def default_engine() -> Engine:
    """The process-wide engine over the default catalogue and ``models/``."""
    global _default
    with _lock:
        if _default is None:
            from compass.ranking.engine import Engine

            _default = Engine.load()
        return _default


def recommend(profile: Profile, top: int = 10, exclude: Iterable[str] = (),
              not_for_me: Iterable[str] = ()) -> list[Recommendation]:
    """The ``top`` roles for ``profile``, best first, from the default engine."""
    return default_engine().recommend(profile, top=top, exclude=exclude, not_for_me=not_for_me)


def __getattr__(name: str) -> Any:
    if name in ("Engine", "Recommendation"):
        from compass.ranking import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'compass.ranking' has no attribute {name!r}")
