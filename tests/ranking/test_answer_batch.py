"""Answer batches: the leave-one-answer-out variants the reasons are worked out from."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC
from compass.profile import Constraints, Interests, Likes, Profile
from compass.ranking.answers import AnswerBatch, answer_batch

ROLES = 7
profiles = st.builds(
    Profile,
    interests=st.builds(Interests, **{a: st.sampled_from([0.2, 0.5, 0.8]) for a in RIASEC}),
    likes=st.builds(Likes, **{d: st.sampled_from([-1.0, 0.0, 0.5]) for d in LIKE_DIMENSIONS}),
    constraints=st.builds(Constraints, max_study_years=st.none() | st.integers(0, 5),
                          earn_while_learning=st.booleans(), shift_work_ok=st.none() | st.booleans()),
)
word_likes = st.dictionaries(st.sampled_from(LIKE_DIMENSIONS), st.sampled_from([-1.0, 1.0]),
                             max_size=3)


def same_rows(batch: AnswerBatch, i: int, other: AnswerBatch, j: int) -> bool:
    return all(np.array_equal(getattr(batch, name)[i], getattr(other, name)[j], equal_nan=True)
               for name in batch.__dataclass_fields__)


@settings(max_examples=150, deadline=None)
@given(profile=profiles, words=word_likes, wrote=st.booleans())
def test_all_variants_at_once_equal_each_answer_taken_back_alone(
        profile: Profile, words: dict[str, float], wrote: bool) -> None:
    text_match = np.linspace(-0.1, 0.2, ROLES)[None] if wrote else np.zeros((1, ROLES))
    answers = answer_batch([profile], text_match, [words])
    given_answers = answers.given_answers()
    together = answers.without_each(given_answers)
    assert len(together) == len(given_answers) + 1 and same_rows(together, 0, answers, 0)
    for row, answer in enumerate(given_answers, start=1):
        alone = answers.without_each((answer,))
        assert same_rows(together, row, alone, 1), answer
        assert answer not in alone.row(1).given_answers()
