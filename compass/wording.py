"""Small helpers for putting catalogue words into plain English sentences."""

from __future__ import annotations

from collections.abc import Iterable


def years(value: float) -> str:
    """'1 year', '2.5 years'."""
    number = f"{value:g}"
    return f"{number} year" if value == 1 else f"{number} years"


def join_words(items: Iterable[str]) -> str:
    """'a, b and c'."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def sentence_case(text: str) -> str:
    """Capital first letter only ('a GP practice' -> 'A GP practice')."""
    return text[:1].upper() + text[1:]


def mid_sentence(text: str) -> str:
    """``text`` to go mid-sentence: 'Porter' -> 'porter', but 'GP assistant' stays."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]
