"""Share codes: short, signed, dated, free of free text, and refused alike when bad."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compass.questionnaire import (
    Answers,
    Flow,
    QuestionType,
    load_flows,
    questions_for,
    validate_answers,
)
from compass.sharecode import (
    ShareCodec,
    ShareCodeError,
    decode_code,
    format_code,
    normalise_code,
)

KEY = b"k" * 32
TODAY = date(2026, 3, 1)
ROLES = ("adult-nurse", "porter", "physiotherapist", "care-worker")


@pytest.fixture(scope="module")
def flow() -> Flow:
    return load_flows()["main"]


@pytest.fixture(scope="module")
def codec(flow: Flow) -> ShareCodec:
    return ShareCodec(flow, KEY)


@st.composite
def answer_sets(draw: st.DrawFn, flow: Flow) -> Answers:
    """Any complete, valid set of answers to ``flow``, free text included."""
    raw: dict[str, object] = {}
    while True:
        pending = [q for q in questions_for(flow, raw) if q.id not in raw]
        if not pending:
            break
        question = pending[0]
        if question.type is QuestionType.RATING:
            raw[question.id] = {i.id: draw(st.sampled_from(["like", "not_sure", "dislike"]))
                                for i in question.items}
        elif question.type is QuestionType.MULTIPLE:
            plain = [o.id for o in question.options if not o.exclusive]
            picked = draw(st.lists(st.sampled_from(plain), unique=True, min_size=1))
            raw[question.id] = [o.id for o in question.options if o.id in picked]
        elif question.type is QuestionType.TEXT:
            raw[question.id] = draw(st.text(max_size=40))
        else:
            raw[question.id] = draw(st.sampled_from([o.id for o in question.options]))
    return validate_answers(flow, raw)


def without_text(flow: Flow, answers: Answers) -> dict[str, object]:
    text_ids = {q.id for q in flow.questions if q.type is QuestionType.TEXT}
    return {k: v for k, v in answers.to_dict().items() if k not in text_ids}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_code_gives_back_every_answer_except_free_text(data: st.DataObject, flow: Flow,
                                                         codec: ShareCodec) -> None:
    answers = data.draw(answer_sets(flow))
    hidden = data.draw(st.lists(st.sampled_from(ROLES), unique=True, max_size=3))
    code = codec.make(answers, hidden, TODAY)
    shared = codec.read(code, ROLES, TODAY + timedelta(days=10))
    assert shared.answers.to_dict() == without_text(flow, answers)
    assert shared.not_for_me == tuple(hidden)
    assert shared.issued == TODAY


def test_codes_are_short_and_easy_to_read_aloud(flow: Flow, codec: ShareCodec) -> None:
    raw: dict[str, object] = {}
    for question in questions_for(flow, {"stage": "school"}):
        if question.type is QuestionType.RATING:
            raw[question.id] = {i.id: "dislike" for i in question.items}
        elif question.type is QuestionType.MULTIPLE:
            raw[question.id] = [o.id for o in question.options if not o.exclusive]
        elif question.type is not QuestionType.TEXT:
            raw[question.id] = question.options[-1].id
    answers = validate_answers(flow, {**raw, "stage": "school"})
    code = codec.make(answers, [], TODAY)
    assert len(code.replace("-", "")) <= 32
    assert all(len(group) <= 4 for group in code.split("-"))
    assert not set(code) & set("ILOU")


def test_free_text_never_goes_into_a_code(flow: Flow, codec: ShareCodec) -> None:
    raw = {"stage": "college", "in_your_own_words": "My name is Sam Smith"}
    with_text = validate_answers(flow, raw, partial=True)
    no_text = validate_answers(flow, {"stage": "college"}, partial=True)
    assert codec.make(with_text, [], TODAY) == codec.make(no_text, [], TODAY)


def test_reading_forgives_case_spaces_and_look_alike_letters(codec: ShareCodec,
                                                             flow: Flow) -> None:
    answers = validate_answers(flow, {"stage": "working"}, partial=True)
    code = codec.make(answers, [], TODAY)
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert codec.read(typed, ROLES, TODAY).answers == answers


def refusal(codec: ShareCodec, code: str, today: date = TODAY) -> str:
    with pytest.raises(ShareCodeError) as caught:
        codec.read(code, ROLES, today)
    return str(caught.value)


def test_forged_expired_and_mistyped_codes_get_the_same_answer(codec: ShareCodec,
                                                               flow: Flow) -> None:
    answers = validate_answers(flow, {"stage": "school"}, partial=True)
    code = codec.make(answers, ["porter"], TODAY)
    data = bytearray(decode_code(code))
    data[3] ^= 1
    forged = format_code(bytes(data))
    other_key = ShareCodec(flow, b"x" * 32).make(answers, [], TODAY)
    messages = {
        refusal(codec, forged),
        refusal(codec, other_key),
        refusal(codec, code, TODAY + timedelta(days=91)),
        refusal(codec, code, TODAY - timedelta(days=2)),
        refusal(codec, code[:-2]),
        refusal(codec, "HELLO-WORLD"),
        refusal(codec, ""),
        refusal(codec, "!!!!"),
    }
    assert messages == {str(ShareCodeError(90))}
    assert codec.read(code, ROLES, TODAY + timedelta(days=90)).issued == TODAY


def test_a_change_to_the_questions_makes_old_codes_stop_working(codec: ShareCodec,
                                                                flow: Flow) -> None:
    answers = validate_answers(flow, {"stage": "school"}, partial=True)
    code = codec.make(answers, [], TODAY)
    first = flow.questions[0]
    renamed = first.model_copy(update={"options": first.options[::-1]})
    changed = flow.model_copy(update={"questions": (renamed, *flow.questions[1:])})
    with pytest.raises(ShareCodeError):
        ShareCodec(changed, KEY).read(code, ROLES, TODAY)


@settings(max_examples=200)
@given(st.text(max_size=60))
def test_any_typed_text_is_read_or_refused_cleanly(codec: ShareCodec, typed: str) -> None:
    try:
        codec.read(typed, ROLES, TODAY)
    except ShareCodeError:
        pass


def test_normalise_code() -> None:
    assert normalise_code(" ab-cd ol i ") == "ABCD011"


def test_the_refusal_and_expiry_follow_the_code_lifetime_setting(flow: Flow) -> None:
    codec = ShareCodec(flow, b"k" * 32, max_age_days=30)
    code = codec.make(validate_answers(flow, {"stage": "school"}, partial=True), [], TODAY)
    assert codec.expires_on(TODAY) == TODAY + timedelta(days=30)
    assert codec.read(code, ROLES, TODAY + timedelta(days=30)).issued == TODAY
    with pytest.raises(ShareCodeError) as refused:
        codec.read(code, ROLES, TODAY + timedelta(days=31))
    assert "more than 30 days old" in str(refused.value) and "90" not in str(refused.value)
    assert codec.invalid_message == str(refused.value)
