"""For advisers: a hub page, and one printable guidance page for a young person's share code.

The guidance page shows what the code holds (answers and 'not for me' jobs), the jobs
Career Compass suggests with their reasons and best next steps, and prompts for a guidance
conversation worked out from the person's stage, what they said about study, pay, shifts
and GCSEs, their suggestions' routes, and the catalogue's tasters, volunteering and work
experience. Nothing is stored: the code is the only key, and every look-up counts against
a tighter per-address limit so codes cannot be guessed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response

from compass.catalogue import Catalogue, Programme, Provider
from compass.catalogue.vocab import Family, ProviderKind, Stage
from compass.profile import Profile
from compass.questionnaire import score
from compass.sharecode import (
    GROUP,
    INVALID,
    INVALID_DETAIL,
    INVALID_TITLE,
    ShareCodeError,
    SharedAnswers,
    decode_code,
    normalise_code,
)
from web import params
from web.answer_form import FieldError
from web.errors import PageError
from web.filters import join_words, years
from web.next_steps import EARN_KINDS, EXPERIENCE_KINDS
from web.results import Suggestions, suggest
from web.security import count_lookup
from web.services import services
from web.views.results import answer_rows
from web.views.share import MAX_CODE_LENGTH

bp = Blueprint("adviser", __name__)
MOST_TASTERS = 8
MOST_NAMED = 3
CLUSTER = 4          # this many suggestions in one family is worth asking about
GENERAL_KINDS = 4    # a national website covering this many route kinds is not a taster
STAGE_QUESTIONS = {
    Stage.SCHOOL: "Ask which GCSE options they have chosen, and what they are thinking of after "
                  "Year 11: sixth form, college, a T Level or an apprenticeship.",
    Stage.COLLEGE: "Ask whether they plan to apply for university, an apprenticeship or a job "
                   "this year, and whether they know the application dates.",
    Stage.UNIVERSITY: "Ask what their degree is, which of these jobs could use it, and whether any "
                      "would need a postgraduate course.",
    Stage.WORKING: "Ask whether their employer offers training or apprenticeships, and whether "
                   "they would move to a health or care employer to train.",
    Stage.NOT_WORKING: "Ask what support they have now, and whether they would like an "
                       "introduction to the Leeds Talent Pipeline, which is free.",
}
NO_STAGE_QUESTION = ("Ask where they are now: at school, at college, at university, working or "
                     "not working.")
GCSE_CHECKS = {
    False: "They do not expect grade 4 in both GCSE English and maths. Talk about resits or "
           "Functional Skills, and point out routes that do not ask for them first.",
    None: "They are not sure about grade 4 in GCSE English and maths. Check their predicted "
          "grades: many routes ask for both.",
}


@dataclass(frozen=True)
class Taster:
    """A way to try health and care work, and which of the person's suggestions it suits."""

    signpost: Provider | Programme
    suits: tuple[str, ...]

    @property
    def is_scheme(self) -> bool:
        """A named scheme, or an organisation that only offers volunteering or experience."""
        return isinstance(self.signpost, Programme) or set(self.signpost.route_kinds) <= EXPERIENCE_KINDS

    @property
    def fits(self) -> str:
        """Which suggestions it suits, if it is only for some kinds of job ('' if for all)."""
        if not self.signpost.families:
            return ""
        names = [mid_sentence(title) for title in self.suits]
        if len(names) > MOST_NAMED:
            return f"Good for {', '.join(names[:MOST_NAMED - 1])} and {len(names) - MOST_NAMED + 1} " \
                   "more of their suggestions."
        return f"Good for {join_words(names)}."


@dataclass(frozen=True)
class Guidance:
    """Prompts for a guidance conversation about one person's suggestions."""

    at_a_glance: tuple[tuple[str, str], ...]
    ask: tuple[str, ...]
    check: tuple[str, ...]
    tasters: tuple[Taster, ...]


@bp.get("/advisers")
def index() -> str:
    params.query()
    return render_template("adviser/index.html")


@bp.get("/advisers/code")
def enter() -> str | Response | tuple[str, int]:
    """The form. Only the shape of a typed code is checked here; the page opens it."""
    values = params.query("code")
    typed = params.text(values, "code", MAX_CODE_LENGTH)
    if "code" not in values:
        return render_template("adviser/enter.html", errors=(), entered="")
    try:
        decode_code(typed)
    except ShareCodeError:
        message = "Enter a code" if not typed.strip() else INVALID
        return render_template("adviser/enter.html", errors=(FieldError("code", message),),
                               entered=typed), 400
    return redirect(url_for("adviser.view", code=canonical(typed)))


@bp.get("/advisers/code/<code>")
def view(code: str) -> str:
    params.query()
    count_lookup("share-code")
    shared = _read_or_refuse(code)
    found = services()
    suggestions = suggest(found, shared.answers, shared.not_for_me)
    profile = score(found.flow, shared.answers)
    return render_template(
        "adviser/view.html", code=canonical(code), issued=shared.issued,
        expires_on=shared.issued + timedelta(days=found.settings.share_code_days),
        suggestions=suggestions, rows=answer_rows(shared.answers),
        guidance=plan_guidance(found.catalogue, profile, suggestions),
        steps_args={"stage": profile.stage.value} if profile.stage else {})


def canonical(code: str) -> str:
    text = normalise_code(code)
    return "-".join(text[i:i + GROUP] for i in range(0, len(text), GROUP))


