"""Short share codes in the database: 'K7QM-42XD' stands for a stored record.

The record holds the answers as question and option ids, the roles the person hid and why
(reason words only), and the day it was made; never free text. It is found by a keyed
digest of the code, so the table alone cannot be turned back into codes. A record stops
working after the set number of days, and the person who made it can delete it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, insert, select

from compass.questionnaire import Flow, InvalidAnswersError, QuestionType, validate_answers
from compass.sharecode import (
    DEFAULT_MAX_AGE_DAYS,
    MAX_HIDDEN_ROLES,
    SHORT_ALPHABET,
    SHORT_LENGTH,
    ShareCodeError,
    SharedAnswers,
    format_short_code,
    normalise_short_code,
)
from compass.store.database import Database
from compass.store.tables import shared_answers

STORE_NAME = "saved code"
ATTEMPTS = 5  # a clash of two random codes is rare; try again a few times


class SqlShareStore:
    """Makes, reads and deletes short codes for one flow, keyed with one secret."""

    def __init__(self, database: Database, key: bytes,
                 max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> None:
        self.database = database
        self.key = key
        self.max_age_days = max_age_days

    def expires_on(self, issued: date) -> date:
        """The last day a code made on ``issued`` works."""
        return issued + timedelta(days=self.max_age_days)

    def make(self, flow: Flow, shared: SharedAnswers) -> str:
        """A new short code for ``shared`` (its free text, if any, is never kept)."""
        record = json.dumps(_record(flow, shared), sort_keys=True)
        expires = _seconds_after(self.expires_on(shared.issued))
        for _ in range(ATTEMPTS):
            letters = "".join(secrets.choice(SHORT_ALPHABET) for _ in range(SHORT_LENGTH))
            with self.database.transaction(STORE_NAME) as connection:
                connection.execute(delete(shared_answers).where(
                    shared_answers.c.expires_at <= _seconds_now()))
                taken = connection.execute(select(shared_answers.c.code_hash).where(
                    shared_answers.c.code_hash == self._digest(letters))).first()
                if taken is None:
                    connection.execute(insert(shared_answers).values(
                        code_hash=self._digest(letters), record=record, expires_at=expires))
                    return format_short_code(letters)
        raise RuntimeError("could not find an unused share code")

    def read(self, flow: Flow, code: str, role_ids: set[str] | frozenset[str],
             today: date) -> SharedAnswers:
        """The record behind ``code``; :class:`ShareCodeError` for an unknown, deleted or
        expired code, the same as for a forged one."""
        letters = normalise_short_code(code)
        if letters is None:
            raise ShareCodeError(self.max_age_days)
        with self.database.transaction(STORE_NAME) as connection:
            row = connection.execute(select(shared_answers.c.record, shared_answers.c.expires_at).where(
                shared_answers.c.code_hash == self._digest(letters))).first()
        if row is None or row.expires_at <= _seconds_now():
            raise ShareCodeError(self.max_age_days)
        return self._shared(flow, json.loads(row.record), role_ids, today)

    def delete(self, code: str) -> None:
        """Forget ``code`` (nothing happens if it is unknown)."""
        letters = normalise_short_code(code)
        if letters is None:
            return
        with self.database.transaction(STORE_NAME) as connection:
            connection.execute(delete(shared_answers).where(
                shared_answers.c.code_hash == self._digest(letters)))

    def _digest(self, letters: str) -> str:
        return hmac.new(self.key, letters.encode(), hashlib.sha256).hexdigest()

    def _shared(self, flow: Flow, record: dict[str, Any], role_ids: set[str] | frozenset[str],
                today: date) -> SharedAnswers:
        try:
            answers = validate_answers(flow, record["answers"])
            issued = date.fromisoformat(str(record["issued"]))
            hidden = tuple(str(r) for r in record["not_for_me"] if r in role_ids)
            why = tuple((str(a), str(b)) for a, b in record["why_not"] if b in hidden)
        except (InvalidAnswersError, KeyError, TypeError, ValueError):
            raise ShareCodeError(self.max_age_days) from None  # made before the questions changed
        if today > self.expires_on(issued):
            raise ShareCodeError(self.max_age_days)
        return SharedAnswers(answers, hidden, issued, why)


def _record(flow: Flow, shared: SharedAnswers) -> dict[str, object]:
    """What is kept: option ids by question, hidden roles and reason words, the day made."""
    text = {q.id for q in flow.questions if q.type is QuestionType.TEXT}
    hidden = list(dict.fromkeys(shared.not_for_me))[:MAX_HIDDEN_ROLES]
    return {
        "answers": {k: v for k, v in shared.answers.to_dict().items() if k not in text},
        "not_for_me": hidden,
        "why_not": [[reason, role] for reason, role in shared.why_not if role in hidden],
        "issued": shared.issued.isoformat(),
    }


def _seconds_now() -> int:
    return int(datetime.now(UTC).timestamp())


def _seconds_after(last_day: date) -> int:
    """The first second after ``last_day`` ends (UTC)."""
    return int(datetime.combine(last_day + timedelta(days=1), time(), tzinfo=UTC).timestamp())
