"""Prompts for an adviser's conversation about one person's suggestions.

Worked out from the person's stage, what they said about study, pay, shifts and GCSEs,
their suggestions' best next steps, and the catalogue's tasters, volunteering and work
experience. Fixed sentences come from :class:`~compass.guidance.wording.AdviserWording`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compass.catalogue import Catalogue, Programme, Provider
from compass.guidance.wording import AdviserWording
from compass.wording import join_words, mid_sentence, years

if TYPE_CHECKING:
    from compass.suggestions import Suggestions

MOST_TASTERS = 8
MOST_NAMED = 3
CLUSTER = 4          # this many suggestions in one family is worth asking about
MOST_WAITING = 3
YES_NO = {True: "Yes", False: "No", None: "Not sure"}


@dataclass(frozen=True)
class Taster:
    """A way to try health and care work, and which of the person's suggestions it suits."""

    signpost: Provider | Programme
    suits: tuple[str, ...]

    @property
    def is_scheme(self) -> bool:
        """A named scheme, or an organisation that only offers volunteering or experience."""
        return isinstance(self.signpost, Programme) or self.signpost.only_offers_a_taste

    @property
    def fits(self) -> str:
        """Which suggestions it suits, if it is only for some kinds of job ('' if for all)."""
        if not self.signpost.families:
            return ""
        names = [mid_sentence(title) for title in self.suits]
        if len(names) > MOST_NAMED:
            return (f"Good for {', '.join(names[:MOST_NAMED - 1])} and "
                    f"{len(names) - MOST_NAMED + 1} more of their suggestions.")
        return f"Good for {join_words(names)}."


@dataclass(frozen=True)
class Guidance:
    """Prompts for a guidance conversation about one person's suggestions."""

    at_a_glance: tuple[tuple[str, str], ...]
    ask: tuple[str, ...]
    check: tuple[str, ...]
    tasters: tuple[Taster, ...]


def plan_guidance(catalogue: Catalogue, wording: AdviserWording, suggestions: Suggestions) -> Guidance:
    """What to ask, what to check and what to try, for this person's suggestions."""
    return Guidance(
        at_a_glance=at_a_glance(suggestions),
        ask=questions_to_ask(wording, suggestions),
        check=things_to_check(wording, suggestions),
        tasters=tasters(catalogue, suggestions),
    )


def at_a_glance(suggestions: Suggestions) -> tuple[tuple[str, str], ...]:
    profile = suggestions.profile
    c = profile.constraints
    if c.max_study_years is None:
        study = "Not sure"
    elif c.max_study_years == 0:
        study = "None: they want to earn now"
    else:
        study = f"Up to {c.max_study_years} more years"
    return (
        ("Where they are now", profile.stage.label.capitalize() if profile.stage else "Not given"),
        ("Full-time study they would do", study),
        ("Want to be paid while they learn", "Yes" if c.earn_while_learning else "Not essential"),
        ("Shifts, nights or weekends are OK", YES_NO[c.shift_work_ok]),
        ("Grade 4 in GCSE English and maths", YES_NO[c.has_gcse_english_maths]),
        ("Jobs they said are not for them",
         join_words(r.title for r in suggestions.hidden) or "None"),
    )


def questions_to_ask(wording: AdviserWording, suggestions: Suggestions) -> tuple[str, ...]:
    recommendations = suggestions.recommendations
    if not recommendations:
        return (wording.checks.nothing_fits,)
    top = recommendations[0].role
    asks = [f"Their top suggestion is {mid_sentence(top.title)}. Ask what they think a normal day "
            f"looks like, then compare it with the job: {mid_sentence(top.day_to_day[0].rstrip('.'))}."]
    families = Counter(r.role.family for r in recommendations)
    family, count = families.most_common(1)[0]
    if count >= CLUSTER:
        asks.append(f"{count} of their {len(recommendations)} suggestions are in "
                    f"{mid_sentence(family.label)}. Ask what draws them to this kind of work.")
    else:
        asks.append(f"Their suggestions cover {len(families)} kinds of job. Ask which two or "
                    "three they would most like to find out more about, and why.")
    if suggestions.hidden:
        titles = join_words(mid_sentence(r.title) for r in suggestions.hidden)
        asks.append(f"They said {titles} {'is' if len(suggestions.hidden) == 1 else 'are'} not for "
                    "them. Ask why: it often shows what matters to them, such as pay, hours, "
                    "patients or study.")
    stage = suggestions.stage
    asks.append(wording.stage_questions.for_stage(stage) if stage else wording.no_stage_question)
    return tuple(asks)


def things_to_check(wording: AdviserWording, suggestions: Suggestions) -> tuple[str, ...]:
    c = suggestions.profile.constraints
    recommendations = suggestions.recommendations
    checks = []
    if c.max_study_years == 0:
        checks.append(wording.checks.earn_now)
    elif c.earn_while_learning:
        paid = sum(1 for r in recommendations if r.route.route.paid_while_training)
        checks.append(f"They want to be paid while they learn; {paid} of their "
                      f"{len(recommendations)} best next steps pay a wage. Check they know where "
                      "apprenticeships are advertised and when they open.")
    elif c.max_study_years is not None and c.max_study_years >= 3:
        checks.append(wording.checks.open_to_degree)
    if c.shift_work_ok is False:
        days = [mid_sentence(r.role.title) for r in recommendations if r.role.work.daytime_only]
        checks.append("They said shifts, nights or weekends are not OK. "
                      + (f"Daytime-only jobs in their list: {join_words(days)}. " if days else
                         "None of their suggestions is daytime only. ")
                      + "Ask whether that would change for the right job.")
    if c.has_gcse_english_maths is False:
        checks.append(wording.gcse_checks.no)
    elif c.has_gcse_english_maths is None:
        checks.append(wording.gcse_checks.not_sure)
    waiting = [r for r in recommendations if r.route.wait_years > 0]
    if waiting:
        names = join_words(f"{mid_sentence(r.role.title)} (in {years(r.route.wait_years)})"
                           for r in waiting[:MOST_WAITING])
        checks.append(f"Some best next steps cannot start yet: {names}. Plan what they could do "
                      "in the meantime, such as volunteering or a taster.")
    if recommendations and not any(r.route.route.kind.is_job_with_training for r in recommendations):
        checks.append(wording.checks.no_job_with_training)
    return tuple(checks)


def tasters(catalogue: Catalogue, suggestions: Suggestions) -> tuple[Taster, ...]:
    """Volunteering, work experience and taster schemes for the person's stage and job families.

    Named schemes and volunteering organisations come first, then employers that offer
    work experience; Leeds ones first within each.
    """
    stage = suggestions.stage
    found = []
    signposts: list[Provider | Programme] = [*catalogue.programmes.values(),
                                             *catalogue.providers.values()]
    for item in signposts:
        if not item.offers_a_taste or item.is_general_website:
            continue
        if stage is not None and stage not in item.stages:
            continue
        suits = tuple(r.role.title for r in suggestions.recommendations if item.serves(r.role.family))
        if suits:
            found.append(Taster(item, suits))
    found.sort(key=lambda t: (not t.is_scheme, not t.signpost.in_leeds, t.signpost.name))
    return tuple(found[:MOST_TASTERS])
