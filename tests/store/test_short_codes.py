"""Short share codes: a readable code backed by a stored record of option ids and hidden
roles only. Each test runs against SQLite, and against PostgreSQL when the suite has one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from compass.questionnaire import Answers, Flow, QuestionType, load_flows, questions_for, validate_answers
from compass.sharecode import SHORT_ALPHABET, ShareCodeError, SharedAnswers
from compass.store import Database, open_database
from compass.store.shares import SqlShareStore
from compass.store.tables import shared_answers

TODAY = date.today()
ROLES = frozenset({"porter", "phlebotomist", "paramedic"})
KEY = b"k" * 32


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    opened = open_database(database_url)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def flow() -> Flow:
    return load_flows()["main"]


def answers_for(flow: Flow, words: str = "") -> Answers:
    """A complete set of answers along the flow's own path (first option each time)."""
    raw: dict[str, object] = {}
    while (question := next((q for q in questions_for(flow, raw) if q.id not in raw), None)):
        if question.type is QuestionType.TEXT:
            raw[question.id] = words
        elif question.type is QuestionType.RATING:
            raw[question.id] = {item.id: "like" for item in question.items}
        elif question.type is QuestionType.MULTIPLE:
            raw[question.id] = [question.options[0].id]
        else:
            raw[question.id] = question.options[0].id
    return validate_answers(flow, raw)


def without_text(flow: Flow, answers: Answers) -> dict[str, object]:
    text = {q.id for q in flow.questions if q.type is QuestionType.TEXT}
    return {k: v for k, v in answers.to_dict().items() if k not in text}


class FlowStore:
    """The store with the flow filled in, to keep the tests short."""

    def __init__(self, shares: SqlShareStore, flow: Flow) -> None:
        self.shares, self.flow, self.database = shares, flow, shares.database

    def make(self, shared: SharedAnswers) -> str:
        return self.shares.make(self.flow, shared)

    def read(self, code: str, roles: frozenset[str], today: date) -> SharedAnswers:
        return self.shares.read(self.flow, code, roles, today)

    def delete(self, code: str) -> None:
        self.shares.delete(code)


def store(database: Database, flow: Flow, days: int = 90) -> FlowStore:
    return FlowStore(SqlShareStore(database, KEY, days), flow)


def test_a_code_is_ten_characters_to_read_out_and_round_trips(database: Database, flow: Flow) -> None:
    shares = store(database, flow)
    shared = SharedAnswers(answers_for(flow), ("porter", "paramedic"), TODAY,
                           (("blood-and-needles", "paramedic"),))
    code = shares.make(shared)
    assert re.fullmatch(rf"[{SHORT_ALPHABET}]{{4}}-[{SHORT_ALPHABET}]{{4}}", code) and len(code) <= 10
    for typed in (code, code.lower(), code.replace("-", " "), code.replace("-", "")):
        back = shares.read(typed, ROLES, TODAY)
        assert back.answers.to_dict() == without_text(flow, shared.answers)
        assert (back.not_for_me, back.issued, back.why_not) == (shared.not_for_me, shared.issued,
                                                               shared.why_not)


def test_the_record_never_holds_free_text_or_the_code(database: Database, flow: Flow) -> None:
    shares = store(database, flow)
    code = shares.make(SharedAnswers(answers_for(flow, "I hate needles, my name is Zyxwv"), (), TODAY))
    with shares.database.transaction("test") as connection:
        rows = connection.execute(select(shared_answers)).all()
    assert len(rows) == 1
    stored = " ".join(str(value) for value in rows[0])
    assert "Zyxwv" not in stored and "hate" not in stored
    assert code.replace("-", "") not in stored and code not in stored
    text_ids = {q.id for q in flow.questions if q.type is QuestionType.TEXT}
    assert not text_ids & set(json.loads(rows[0].record)["answers"])


def test_codes_expire_after_the_set_days(database: Database, flow: Flow) -> None:
    shares = store(database, flow, days=30)
    code = shares.make(SharedAnswers(answers_for(flow), (), TODAY))
    assert shares.read(code, ROLES, TODAY + timedelta(days=30))
    with pytest.raises(ShareCodeError):
        shares.read(code, ROLES, TODAY + timedelta(days=31))
    old = shares.make(SharedAnswers(answers_for(flow), (), TODAY - timedelta(days=31)))
    with pytest.raises(ShareCodeError):  # its row has expired too
        shares.read(old, ROLES, TODAY)


def test_a_deleted_code_stops_working(database: Database, flow: Flow) -> None:
    shares = store(database, flow)
    code = shares.make(SharedAnswers(answers_for(flow), (), TODAY))
    shares.delete(code.lower())
    with pytest.raises(ShareCodeError):
        shares.read(code, ROLES, TODAY)


def test_unknown_and_forged_codes_fail_the_same_way(database: Database, flow: Flow) -> None:
    shares = store(database, flow)
    shares.make(SharedAnswers(answers_for(flow), (), TODAY))
    messages = set()
    for bad in ("ABCD-EFGH", "ABCD-EFG", "ABCD-EFG0", ""):
        with pytest.raises(ShareCodeError) as failed:
            shares.read(bad, ROLES, TODAY)
        messages.add(str(failed.value))
    assert len(messages) == 1
    other = FlowStore(SqlShareStore(shares.database, b"another key" * 3), flow)
    code = shares.make(SharedAnswers(answers_for(flow), (), TODAY))
    with pytest.raises(ShareCodeError):  # another service's key cannot read it
        other.read(code, ROLES, TODAY)


def test_roles_no_longer_in_the_catalogue_are_dropped(database: Database, flow: Flow) -> None:
    shares = store(database, flow)
    code = shares.make(SharedAnswers(answers_for(flow), ("porter", "retired-job"), TODAY,
                                     (("pay", "retired-job"),)))
    back = shares.read(code, ROLES, TODAY)
    assert back.not_for_me == ("porter",) and back.why_not == ()
