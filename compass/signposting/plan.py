"""'Your next steps' for one role and one person, grouped for where they are now.

First the best next step (the same one the results card shows), then sections for the
person's stage: at school, which GCSEs matter and the options after Year 11; at college,
apprenticeships and university; at university, what a degree opens up; in work or not,
free help in Leeds, jobs with training and ways to try the work. Every organisation comes
from the catalogue; no id is written into this code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from compass.catalogue import Catalogue, Programme, Provider, Role
from compass.catalogue.vocab import (
    APPRENTICESHIP_KINDS,
    JOB_WITH_TRAINING_KINDS,
    Family,
    Level,
    ProviderKind,
    RouteKind,
    Stage,
)
from compass.profile import Profile
from compass.signposting.steps import SignpostCache, SignpostT, Step, make_step, suited

SCHOOL_LEAVING_AGE = 16
LEVEL3_PROVIDER_KINDS = frozenset({ProviderKind.SCHOOL_SIXTH_FORM, ProviderKind.COLLEGE})
CARE_FAMILIES = frozenset({Family.ADULT_SOCIAL_CARE, Family.CHILDRENS_SOCIAL_CARE,
                           Family.CLINICAL_SUPPORT, Family.NURSING_MIDWIFERY,
                           Family.COMMUNITY_THIRD_SECTOR, Family.MENTAL_HEALTH})
NON_CLINICAL_FAMILIES = frozenset({Family.ADMIN_BUSINESS, Family.DIGITAL_DATA,
                                   Family.ESTATES_FACILITIES, Family.MANAGEMENT_LEADERSHIP})
TRY_IT_INTRO = ("Trying things out is the best way to find out if a job suits you. It also "
                "looks good when you apply.")


@dataclass(frozen=True)
class Section:
    """A heading, a sentence or two, tips, ways in and organisations to contact."""

    heading: str
    intro: str
    points: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    providers_label: str = ""
    providers: tuple[Provider, ...] = ()
    programmes: tuple[Programme, ...] = ()

    @property
    def has_content(self) -> bool:
        return bool(self.points or self.steps or self.providers or self.programmes)


@dataclass(frozen=True)
class NextSteps:
    """Every way into ``role`` for one person, best first, and the sections for their stage."""

    role: Role
    stage: Stage | None
    steps: tuple[Step, ...]      # every route into the job: the best fitting one first
    sections: tuple[Section, ...]

    @property
    def best(self) -> Step | None:
        """The best next step: the first step, if it fits what the person said."""
        return self.steps[0] if self.steps and self.steps[0].fits else None


@dataclass(frozen=True)
class _Context:
    catalogue: Catalogue
    role: Role
    stage: Stage
    steps: tuple[Step, ...]

    def of_kind(self, kinds: Iterable[RouteKind]) -> tuple[Step, ...]:
        wanted = set(kinds)
        return tuple(s for s in self.steps if s.route.kind in wanted)


def plan_next_steps(signposts: SignpostCache, role: Role, profile: Profile,
                    best_route: int | None) -> NextSteps:
    """Next steps for ``profile`` towards ``role``; ``best_route`` is the index of the route
    the engine chose (``None`` when no route fits what the person said)."""
    order = list(range(len(role.entry_routes)))
    if best_route is not None:
        order.remove(best_route)
        order.insert(0, best_route)
    steps = tuple(make_step(signposts, role, i, profile) for i in order)
    stage = profile.stage
    if stage is None:
        return NextSteps(role, None, steps, ())
    later = steps[1:] if best_route is not None else steps
    context = _Context(signposts.catalogue, role, stage, later)
    sections = SECTIONS_FOR_STAGE[stage](context)
    shown = {p.id for s in sections for p in s.providers}
    sections.append(_useful_websites(context, shown))
    return NextSteps(role, stage, steps, tuple(s for s in sections if s.has_content))


def _at_school(c: _Context) -> list[Section]:
    after_year_11 = tuple(s for s in c.of_kind({RouteKind.T_LEVEL, RouteKind.COLLEGE_COURSE,
                                                RouteKind.APPRENTICESHIP})
                          if (s.route.min_age or SCHOOL_LEAVING_AGE) <= SCHOOL_LEAVING_AGE)
    return [
        Section("Your GCSEs", "Good GCSEs keep the most doors open.", points=_gcse_points(c.role)),
        Section("After Year 11", _post16_intro(c.role), points=_post16_points(c.role),
                steps=after_year_11, providers=_level3_providers(c),
                providers_label="Where to study in Leeds after Year 11:"),
        _try_it_out(c, "Try it out while you are at school"),
    ]


def _at_college(c: _Context) -> list[Section]:
    return [
        Section("Apprenticeships", "You earn a wage while you train, and you do not pay fees.",
                steps=c.of_kind(APPRENTICESHIP_KINDS),
                providers=_national_search(c, APPRENTICESHIP_KINDS),
                providers_label="Search for apprenticeships:"),
        Section("University", "You apply through UCAS, usually in your last year of college.",
                steps=c.of_kind({RouteKind.DEGREE}),
                providers=_national_search(c, {RouteKind.DEGREE}),
                providers_label="Apply for university:"),
        Section("Other ways in", "These are other ways to start.",
                steps=c.of_kind({RouteKind.DIRECT_ENTRY, RouteKind.COLLEGE_COURSE, RouteKind.T_LEVEL})),
        _try_it_out(c, "Get some experience"),
    ]


def _at_university(c: _Context) -> list[Section]:
    return [
        Section("With a degree", "These routes build on a degree.",
                steps=c.of_kind({RouteKind.POSTGRADUATE, RouteKind.DEGREE,
                                 RouteKind.DEGREE_APPRENTICESHIP}),
                programmes=_programmes_for(c, {RouteKind.POSTGRADUATE})),
        Section("Start work sooner", "You can also start in a paid job and train as you go.",
                steps=c.of_kind(JOB_WITH_TRAINING_KINDS)),
        _try_it_out(c, "Get some experience"),
    ]


def _in_or_out_of_work(c: _Context) -> list[Section]:
    return [
        Section("Get free help in Leeds",
                "These Leeds programmes help people into health and care jobs and "
                "apprenticeships. They are free.", programmes=_free_help(c)),
        Section("Apprenticeships and jobs with training",
                "You earn a wage while you learn. Many do not ask for qualifications first.",
                steps=c.of_kind(JOB_WITH_TRAINING_KINDS),
                providers=_national_search(c, APPRENTICESHIP_KINDS),
                providers_label="Search for apprenticeships:"),
        _try_it_out(c, "Volunteering and work experience"),
        Section("Study routes", "If you would like to study, these lead to the job.",
                steps=c.of_kind({RouteKind.ACCESS_COURSE, RouteKind.COLLEGE_COURSE,
                                 RouteKind.TRAINEESHIP, RouteKind.DEGREE})),
    ]


SECTIONS_FOR_STAGE: dict[Stage, Callable[[_Context], list[Section]]] = {
    Stage.SCHOOL: _at_school,
    Stage.COLLEGE: _at_college,
    Stage.UNIVERSITY: _at_university,
    Stage.WORKING: _in_or_out_of_work,
    Stage.NOT_WORKING: _in_or_out_of_work,
}


def _gcse_points(role: Role) -> tuple[str, ...]:
    points = []
    if any(r.needs_gcse_english_maths or r.kind.needs_level3_first for r in role.entry_routes):
        points.append("Aim for grade 4 or above in English and maths. Most courses and "
                      "apprenticeships after Year 11 ask for them.")
    else:
        points.append("English and maths at grade 4 or above will help, even though not every "
                      "route asks for them.")
    if role.work.science in {Level.SOME, Level.A_LOT} or role.interests.investigative >= 0.6:
        points.append("Science matters in this job, so do your best in your science GCSEs.")
    if role.family in CARE_FAMILIES:
        points.append("If your school offers Health and Social Care or Child Development, "
                      "they are a good fit.")
    if any(r.kind.needs_level3_first for r in role.entry_routes):
        points.append("University courses for this job can ask for high grades. Look them up on "
                      "UCAS early so you know what to aim for.")
    return tuple(points)


def _post16_intro(role: Role) -> str:
    if role.family not in NON_CLINICAL_FAMILIES:
        return ("After Year 11 you can stay at school or go to college for A levels, take the "
                "T Level in Health, do a college course, or start an apprenticeship.")
    return ("After Year 11 you can stay at school or go to college for A levels, do a college "
            "course, or start an apprenticeship.")


def _post16_points(role: Role) -> tuple[str, ...]:
    if not any(r.kind.needs_level3_first for r in role.entry_routes):
        return ()
    return ("To go to university for this job, you first need level 3 qualifications: "
            "A levels, a T Level or a level 3 college course.",)


def _level3_providers(c: _Context) -> tuple[Provider, ...]:
    found = [p for p in c.catalogue.providers.values()
             if p.kind in LEVEL3_PROVIDER_KINDS and p.in_leeds and p.serves(c.role.family)]
    return suited(sorted(found, key=lambda p: p.name), c.stage)


def _try_it_out(c: _Context, heading: str) -> Section:
    providers = [p for p in c.catalogue.providers.values()
                 if p.offers_a_taste and p.serves(c.role.family)]
    programmes = [g for g in c.catalogue.programmes.values()
                  if (g.offers_a_taste or not g.route_kinds) and g.serves(c.role.family)]
    return Section(heading, TRY_IT_INTRO, providers=_for_stage_only(providers, c.stage),
                   programmes=_for_stage_only(programmes, c.stage))


def _programmes_for(c: _Context, kinds: Iterable[RouteKind]) -> tuple[Programme, ...]:
    wanted = set(kinds)
    found = [g for g in c.catalogue.programmes.values()
             if (set(g.route_kinds) & wanted or not g.route_kinds) and g.serves(c.role.family)]
    return _for_stage_only(found, c.stage)


def _free_help(c: _Context) -> tuple[Programme, ...]:
    """Leeds programmes for every kind of job that help people into jobs with training."""
    found = [g for g in c.catalogue.programmes.values()
             if g.in_leeds and not g.families
             and any(k.is_job_with_training for k in g.route_kinds)]
    return _for_stage_only(found, c.stage)


def _national_search(c: _Context, kinds: Iterable[RouteKind]) -> tuple[Provider, ...]:
    """National services for finding and applying to routes of these kinds (not general sites)."""
    wanted = set(kinds)
    found = [p for p in c.catalogue.providers.values()
             if p.kind is ProviderKind.NATIONAL_SERVICE and not p.is_general_website
             and set(p.route_kinds) & wanted]
    return _for_stage_only(found, c.stage)


def _useful_websites(c: _Context, shown: set[str]) -> Section:
    """National careers websites for this stage, once, at the end."""
    general = [p for p in c.catalogue.providers.values()
               if p.is_general_website and c.stage in p.stages and p.id not in shown]
    return Section("Useful websites", "These national websites have more about this job "
                   "and how to get in.", providers=tuple(general))


def _for_stage_only(items: list[SignpostT], stage: Stage) -> tuple[SignpostT, ...]:
    return suited([i for i in items if stage in i.stages], stage)