def _read_or_refuse(code: str) -> SharedAnswers:
    found = services()
    try:
        if len(code) > MAX_CODE_LENGTH:
            raise ShareCodeError
        return found.codec.read(code, found.catalogue.role_ids, date.today())
    except ShareCodeError:
        raise PageError(404, INVALID_TITLE,
                        f"{INVALID_DETAIL} Check the code with the young person, or ask them to "
                        "make a new one from their results.") from None


# ---- prompts for the conversation ---------------------------------------------------------

def plan_guidance(catalogue: Catalogue, profile: Profile, suggestions: Suggestions) -> Guidance:
    """What to ask, what to check and what to try, for this person's suggestions."""
    return Guidance(
        at_a_glance=at_a_glance(profile, suggestions),
        ask=questions_to_ask(profile, suggestions),
        check=things_to_check(profile, suggestions),
        tasters=tasters(catalogue, profile, suggestions),
    )


def at_a_glance(profile: Profile, suggestions: Suggestions) -> tuple[tuple[str, str], ...]:
    c = profile.constraints
    if c.max_study_years is None:
        study = "Not sure"
    elif c.max_study_years == 0:
        study = "None: they want to earn now"
    else:
        study = f"Up to {c.max_study_years} more years"
    yes_no = {True: "Yes", False: "No", None: "Not sure"}
    return (
        ("Where they are now", profile.stage.label.capitalize() if profile.stage else "Not given"),
        ("Full-time study they would do", study),
        ("Want to be paid while they learn", "Yes" if c.earn_while_learning else "Not essential"),
        ("Shifts, nights or weekends are OK", yes_no[c.shift_work_ok]),
        ("Grade 4 in GCSE English and maths", yes_no[c.has_gcse_english_maths]),
        ("Jobs they said are not for them",
         join_words(r.title for r in suggestions.hidden) or "None"),
    )


def questions_to_ask(profile: Profile, suggestions: Suggestions) -> tuple[str, ...]:
    recommendations = suggestions.recommendations
    if not recommendations:
        return ("No job fitted everything they said. Ask which of their limits (study, pay, "
                "shifts) matters most, then look at all the jobs together.",)
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
    asks.append(STAGE_QUESTIONS[profile.stage] if profile.stage else NO_STAGE_QUESTION)
    return tuple(asks)


def things_to_check(profile: Profile, suggestions: Suggestions) -> tuple[str, ...]:
    c = profile.constraints
    recommendations = suggestions.recommendations
    paid = sum(1 for r in recommendations if r.route.route.paid_while_training)
    checks = []
    if c.max_study_years == 0:
        checks.append("They want to earn now. Focus on jobs with training and apprenticeships "
                      "they can start straight away, and how to find vacancies.")
    elif c.earn_while_learning:
        checks.append(f"They want to be paid while they learn; {paid} of their "
                      f"{len(recommendations)} best next steps pay a wage. Check they know where "
                      "apprenticeships are advertised and when they open.")
    elif c.max_study_years is not None and c.max_study_years >= 3:
        checks.append("They are open to a degree. Talk through student finance, entry grades "
                      "on UCAS and any extra help for health and care courses.")
    if c.shift_work_ok is False:
        days = [mid_sentence(r.role.title) for r in recommendations if r.role.work.daytime_only]
        checks.append("They said shifts, nights or weekends are not OK. "
                      + (f"Daytime-only jobs in their list: {join_words(days)}. " if days else
                         "None of their suggestions is daytime only. ")
                      + "Ask whether that would change for the right job.")
    if c.has_gcse_english_maths is not True:
        checks.append(GCSE_CHECKS[c.has_gcse_english_maths])
    waiting = [r for r in recommendations if r.route.wait_years > 0]
    if waiting:
        names = join_words(f"{mid_sentence(r.role.title)} (in {years(r.route.wait_years)})"
                           for r in waiting[:3])
        checks.append(f"Some best next steps cannot start yet: {names}. Plan what they could do "
                      "in the meantime, such as volunteering or a taster.")
    if recommendations and not any(r.route.route.kind in EARN_KINDS for r in recommendations):
        checks.append("None of their best next steps is an apprenticeship or a job with training. "
                      "Check they know these exist if studying first does not work out.")
    return tuple(checks)


def tasters(catalogue: Catalogue, profile: Profile, suggestions: Suggestions) -> tuple[Taster, ...]:
    """Volunteering, work experience and taster schemes for the person's stage and job families.

    Named schemes and volunteering organisations come first, then employers that offer
    work experience; Leeds ones first within each.
    """
    found = []
    signposts: list[Provider | Programme] = [*catalogue.programmes.values(),
                                             *catalogue.providers.values()]
    for item in signposts:
        if not set(item.route_kinds) & EXPERIENCE_KINDS or _is_general_website(item):
            continue
        if profile.stage is not None and profile.stage not in item.stages:
            continue
        suits = tuple(r.role.title for r in suggestions.recommendations
                      if _fits(item.families, r.role.family))
        if suits:
            found.append(Taster(item, suits))
    found.sort(key=lambda t: (not t.is_scheme, not t.signpost.in_leeds, t.signpost.name))
    return tuple(found[:MOST_TASTERS])


def mid_sentence(text: str) -> str:
    """``text`` to go mid-sentence: 'Porter' -> 'porter', but 'GP assistant' stays."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def _fits(families: tuple[Family, ...], family: Family) -> bool:
    return not families or family in families


def _is_general_website(item: Provider | Programme) -> bool:
    return (isinstance(item, Provider) and item.kind is ProviderKind.NATIONAL_SERVICE
            and len(item.route_kinds) >= GENERAL_KINDS)
