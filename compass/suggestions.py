"""Suggestions for a set of answers: the Profile, the engine's top roles, and paging.

The person's own results page, the printout, a share code's page and the adviser's page
all call :func:`suggest`, so they show exactly the same list for the same answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from compass.catalogue import Role
from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.questionnaire import Answers, Flow, score
from compass.ranking.engine import Engine, Recommendation
from compass.ranking.phrases import list_is_for
from compass.why_not import Change, WhyNot, apply_why_not

PAGE = 10
CACHED_LISTS = 2048  # answer sets whose suggestions each process keeps
MOST = 30


@dataclass(frozen=True)
class Suggestions:
    """The Profile the answers gave, the roles to show, and whether there are more."""

    profile: Profile
    recommendations: tuple[Recommendation, ...]
    hidden: tuple[Role, ...]
    shown: int
    has_more: bool
    neutral: bool = False              # the answers point nowhere yet: the list is a spread
    changes: tuple[Change, ...] = ()   # what each 'not for me' reason changed
    because: str = ""                  # who the list is for, from their clearest answers

    @property
    def stage(self) -> Stage | None:
        return self.profile.stage

    @property
    def next_show(self) -> int:
        return self.shown + PAGE


def suggest(flow: Flow, engine: Engine, answers: Answers, not_for_me: Sequence[str],
            show: int = PAGE, why_not: Sequence[tuple[WhyNot, str]] = ()) -> Suggestions:
    """The top ``show`` roles for ``answers`` (at most :data:`MOST`), leaving out ``not_for_me``,
    with each 'not for me' reason in ``why_not`` (reason, hidden role id) applied."""
    show = min(max(show, 1), MOST)
    catalogue = engine.catalogue
    given = [(reason, catalogue.role(r)) for reason, r in why_not if r in not_for_me and catalogue.has_role(r)]
    profile, changes = apply_why_not(score(flow, answers), given)
    recommendations = engine.recommend(profile, top=show + 1, not_for_me=not_for_me)
    hidden = tuple(catalogue.role(r) for r in not_for_me if catalogue.has_role(r))
    return Suggestions(
        profile=profile,
        recommendations=tuple(recommendations[:show]),
        hidden=hidden,
        shown=show,
        has_more=len(recommendations) > show and show < MOST,
        neutral=engine.reads_as_neutral(profile),
        changes=changes,
        because=list_is_for(profile),
    )


class SuggestionCache:
    """:func:`suggest` with each answer set's result kept (least recently used first out).

    A person's results page is shown again and again (after 'not for me', a role page and
    back, the printout, a share code): the same answers give the same list, so it is ranked
    once. Kept in this process's memory only, never written anywhere.
    """

    def __init__(self, flow: Flow, engine: Engine, size: int = CACHED_LISTS) -> None:
        self.flow = flow
        self.engine = engine
        self._cached = lru_cache(maxsize=size)(self._suggest)

    def _suggest(self, answers: Answers, not_for_me: tuple[str, ...], show: int,
                 why_not: tuple[tuple[WhyNot, str], ...]) -> Suggestions:
        return suggest(self.flow, self.engine, answers, not_for_me, show, why_not)

    def clear(self) -> None:
        self._cached.cache_clear()

    def __call__(self, answers: Answers, not_for_me: Sequence[str], show: int = PAGE,
                 why_not: Sequence[tuple[WhyNot, str]] = ()) -> Suggestions:
        return self._cached(answers, tuple(not_for_me), show, tuple(why_not))
