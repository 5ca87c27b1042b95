"""Scoring: answers to a Profile, as pure functions.

:func:`score` is deterministic: the same flow and answers always give the same Profile,
and nothing outside them is read. The rules (set targets, averaged evidence, mirrored
dislikes, neutral 'not sure') are described in :mod:`compass.questionnaire.effects`.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean
from typing import Any

from compass.errors import ProfileError
from compass.profile import Profile
from compass.questionnaire.answers import Answer, Answers, Picked, PickedMany, Rated, Written
from compass.questionnaire.effects import FREE_TEXT_TARGET, TARGETS, TargetKind
from compass.questionnaire.models import Effect, Flow, Question, QuestionType, Rating
from compass.questionnaire.paths import questions_for

DECIMALS = 3


def score(flow: Flow, answers: Answers) -> Profile:
    """The Profile that ``answers`` (checked by ``validate_answers``) give for ``flow``."""
    if answers.flow_id != flow.id:
        raise ProfileError(f"these answers are for flow '{answers.flow_id}', not '{flow.id}'")
    settings: dict[str, object] = {}
    evidence: dict[str, list[float]] = defaultdict(list)
    free_text = ""
    for question in questions_for(flow, answers):
        answer = answers.get(question.id)
        if answer is None:
            continue
        if isinstance(answer, Written):
            free_text = answer.text
        for effect in effects_of(question, answer):
            if TARGETS[effect.target].kind is TargetKind.SET:
                settings[effect.target] = effect.value
            else:
                assert isinstance(effect.value, (int, float))
                evidence[effect.target].append(float(effect.value))
    return _profile(settings, evidence, free_text)


def effects_of(question: Question, answer: Answer) -> tuple[Effect, ...]:
    """The effects one answer applies: picked options' effects, or rated items' effects."""
    if isinstance(answer, Picked):
        option = question.option(answer.option_id)
        return option.effects if option else ()
    if isinstance(answer, PickedMany):
        return tuple(e for o in question.options if o.id in answer.option_ids for e in o.effects)
    if isinstance(answer, Rated):
        return tuple(e for item in question.items
                     for e in _rated_effects(item.effects, answer.rating_of(item.id)))
    return ()


def _rated_effects(effects: tuple[Effect, ...], rating: Rating | None) -> tuple[Effect, ...]:
    if rating is Rating.LIKE:
        return effects
    if rating is Rating.DISLIKE:
        return tuple(_mirrored(effect) for effect in effects)
    return ()


def _mirrored(effect: Effect) -> Effect:
    assert isinstance(effect.value, (int, float))
    return Effect(target=effect.target, value=TARGETS[effect.target].mirrored(effect.value))


def question_dimensions(question: Question) -> frozenset[str]:
    """The Profile fields an answer to ``question`` can move (e.g. ``likes.science``)."""
    if question.type is QuestionType.TEXT:
        return frozenset({FREE_TEXT_TARGET})
    return frozenset(e.target for choice in question.choices for e in choice.effects)


def _profile(settings: dict[str, object], evidence: dict[str, list[float]],
             free_text: str) -> Profile:
    data: dict[str, Any] = {"free_text": free_text}
    for target, value in settings.items():
        _put(data, target, value)
    for target, values in sorted(evidence.items()):
        _put(data, target, round(fmean(values), DECIMALS))
    return Profile.from_dict(data)


def _put(data: dict[str, Any], target: str, value: object) -> None:
    *parents, leaf = target.split(".")
    for parent in parents:
        data = data.setdefault(parent, {})
    data[leaf] = value
