"""Profiles as numbers: a batch of profiles as arrays, and the answers that can be taken back.

The engine never ranks from a :class:`~compass.profile.Profile` directly. It turns one or
more profiles into an :class:`AnswerBatch` (one row per profile) so features can be worked
out for many profiles and roles at once with numpy. An :class:`AnswerRef` names one thing the
person told us (an interest, a like, a constraint or their own words); removing it means
setting it back to the neutral value the question flow uses for "not asked".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.profile import Profile

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

AnswerKind = Literal["interest", "like", "free_text", "earn_while_learning",
                     "max_study_years", "shift_work_ok"]
NO_LIMIT = np.inf
UNKNOWN, NO, YES = -1, 0, 1

# Routes start after GCSEs: nobody starts one before 16.
EARLIEST_START_AGE = 16
# Typical age a person at each stage could start a route, when they do not give their age.
TYPICAL_START_AGE = {Stage.SCHOOL: 16, Stage.COLLEGE: 17, Stage.UNIVERSITY: 20,
                     Stage.WORKING: 19, Stage.NOT_WORKING: 18}
# Years of level 3 study (A levels, a T Level or an access course) still ahead of someone
# at each stage before they can start a degree-level route.
LEVEL3_YEARS_AHEAD = {Stage.SCHOOL: 2.0, Stage.COLLEGE: 1.0}
FIRST_DEGREE_YEARS = 3.0
# Someone at university is still finishing their first degree: at least this long to go.
# Being at university is not having a degree, and never a professional registration.
DEGREE_YEARS_LEFT_AT_UNIVERSITY = 1.0
STAGES: tuple[Stage, ...] = tuple(Stage)


@dataclass(frozen=True)
class AnswerRef:
    """One answer in a profile: its kind and, for interests and likes, which one."""

    kind: AnswerKind
    index: int = -1

    @property
    def name(self) -> str:
        if self.kind == "interest":
            return f"interests.{RIASEC[self.index]}"
        if self.kind == "like":
            return f"likes.{LIKE_DIMENSIONS[self.index]}"
        if self.kind == "free_text":
            return "free_text"
        return f"constraints.{self.kind}"


_INTEREST_REFS = tuple(AnswerRef("interest", i) for i in range(len(RIASEC)))
_LIKE_REFS = tuple(AnswerRef("like", i) for i in range(len(LIKE_DIMENSIONS)))
_FREE_TEXT, _EARN = AnswerRef("free_text"), AnswerRef("earn_while_learning")
_STUDY, _SHIFTS = AnswerRef("max_study_years"), AnswerRef("shift_work_ok")


@dataclass(frozen=True)
class Said:
    """One profile's interests, likes and study limit as plain Python numbers, for wording
    reasons card by card without a numpy call per answer."""

    interests: tuple[float, ...]  # 0..1, neutral 0.5
    likes: tuple[float, ...]      # -1..1, neutral 0, with own words applied
    max_study_years: float        # NO_LIMIT when not given


@dataclass(frozen=True)
class AnswerBatch:
    """``k`` profiles as arrays with one row each; ``text_match`` has a column per role."""

    interests: FloatArray          # (k, 6), 0..1, neutral 0.5
    likes: FloatArray              # (k, 13), -1..1, neutral 0, with own words applied
    ticked_likes: FloatArray       # (k, 13), the likes as answered, before own words
    word_likes: FloatArray         # (k, 13), the likes their own words set, NaN where none
    max_study_years: FloatArray    # (k,), NO_LIMIT when not given
    earn_while_learning: BoolArray  # (k,)
    shift_work_ok: NDArray[np.int8]  # (k,), YES / NO / UNKNOWN
    has_gcse: NDArray[np.int8]     # (k,), YES / NO / UNKNOWN
    start_age: FloatArray          # (k,), the age they could start a route
    level3_years: FloatArray       # (k,), level 3 study still ahead before degree-level routes
    degree_years: FloatArray       # (k,), years before they could have a first degree
    at_university: BoolArray       # (k,), already studying for a first degree
    stage: NDArray[np.int8]        # (k,) index into STAGES, -1 when not given
    text_match: FloatArray         # (k, n_roles), 0 where there is no free text

    def __len__(self) -> int:
        return int(self.interests.shape[0])

    def row(self, i: int) -> AnswerBatch:
        return AnswerBatch(**{name: value[i:i + 1] for name, value in self._arrays().items()})

    def said(self) -> Said:
        """Row 0's interests, likes and study limit as plain numbers."""
        return Said(tuple(self.interests[0].tolist()), tuple(self.likes[0].tolist()),
                    float(self.max_study_years[0]))

    def _arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def given_answers(self) -> tuple[AnswerRef, ...]:
        """The answers in row 0 that differ from their neutral value."""
        found = [ref for ref, value in zip(_INTEREST_REFS, self.interests[0].tolist(), strict=True)
                 if value != 0.5]
        found += [ref for ref, value in zip(_LIKE_REFS, self.ticked_likes[0].tolist(), strict=True)
                  if value != 0]
        if self.text_match[0].any() or (self.likes[0] != self.ticked_likes[0]).any():
            found.append(_FREE_TEXT)
        if self.earn_while_learning[0]:
            found.append(_EARN)
        if np.isfinite(self.max_study_years[0]):
            found.append(_STUDY)
        if self.shift_work_ok[0] != UNKNOWN:
            found.append(_SHIFTS)
        return tuple(found)

    def without_each(self, answers: tuple[AnswerRef, ...]) -> AnswerBatch:
        """Row 0, then row 0 with each answer in turn set back to neutral."""
        count = len(answers) + 1
        arrays = {name: value[:1].repeat(count, axis=0) for name, value in self._arrays().items()}
        rows: dict[AnswerKind, list[int]] = {}
        places: dict[AnswerKind, list[int]] = {}
        for variant, answer in enumerate(answers, start=1):
            rows.setdefault(answer.kind, []).append(variant)
            places.setdefault(answer.kind, []).append(answer.index)
        for kind, kind_rows in rows.items():
            _set_neutral(arrays, kind, kind_rows, places[kind])
        return AnswerBatch(**arrays)


