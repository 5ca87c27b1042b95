"""Suggestions for a set of answers: the Profile, the engine's top roles, and paging.

Used by the person's own results page, the printable page and the pages a share code
opens, so all of them show exactly the same list for the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from compass.catalogue import Role
from compass.catalogue.vocab import Stage
from compass.questionnaire import Answers, score
from compass.ranking.engine import Recommendation
from web.services import Services

PAGE = 10
MOST = 30
SHOW_CHOICES = tuple(str(n) for n in range(PAGE, MOST + 1, PAGE))


@dataclass(frozen=True)
class Suggestions:
    """The roles to show, and whether there are more to see."""

    recommendations: tuple[Recommendation, ...]
    hidden: tuple[Role, ...]
    stage: Stage | None
    shown: int
    has_more: bool

    @property
    def next_show(self) -> int:
        return self.shown + PAGE


def suggest(found: Services, answers: Answers, not_for_me: tuple[str, ...] | list[str],
            show: int = PAGE) -> Suggestions:
    """The top ``show`` roles for ``answers``, leaving out (and away from) ``not_for_me``."""
    profile = score(found.flow, answers)
    recommendations = found.engine.recommend(profile, top=show + 1, not_for_me=not_for_me)
    hidden = tuple(found.catalogue.role(r) for r in not_for_me if found.catalogue.has_role(r))
    return Suggestions(
        recommendations=tuple(recommendations[:show]),
        hidden=hidden,
        stage=profile.stage,
        shown=show,
        has_more=len(recommendations) > show and show < MOST,
    )
