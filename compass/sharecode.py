"""Share codes: a person's answers as a short, signed, dated code they can read out.

A code holds every answer except free text (never put in a code), the roles they said
"not for me" to, the day it was made, and a truncated HMAC. Nothing is stored anywhere:
whoever has the code (a careers adviser, say) can rebuild the same answers from it.

Layout, before base32 (Crockford's alphabet, so O/0 and I/L/1 are read the same):

* 2 bytes the day it was made (days since 2025-01-01);
* the answers, packed as one mixed-radix number: every question in flow order, each answer
  as the index of its option (0 = not answered), a bit mask for multiple choice, and one
  digit (not answered, like, not sure, dislike) per rating item; text questions are skipped;
* 2 bytes per "not for me" role (a truncated hash of its id);
* 6 bytes of HMAC-SHA256 over all of that, the code format version and the flow's structure,
  keyed from the secret key: a code made before the questions changed simply stops working
  rather than meaning something else.

A forged, mistyped, expired or out-of-date code all raise the same :class:`ShareCodeError`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from compass.errors import CompassError
from compass.questionnaire import (
    AnswerDict,
    Answers,
    Flow,
    InvalidAnswersError,
    Picked,
    PickedMany,
    Question,
    QuestionType,
    Rated,
    Rating,
    validate_answers,
)

FORMAT_VERSION = 1
EPOCH = date(2025, 1, 1)
MAC_BYTES = 6
ROLE_BYTES = 2
MAX_HIDDEN_ROLES = 10
DEFAULT_MAX_AGE_DAYS = 90
GROUP = 4
RATING_DIGITS: tuple[Rating | None, ...] = (None, Rating.LIKE, Rating.NOT_SURE, Rating.DISLIKE)
_RFC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TO_CROCKFORD = str.maketrans(_RFC, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD, _RFC)
MAX_TYPED_LENGTH = 100
INVALID_TITLE = "This code does not work"


def invalid_detail(max_age_days: int) -> str:
    """Why a code may not work, for codes that last ``max_age_days``."""
    return (f"It may have a typing mistake, be more than {max_age_days} days old, or have been "
            "made before our questions changed.")


class ShareCodeError(CompassError):
    """The code cannot be read. Always the same message, whatever the reason."""

    def __init__(self, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> None:
        self.detail = invalid_detail(max_age_days)
        super().__init__(f"{INVALID_TITLE}. {self.detail}")


@dataclass(frozen=True)
class SharedAnswers:
    """What a code holds: the answers (no free text), hidden roles and the day it was made;
    a short code's record also keeps why each role was hidden, so an adviser sees exactly
    the list the young person saw."""

    answers: Answers
    not_for_me: tuple[str, ...]
    issued: date
    why_not: tuple[tuple[str, str], ...] = ()   # (reason, role id): never free text


# Short codes: a few letters to read out or write down, backed by a stored record.
SHORT_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"   # no 0/O, 1/I/L or U/V to mix up
SHORT_LENGTH = 8


def normalise_short_code(text: str) -> str | None:
    """``text`` as a short code ('k7qm 42xd' -> 'K7QM42XD'), or None if it cannot be one."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != SHORT_LENGTH or any(ch not in SHORT_ALPHABET for ch in letters):
        return None
    return letters


def format_short_code(letters: str) -> str:
    """'K7QM42XD' -> 'K7QM-42XD', grouped for reading aloud."""
    return f"{letters[:SHORT_LENGTH // 2]}-{letters[SHORT_LENGTH // 2:]}"