def _set_neutral(arrays: dict[str, np.ndarray], kind: AnswerKind, rows: list[int],
                 places: list[int]) -> None:
    """Set the answers of one kind back to neutral in a batch's arrays, in place: in each of
    ``rows``, the one at the matching position of ``places`` (for interests and likes)."""
    if kind == "interest":
        arrays["interests"][rows, places] = 0.5
    elif kind == "like":
        arrays["ticked_likes"][rows, places] = 0.0
        arrays["likes"][rows] = _with_words(arrays["ticked_likes"][rows], arrays["word_likes"][rows])
    elif kind == "free_text":
        arrays["text_match"][rows] = 0.0
        arrays["likes"][rows] = arrays["ticked_likes"][rows]
    elif kind == "earn_while_learning":
        arrays["earn_while_learning"][rows] = False
    elif kind == "max_study_years":
        arrays["max_study_years"][rows] = NO_LIMIT
    else:
        arrays["shift_work_ok"][rows] = UNKNOWN


def stack(batches: list[AnswerBatch]) -> AnswerBatch:
    fields = batches[0].__dataclass_fields__
    return AnswerBatch(**{name: np.concatenate([getattr(b, name) for b in batches])
                          for name in fields})


def _tri_state(value: bool | None) -> int:
    return UNKNOWN if value is None else (YES if value else NO)


def start_age(profile: Profile) -> float:
    """The age at which this person could start an entry route (never before 16)."""
    if profile.age is not None:
        age = profile.age
    elif profile.stage is not None:
        age = TYPICAL_START_AGE[profile.stage]
    else:
        age = EARLIEST_START_AGE
    return float(max(age, EARLIEST_START_AGE))


def level3_years_ahead(profile: Profile) -> float:
    if profile.stage is None:
        return 2.0 if profile.age is not None and profile.age <= 16 else 0.0
    return LEVEL3_YEARS_AHEAD.get(profile.stage, 0.0)


def first_degree_years_ahead(profile: Profile) -> float:
    """Years before this person could have a first degree (still finishing it at university)."""
    if profile.stage is Stage.UNIVERSITY:
        return DEGREE_YEARS_LEFT_AT_UNIVERSITY
    return level3_years_ahead(profile) + FIRST_DEGREE_YEARS


def _with_words(ticked: FloatArray, words: FloatArray) -> FloatArray:
    """Likes as answered, with each one their own words speak to replaced by the words."""
    return np.where(np.isnan(words), ticked, words)


def answer_batch(profiles: list[Profile], text_match: FloatArray,
                 word_likes: list[dict[str, float]] | None = None) -> AnswerBatch:
    """Arrays for ``profiles``; ``text_match`` is (k, n_roles) from :mod:`.text_match`;
    ``word_likes`` are the likes each person's own words set (applied over their answers)."""
    constraints = [p.constraints for p in profiles]
    ticked = np.array([p.likes.vector() for p in profiles], dtype=np.float64)
    said = word_likes if word_likes is not None else [{} for _ in profiles]
    words = np.array([[w.get(d, np.nan) for d in LIKE_DIMENSIONS] for w in said], dtype=np.float64)
    return AnswerBatch(
        interests=np.array([p.interests.vector() for p in profiles], dtype=np.float64),
        likes=_with_words(ticked, words),
        ticked_likes=ticked,
        word_likes=words.reshape(len(profiles), len(LIKE_DIMENSIONS)),
        max_study_years=np.array(
            [NO_LIMIT if c.max_study_years is None else float(c.max_study_years)
             for c in constraints]),
        earn_while_learning=np.array([c.earn_while_learning for c in constraints], dtype=bool),
        shift_work_ok=np.array([_tri_state(c.shift_work_ok) for c in constraints], dtype=np.int8),
        has_gcse=np.array([_tri_state(c.has_gcse_english_maths) for c in constraints],
                          dtype=np.int8),
        start_age=np.array([start_age(p) for p in profiles]),
        level3_years=np.array([level3_years_ahead(p) for p in profiles]),
        degree_years=np.array([first_degree_years_ahead(p) for p in profiles]),
        at_university=np.array([p.stage is Stage.UNIVERSITY for p in profiles], dtype=bool),
        stage=np.array([-1 if p.stage is None else STAGES.index(p.stage) for p in profiles],
                       dtype=np.int8),
        text_match=np.asarray(text_match, dtype=np.float64),
    )
