"""Plain-English wording of reasons, phrased from the person's own answers.

Written for a 14-year-old: short sentences, everyday words, and always "You said ..." so
the person can see which of their answers led to the suggestion.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import EntryRoute, Role
from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC
from compass.ranking.answers import AnswerBatch, AnswerRef

FloatArray = NDArray[np.float64]
TOPICS_PER_SENTENCE = 2
# Only answers this far from neutral are quoted back as "you said you like / are not keen".
CLEAR_INTEREST = 0.2   # so 0.7 and above, or 0.3 and below
CLEAR_LIKE = 0.3
LITTLE = 0.4           # role amounts below this are "very little" (none or a little)

INTEREST_TOPICS = {
    "realistic": "working with tools and equipment",
    "investigative": "finding out how things work",
    "artistic": "art, music and drama",
    "social": "helping people",
    "enterprising": "running things and persuading people",
    "conventional": "keeping records and data in order",
}
LIKED_TOPICS = {
    "patient_contact": "working with patients", "hands_on": "practical work with your hands",
    "science": "science", "technology": "computers and technology",
    "creative": "being creative", "organising": "organising and planning",
    "leading": "leading other people", "physical_activity": "being active on your feet",
    "children_young_people": "working with children and young people",
    "mental_health": "supporting people's mental health",
    "emergencies": "dealing with emergencies", "on_the_move": "being out and about",
    "clinical_procedures": "clinical tasks like taking blood",
}
AVOIDED_TOPICS = {
    **LIKED_TOPICS,
    "patient_contact": "lots of time with patients", "organising": "paperwork and admin",
    "leading": "being in charge of others", "physical_activity": "lots of lifting and walking",
    "emergencies": "emergencies", "on_the_move": "travelling around",
    "clinical_procedures": "blood, needles and wounds",
}
SINGLE_CLAUSES = {
    "free_text": "What you wrote in your own words is close to what this job is about.",
    "earn_while_learning": "You want to earn while you learn, and you can be paid while you "
                           "train for this job.",
    "shift_work_ok": "You said you would rather not work shifts or nights, and this job is "
                     "mostly daytime hours.",
}


def is_clear(answer: AnswerRef, answers: AnswerBatch) -> bool:
    """Whether the answer is strong enough to quote back to the person."""
    if answer.kind == "interest":
        return bool(abs(answers.interests[0, answer.index] - 0.5) >= CLEAR_INTEREST - 1e-9)
    if answer.kind == "like":
        return bool(abs(answers.likes[0, answer.index]) >= CLEAR_LIKE - 1e-9)
    return True


def _topic(answer: AnswerRef, answers: AnswerBatch, role: Role,
           work: FloatArray) -> tuple[bool, str, float]:
    """(liked?, topic words, how much of it the role has 0..1) for an interest or a like."""
    if answer.kind == "interest":
        area = RIASEC[answer.index]
        liked = bool(answers.interests[0, answer.index] > 0.5)
        return liked, INTEREST_TOPICS[area], role.interests.vector()[answer.index]
    dim = LIKE_DIMENSIONS[answer.index]
    liked = bool(answers.likes[0, answer.index] > 0)
    return liked, (LIKED_TOPICS if liked else AVOIDED_TOPICS)[dim], float(work[answer.index])


def _liked_sentence(topics: list[tuple[str, float]]) -> str:
    if len(topics) == 1:
        topic, amount = topics[0]
        how_much = "lots" if amount >= 0.6 else "some"
        return f"You said you like {topic}, and there is {how_much} of that in this job."
    return f"You said you like {topics[0][0]} and {topics[1][0]}, and this job has both."


def _avoided_sentence(topics: list[tuple[str, float]]) -> str:
    amount = max(a for _, a in topics)
    how_much = "none" if amount < 0.05 else "very little"
    words = " or ".join(t for t, _ in topics)
    return f"You said you are not keen on {words}, and there is {how_much} of that in this job."


def _study_sentence(answers: AnswerBatch) -> str:
    limit = answers.max_study_years[0]
    if limit == 0:
        return "You want to start earning soon, and you can start this job without more study."
    return f"You said you would study for up to {limit:g} years, and this job fits in that time."


def answer_clauses(helped: list[tuple[float, AnswerRef]], role: Role, work: FloatArray,
                   answers: AnswerBatch) -> list[tuple[str, tuple[AnswerRef, ...]]]:
    """Sentences for the answers that helped, biggest effect first; likes are grouped."""
    groups: dict[str, list[tuple[AnswerRef, str, float]]] = {}
    order: list[str] = []
    for _, answer in helped:
        if answer.kind in ("interest", "like"):
            liked, topic, amount = _topic(answer, answers, role, work)
            if (amount < LITTLE) if liked else (amount >= LITTLE):
                continue  # the role does not bear the sentence out, so do not say it
            key = "liked" if liked else "avoided"
            group = groups.setdefault(key, [])
            if len(group) < TOPICS_PER_SENTENCE and topic not in [t for _, t, _ in group]:
                group.append((answer, topic, amount))
        else:
            key = answer.kind
            groups[key] = [(answer, "", 0.0)]
        if key not in order:
            order.append(key)
    return [(_sentence(key, groups[key], answers), tuple(a for a, _, _ in groups[key]))
            for key in order]


def _sentence(key: str, group: list[tuple[AnswerRef, str, float]], answers: AnswerBatch) -> str:
    if key == "liked":
        return _liked_sentence([(t, a) for _, t, a in group])
    if key == "avoided":
        return _avoided_sentence([(t, a) for _, t, a in group])
    if key == "max_study_years":
        return _study_sentence(answers)
    return SINGLE_CLAUSES[key]


def fallback_facts(role: Role, route: EntryRoute) -> list[str]:
    """Plain facts about the role, used only when fewer than two answers made a difference."""
    task = role.day_to_day[0]
    facts = [f"A typical task: {task[0].lower()}{task[1:].rstrip('.')}."]
    if route.paid_while_training:
        facts.insert(0, "You can be paid while you train for this job.")
    else:
        facts.append(f"One way in is: {route.name}.")
    return facts
