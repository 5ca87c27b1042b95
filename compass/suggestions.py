"""Suggestions for a set of answers: the Profile, the engine's top roles, and paging.

The person's own results page, the printout, a share code's page and the adviser's page
all call :func:`suggest`, so they show exactly the same list for the same answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compass.catalogue import Role
from compass.catalogue.vocab import Stage
from compass.profile import Profile
from compass.questionnaire import Answers, Flow, score
from compass.ranking.engine import Engine, Recommendation

PAGE = 10
MOST = 30


@dataclass(frozen=True)
class Suggestions:
    """The Profile the answers gave, the roles to show, and whether there are more."""

    profile: Profile
    recommendations: tuple[Recommendation, ...]
    hidden: tuple[Role, ...]
    shown: int
    has_more: bool

    @property
    def stage(self) -> Stage | None:
        return self.profile.stage

    @property
    def next_show(self) -> int:
        return self.shown + PAGE


def suggest(flow: Flow, engine: Engine, answers: Answers, not_for_me: Sequence[str],
            show: int = PAGE) -> Suggestions:
    """The top ``show`` roles for ``answers`` (at most :data:`MOST`), leaving out ``not_for_me``."""
    show = min(max(show, 1), MOST)
    profile = score(flow, answers)
    recommendations = engine.recommend(profile, top=show + 1, not_for_me=not_for_me)
    catalogue = engine.catalogue
    hidden = tuple(catalogue.role(r) for r in not_for_me if catalogue.has_role(r))
    return Suggestions(
        profile=profile,
        recommendations=tuple(recommendations[:show]),
        hidden=hidden,
        shown=show,
        has_more=len(recommendations) > show and show < MOST,
    )
