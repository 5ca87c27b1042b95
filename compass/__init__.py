"""Career Compass: health and care career suggestions for young people in Leeds.

The engine: catalogue loading and validation, the question flow, the Profile, ranking,
reasons and signposting. It never imports Flask; ``web/`` is the thin shell around it.
"""

from compass.profile import Profile

__all__ = ["Profile"]
