"""Career Compass: health and care career suggestions for young people in Leeds.

The engine: catalogue loading and validation, the question flow, the Profile, ranking,
reasons and signposting. It never imports Flask; ``web/`` is the thin shell around it.
"""

from typing import TYPE_CHECKING, Any

from compass.profile import Profile

if TYPE_CHECKING:
    from compass.ranking import recommend
    from compass.ranking.engine import Recommendation

__all__ = ["Profile", "Recommendation", "recommend"]


def __getattr__(name: str) -> Any:
    # The engine is imported on first use so that ``import compass`` stays light.
    if name in ("recommend", "Recommendation"):
        import compass.ranking

        return getattr(compass.ranking, name)
    raise AttributeError(f"module 'compass' has no attribute {name!r}")
