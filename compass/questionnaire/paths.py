"""The path through a flow: which questions someone is asked, given their stage.

The stage question comes first. Until it has a valid answer the stage is unknown and only
questions and options without a ``stages`` filter are shown; once it is known, the path
is every question shown at that stage, each as that person sees it (their options, their
rating items and their stage-specific hint).
"""

from __future__ import annotations

from collections.abc import Mapping

from compass.catalogue.vocab import Stage
from compass.questionnaire.answers import Answers, Picked
from compass.questionnaire.models import Flow, Question

AnswersSoFar = Answers | Mapping[str, object]


def stage_of(flow: Flow, answers_so_far: AnswersSoFar) -> Stage | None:
    """The stage the answers so far give, or None if the stage question has no valid answer."""
    question = flow.stage_question
    if question is None:
        return None
    raw = answers_so_far.get(question.id)
    option_id = raw.option_id if isinstance(raw, Picked) else raw
    if not isinstance(option_id, str):
        return None
    option = question.option(option_id)
    if option is None:
        return None
    value = next((e.value for e in option.effects if e.target == "stage"), None)
    return next((stage for stage in Stage if stage.value == value), None)


def questions_for(flow: Flow, answers_so_far: AnswersSoFar) -> list[Question]:
    """The questions asked of this person, in order, as they see them."""
    stage = stage_of(flow, answers_so_far)
    return [q.for_stage(stage) for q in flow.questions if q.shown_at(stage)]


def next_question(flow: Flow, answers_so_far: AnswersSoFar) -> Question | None:
    """The first question on the path not answered yet, or None when the flow is finished."""
    return next((q for q in questions_for(flow, answers_so_far) if q.id not in answers_so_far),
                None)