@dataclass(frozen=True)
class ShareCodec:
    """Makes and reads codes for one flow, signed with one key."""

    flow: Flow
    secret_key: bytes
    max_age_days: int = DEFAULT_MAX_AGE_DAYS

    @property
    def invalid_detail(self) -> str:
        return invalid_detail(self.max_age_days)

    @property
    def invalid_message(self) -> str:
        return str(ShareCodeError(self.max_age_days))

    def expires_on(self, issued: date) -> date:
        """The last day a code made on ``issued`` works."""
        return issued + timedelta(days=self.max_age_days)

    def make(self, answers: Answers, not_for_me: Sequence[str], today: date) -> str:
        """The code for these answers, made on ``today``."""
        day = (today - EPOCH).days
        if not 0 <= day < 1 << 16:
            raise ValueError(f"{today} is outside the days a code can hold")
        body = (day.to_bytes(2, "big") + self._pack(answers)
                + b"".join(role_tag(r) for r in list(dict.fromkeys(not_for_me))[:MAX_HIDDEN_ROLES]))
        return format_code(body + self._mac(body))

    def read(self, code: str, role_ids: Iterable[str], today: date) -> SharedAnswers:
        """The answers in ``code``; raises :class:`ShareCodeError` for any bad code."""
        try:
            return self._read(code, role_ids, today)
        except ShareCodeError:
            raise ShareCodeError(self.max_age_days) from None

    def check_shape(self, code: str) -> None:
        """Raise :class:`ShareCodeError` unless ``code`` looks like a code (it may still not work)."""
        try:
            decode_code(code)
        except ShareCodeError:
            raise ShareCodeError(self.max_age_days) from None

    def _read(self, code: str, role_ids: Iterable[str], today: date) -> SharedAnswers:
        if len(code) > MAX_TYPED_LENGTH:
            raise ShareCodeError
        data = decode_code(code)
        body, mac = data[:-MAC_BYTES], data[-MAC_BYTES:]
        extra = len(body) - 2 - self._answer_bytes
        if extra < 0 or extra % ROLE_BYTES or not hmac.compare_digest(mac, self._mac(body)):
            raise ShareCodeError
        issued = EPOCH + timedelta(days=int.from_bytes(body[:2], "big"))
        if not timedelta(days=-1) <= today - issued <= timedelta(days=self.max_age_days):
            raise ShareCodeError
        start = 2 + self._answer_bytes
        answers = self._unpack(body[2:start])
        tags = {role_tag(r): r for r in role_ids}
        hidden = [body[i:i + ROLE_BYTES] for i in range(start, len(body), ROLE_BYTES)]
        return SharedAnswers(answers, tuple(tags[t] for t in hidden if t in tags), issued)

    @property
    def _questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.flow.questions if q.type is not QuestionType.TEXT)

    @property
    def _radices(self) -> list[int]:
        return [r for q in self._questions for r in _radices(q)]

    @property
    def _answer_bytes(self) -> int:
        space = 1
        for radix in self._radices:
            space *= radix
        return max(1, ((space - 1).bit_length() + 7) // 8)

    def _mac(self, body: bytes) -> bytes:
        key = hmac.new(self.secret_key, b"career-compass share code", hashlib.sha256).digest()
        message = bytes([FORMAT_VERSION]) + flow_fingerprint(self.flow) + body
        return hmac.new(key, message, hashlib.sha256).digest()[:MAC_BYTES]

    def _pack(self, answers: Answers) -> bytes:
        number = 0
        for question in reversed(self._questions):
            for radix, digit in reversed(list(zip(_radices(question), _digits(question, answers),
                                                  strict=True))):
                number = number * radix + digit
        return number.to_bytes(self._answer_bytes, "big")

    def _unpack(self, packed: bytes) -> Answers:
        number = int.from_bytes(packed, "big")
        raw: AnswerDict = {}
        for question in self._questions:
            digits = []
            for radix in _radices(question):
                number, digit = divmod(number, radix)
                digits.append(digit)
            value = _answer(question, digits)
            if value is not None:
                raw[question.id] = value
        if number:
            raise ShareCodeError
        try:
            return validate_answers(self.flow, raw, partial=True)
        except InvalidAnswersError:
            raise ShareCodeError from None


def _radices(question: Question) -> list[int]:
    if question.type is QuestionType.MULTIPLE:
        return [(1 << len(question.options)) + 1]
    if question.type is QuestionType.RATING:
        return [len(RATING_DIGITS)] * len(question.items)
    return [len(question.options) + 1]


def _digits(question: Question, answers: Answers) -> list[int]:
    answer = answers.get(question.id)
    if question.type is QuestionType.RATING:
        rated = answer if isinstance(answer, Rated) else Rated(())
        return [RATING_DIGITS.index(rated.rating_of(item.id)) for item in question.items]
    ids = [o.id for o in question.options]
    if isinstance(answer, PickedMany):
        return [1 + sum(1 << ids.index(o) for o in answer.option_ids)]
    if isinstance(answer, Picked):
        return [1 + ids.index(answer.option_id)]
    return [0]


def _answer(question: Question, digits: list[int]) -> str | list[str] | dict[str, str] | None:
    if question.type is QuestionType.RATING:
        ratings = {item.id: RATING_DIGITS[d] for item, d in zip(question.items, digits, strict=True)}
        chosen = {key: rating.value for key, rating in ratings.items() if rating is not None}
        return chosen or None
    (digit,) = digits
    if digit == 0:
        return None
    if question.type is QuestionType.MULTIPLE:
        mask = digit - 1
        return [o.id for i, o in enumerate(question.options) if mask >> i & 1]
    return question.options[digit - 1].id


def flow_fingerprint(flow: Flow) -> bytes:
    """A hash of the flow's structure (ids and types, not wording): codes depend on it."""
    parts = [flow.id]
    for q in flow.questions:
        parts.append(f"{q.id}:{q.type.value}:{','.join(o.id for o in q.options)}:"
                     f"{','.join(i.id for i in q.items)}")
    return hashlib.sha256("\n".join(parts).encode()).digest()


def role_tag(role_id: str) -> bytes:
    return hashlib.sha256(role_id.encode()).digest()[:ROLE_BYTES]


def format_code(data: bytes) -> str:
    """``data`` in Crockford base32, in dash-separated groups of four for reading aloud."""
    return _grouped(base64.b32encode(data).decode().rstrip("=").translate(_TO_CROCKFORD))


def canonical_code(code: str) -> str:
    """A typed code as it is shown: canonical characters in dash-separated groups of four."""
    return _grouped(normalise_code(code))


def _grouped(text: str) -> str:
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def normalise_code(code: str) -> str:
    """A typed code in canonical form: capitals, no spaces or dashes, O as 0, I and L as 1."""
    text = "".join(ch for ch in code.upper() if ch not in " -\t")
    return text.translate(str.maketrans("OIL", "011"))


def decode_code(code: str) -> bytes:
    """The bytes in a code; raises :class:`ShareCodeError` if it is not a code at all."""
    text = normalise_code(code)
    if not text or len(text) > 80 or any(ch not in _CROCKFORD for ch in text):
        raise ShareCodeError
    rfc = text.translate(_FROM_CROCKFORD)
    try:
        data = base64.b32decode(rfc + "=" * (-len(rfc) % 8))
    except (binascii.Error, ValueError):
        raise ShareCodeError from None
    if len(data) < 3 + MAC_BYTES or format_code(data).replace("-", "") != text:
        raise ShareCodeError
    return data
