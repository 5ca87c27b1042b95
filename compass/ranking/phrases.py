"""Plain-English wording of reasons, phrased from the person's own answers.

Written for a 14-year-old: short sentences, everyday words, and always "You said ..." so
the person can see which of their answers led to the suggestion.
"""

from __future__ import annotations

from collections.abc import Sequence

from compass.catalogue import EntryRoute, Role
from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC
from compass.profile import Profile
from compass.ranking.answers import AnswerRef, Said
from compass.wording import join_words, years

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
SINGLE_CLAUSES = {
    "earn_while_learning": "You want to earn while you learn, and you can be paid while you "
                           "train for this job.",
    "shift_work_ok": "You said you would rather not work shifts or nights, and this job is "
                     "mostly daytime hours.",
}
QUOTE_LENGTH = 90
# Wanting answers are said back only as strongly as they were given: a like of at least
# SAID_LIKE as "you said you like"; a milder one ("I could get used to it") as "OK with";
# an interest, which is worked out from the activities and subjects they picked, as what
# their answers show.
SAID_LIKE = 0.75
LIKED_OPENINGS = {"like": "You said you like", "fine": "You said you are OK with",
                  "interest": "Your answers show you might enjoy"}


def is_clear(answer: AnswerRef, said: Said) -> bool:
    """Whether the answer is strong enough to quote back to the person."""
    if answer.kind == "interest":
        return abs(said.interests[answer.index] - 0.5) >= CLEAR_INTEREST - 1e-9
    if answer.kind == "like":
        return abs(said.likes[answer.index]) >= CLEAR_LIKE - 1e-9
    return True


def is_wanting(answer: AnswerRef, said: Said) -> bool:
    """An answer that says what the person wants: an interest or like above neutral, their own
    words, or a practical answer. Dislikes are never reasons to suggest a job."""
    if answer.kind == "interest":
        return said.interests[answer.index] > 0.5
    if answer.kind == "like":
        return said.likes[answer.index] > 0
    return True


def quoted(words: str) -> str:
    """Their words in quotation marks, cut at a word boundary if long."""
    words = " ".join(words.split())
    if len(words) > QUOTE_LENGTH:
        words = words[:QUOTE_LENGTH].rsplit(" ", 1)[0] + "..."
    return f"\u201c{words}\u201d"


def named_sentence(quote: str) -> str:
    return f"You wrote {quoted(quote)}."


def _topic(answer: AnswerRef, said: Said, work: Sequence[float],
           interests: Sequence[float]) -> tuple[bool, str, float]:
    """(liked?, topic words, how much of it the role has 0..1) for an interest or a like;
    ``work`` and ``interests`` are the role's rows of the role index."""
    if answer.kind == "interest":
        return (said.interests[answer.index] > 0.5, INTEREST_TOPICS[RIASEC[answer.index]],
                interests[answer.index])
    return said.likes[answer.index] > 0, LIKED_TOPICS[LIKE_DIMENSIONS[answer.index]], work[answer.index]


def _strength(answer: AnswerRef, said: Said) -> str:
    """How a wanting answer is said back (a key of :data:`LIKED_OPENINGS`)."""
    if answer.kind == "interest":
        return "interest"
    return "like" if said.likes[answer.index] >= SAID_LIKE - 1e-9 else "fine"


def _liked_sentence(opening: str, topics: list[tuple[str, float]]) -> str:
    if len(topics) == 1:
        topic, amount = topics[0]
        how_much = "lots" if amount >= 0.6 else "some"
        return f"{opening} {topic}, and there is {how_much} of that in this job."
    return f"{opening} {topics[0][0]} and {topics[1][0]}, and this job has both."


def _study_sentence(said: Said) -> str:
    limit = said.max_study_years
    if limit == 0:
        return "You want to start earning soon, and you can start this job without more study."
    return f"You said you would study for up to {limit:g} years, and this job fits in that time."


def answer_clauses(helped: list[tuple[float, AnswerRef]], work: Sequence[float],
                   interests: Sequence[float], said: Said, wanted_text: str
                   ) -> list[tuple[str, tuple[AnswerRef, ...]]]:
    """Sentences for the wanting answers that helped, biggest effect first; likes and
    interests said back the same way are grouped, two to a sentence."""
    groups: dict[str, list[tuple[AnswerRef, str, float]]] = {}
    order: list[str] = []
    for _, answer in helped:
        if answer.kind in ("interest", "like"):
            liked, topic, amount = _topic(answer, said, work, interests)
            if not liked or amount < LITTLE:
                continue  # not a want, or the role does not bear the sentence out
            key = f"liked.{_strength(answer, said)}"
            group = groups.setdefault(key, [])
            if len(group) < TOPICS_PER_SENTENCE and topic not in [t for _, t, _ in group]:
                group.append((answer, topic, amount))
        else:
            key = answer.kind
            groups[key] = [(answer, "", 0.0)]
        if key not in order:
            order.append(key)
    return [(_sentence(key, groups[key], said, wanted_text), tuple(a for a, _, _ in groups[key]))
            for key in order]


def _sentence(key: str, group: list[tuple[AnswerRef, str, float]], said: Said,
              wanted_text: str) -> str:
    if key.startswith("liked."):
        return _liked_sentence(LIKED_OPENINGS[key.removeprefix("liked.")],
                               [(t, a) for _, t, a in group])
    if key == "max_study_years":
        return _study_sentence(said)
    if key == "free_text":
        return f"You wrote {quoted(wanted_text)}, and this job is close to that."
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


MOST_LIKES_IN_LINE = 2


def list_is_for(profile: Profile) -> str:
    """Who a list is for, from their clearest answers: 'Because you like working with
    patients and science, and want to earn while you learn.' Empty if nothing is clear."""
    likes = sorted(((value, dim) for dim, value in profile.likes.model_dump().items()
                    if value >= CLEAR_LIKE), reverse=True)
    topics = [LIKED_TOPICS[dim] for _, dim in likes[:MOST_LIKES_IN_LINE]]
    if not topics:
        interests = sorted(((value, dim) for dim, value in profile.interests.model_dump().items()
                            if value >= 0.5 + CLEAR_INTEREST), reverse=True)
        topics = [INTEREST_TOPICS[dim] for _, dim in interests[:MOST_LIKES_IN_LINE]]
    wants = []
    constraints = profile.constraints
    if constraints.earn_while_learning:
        wants.append("want to earn while you learn")
    if constraints.shift_work_ok is False:
        wants.append("want daytime hours")
    most = constraints.max_study_years
    if most == 0:
        wants.append("want to start work without full-time study")
    elif most is not None:
        wants.append(f"want to study for {years(most)} at most")
    parts = ([f"like {' and '.join(topics)}"] if topics else []) + wants
    return f"Because you {join_words(parts)}." if parts else ""
