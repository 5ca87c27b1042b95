"""'Your next steps' for one role, tailored to where the person is now.

At school: which GCSEs matter and which post-16 options (T Level, college, A levels) lead
there, and where in Leeds. At college: apprenticeships and degrees. At university: what a
degree opens up. In work or not in work: the Leeds Talent Pipeline, apprenticeships and
jobs with training, volunteering and work experience. Every organisation comes from the
catalogue, with its link; nothing here is made up per request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from compass.catalogue import Catalogue, EntryRoute, Programme, Provider, Role
from compass.catalogue.vocab import Family, Level, ProviderKind, RouteKind, Stage

TALENT_PIPELINE = "leeds-talent-pipeline"
GENERAL_KINDS = 4
MAX_SIGNPOSTS = 5
HEALTH_FAMILIES = frozenset(Family) - {Family.ADMIN_BUSINESS, Family.DIGITAL_DATA,
                                       Family.ESTATES_FACILITIES, Family.MANAGEMENT_LEADERSHIP}
CARE_FAMILIES = frozenset({Family.ADULT_SOCIAL_CARE, Family.CHILDRENS_SOCIAL_CARE,
                           Family.CLINICAL_SUPPORT, Family.NURSING_MIDWIFERY,
                           Family.COMMUNITY_THIRD_SECTOR, Family.MENTAL_HEALTH})
DEGREE_LEVEL = frozenset({RouteKind.DEGREE, RouteKind.DEGREE_APPRENTICESHIP})
EARN_KINDS = frozenset({RouteKind.APPRENTICESHIP, RouteKind.DEGREE_APPRENTICESHIP,
                        RouteKind.DIRECT_ENTRY, RouteKind.TRAINEESHIP})
EXPERIENCE_KINDS = frozenset({RouteKind.VOLUNTEERING, RouteKind.WORK_EXPERIENCE})
SignpostT = TypeVar("SignpostT", Provider, Programme)


@dataclass(frozen=True)
class RouteSteps:
    """One way into the role, with who offers it."""

    route: EntryRoute
    providers: tuple[Provider, ...]
    programmes: tuple[Programme, ...]


@dataclass(frozen=True)
class Section:
    """A heading, a sentence or two, tips, routes and organisations to contact."""

    heading: str
    intro: str
    points: tuple[str, ...] = ()
    providers_label: str = ""
    routes: tuple[RouteSteps, ...] = ()
    providers: tuple[Provider, ...] = ()
    programmes: tuple[Programme, ...] = ()

    @property
    def has_content(self) -> bool:
        return bool(self.points or self.routes or self.providers or self.programmes)


@dataclass(frozen=True)
class NextSteps:
    role: Role
    stage: Stage
    sections: tuple[Section, ...]


def plan_next_steps(catalogue: Catalogue, role: Role, stage: Stage) -> NextSteps:
    """The sections of advice for someone at ``stage`` who is interested in ``role``."""
    builders = {
        Stage.SCHOOL: _at_school,
        Stage.COLLEGE: _at_college,
        Stage.UNIVERSITY: _at_university,
        Stage.WORKING: _in_or_out_of_work,
        Stage.NOT_WORKING: _in_or_out_of_work,
    }
    sections = builders[stage](catalogue, role, stage)
    shown = {p.id for s in sections for p in s.providers}
    sections.append(_useful_websites(catalogue, stage, shown))
    return NextSteps(role, stage, tuple(s for s in sections if s.has_content))


def _at_school(catalogue: Catalogue, role: Role, stage: Stage) -> list[Section]:
    post16 = [r for r in role.entry_routes
              if r.kind in {RouteKind.T_LEVEL, RouteKind.COLLEGE_COURSE, RouteKind.APPRENTICESHIP}
              and (r.min_age or 16) <= 16]
    return [
        Section("Your GCSEs", "Good GCSEs keep the most doors open.", points=_gcse_points(role)),
        Section("After Year 11", _post16_intro(role), points=_post16_points(role),
                routes=_steps(catalogue, role, post16, stage),
                providers=_level3_providers(catalogue, role),
                providers_label="Where to study in Leeds after Year 11:"),
        _try_it_out(catalogue, role, stage, "Try it out while you are at school"),
    ]


def _at_college(catalogue: Catalogue, role: Role, stage: Stage) -> list[Section]:
    return [
        Section("Apprenticeships", "You earn a wage while you train, and you do not pay fees.",
                routes=_steps(catalogue, role, _of_kind(role, {RouteKind.APPRENTICESHIP,
                                                               RouteKind.DEGREE_APPRENTICESHIP}), stage),
                providers=_national(catalogue, "find-an-apprenticeship"),
                providers_label="Search for apprenticeships:"),
        Section("University", "You apply through UCAS, usually in your last year of college.",
                routes=_steps(catalogue, role, _of_kind(role, {RouteKind.DEGREE}), stage),
                providers=_national(catalogue, "ucas"), providers_label="Apply for university:"),
        Section("Other ways in", "These are other ways to start.",
                routes=_steps(catalogue, role, _of_kind(role, {RouteKind.DIRECT_ENTRY,
                                                               RouteKind.COLLEGE_COURSE,
                                                               RouteKind.T_LEVEL}), stage)),
        _try_it_out(catalogue, role, stage, "Get some experience"),
    ]


def _at_university(catalogue: Catalogue, role: Role, stage: Stage) -> list[Section]:
    return [
        Section("With a degree", "These routes build on a degree.",
                routes=_steps(catalogue, role, _of_kind(role, {RouteKind.POSTGRADUATE,
                                                               RouteKind.DEGREE,
                                                               RouteKind.DEGREE_APPRENTICESHIP}), stage),
                programmes=_programmes_for(catalogue, role, stage, {RouteKind.POSTGRADUATE})),
        Section("Start work sooner", "You can also start in a paid job and train as you go.",
                routes=_steps(catalogue, role, _of_kind(role, EARN_KINDS), stage)),
        _try_it_out(catalogue, role, stage, "Get some experience"),
    ]


def _in_or_out_of_work(catalogue: Catalogue, role: Role, stage: Stage) -> list[Section]:
    pipeline = catalogue.programmes.get(TALENT_PIPELINE)
    return [
        Section("Get free help in Leeds",
                "The Leeds Talent Pipeline helps Leeds people into health and care jobs and "
                "apprenticeships. It is free.",
                programmes=(pipeline,) if pipeline else ()),
        Section("Apprenticeships and jobs with training",
                "You earn a wage while you learn. Many do not ask for qualifications first.",
                routes=_steps(catalogue, role, _of_kind(role, EARN_KINDS), stage),
                providers=_national(catalogue, "find-an-apprenticeship"),
                providers_label="Search for apprenticeships:"),
        _try_it_out(catalogue, role, stage, "Volunteering and work experience"),
        Section("Study routes", "If you would like to study, these lead to the job.",
                routes=_steps(catalogue, role, _of_kind(role, {RouteKind.ACCESS_COURSE,
                                                               RouteKind.COLLEGE_COURSE,
                                                               RouteKind.DEGREE}), stage)),
    ]


def _gcse_points(role: Role) -> tuple[str, ...]:
    points = []
    if any(r.needs_gcse_english_maths or r.kind in DEGREE_LEVEL for r in role.entry_routes):
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
    if any(r.kind in DEGREE_LEVEL for r in role.entry_routes):
        points.append("University courses for this job can ask for high grades. Look them up on "
                      "UCAS early so you know what to aim for.")
    return tuple(points)


def _post16_intro(role: Role) -> str:
    if role.family in HEALTH_FAMILIES:
        return ("After Year 11 you can stay at school or go to college for A levels, take the "
                "T Level in Health, do a college course, or start an apprenticeship.")
    return ("After Year 11 you can stay at school or go to college for A levels, do a college "
            "course, or start an apprenticeship.")


def _post16_points(role: Role) -> tuple[str, ...]:
    if not any(r.kind in DEGREE_LEVEL for r in role.entry_routes):
        return ()
    return ("To go to university for this job, you first need level 3 qualifications: "
            "A levels, a T Level or a level 3 college course.",)


def _level3_providers(catalogue: Catalogue, role: Role) -> tuple[Provider, ...]:
    kinds = {ProviderKind.SCHOOL_SIXTH_FORM, ProviderKind.COLLEGE}
    found = [p for p in catalogue.providers.values()
             if p.kind in kinds and p.in_leeds and _family_fits(p.families, role)]
    return tuple(sorted(found, key=lambda p: p.name))[:MAX_SIGNPOSTS]


def _try_it_out(catalogue: Catalogue, role: Role, stage: Stage, heading: str) -> Section:
    providers = [p for p in catalogue.providers.values()
                 if stage in p.stages and set(p.route_kinds) & EXPERIENCE_KINDS
                 and _family_fits(p.families, role)]
    return Section(heading, "Trying things out is the best way to find out if a job suits you. "
                   "It also looks good when you apply.",
                   providers=_leeds_first(providers),
                   programmes=_programmes_for(catalogue, role, stage, EXPERIENCE_KINDS))


def _useful_websites(catalogue: Catalogue, stage: Stage, shown: set[str]) -> Section:
    """National careers websites for this stage, once, at the end."""
    national = [p for p in catalogue.providers.values()
                if _is_general_website(p) and stage in p.stages and p.id not in shown]
    return Section("Useful websites", "These national websites have more about this job "
                   "and how to get in.", providers=tuple(national))


def _programmes_for(catalogue: Catalogue, role: Role, stage: Stage,
                    kinds: Iterable[RouteKind]) -> tuple[Programme, ...]:
    wanted = set(kinds)
    found = [g for g in catalogue.programmes.values()
             if stage in g.stages and (set(g.route_kinds) & wanted or not g.route_kinds)
             and _family_fits(g.families, role)]
    return _leeds_first(found)


def _steps(catalogue: Catalogue, role: Role, routes: Iterable[EntryRoute],
           stage: Stage) -> tuple[RouteSteps, ...]:
    steps = []
    for route in routes:
        providers, programmes = catalogue.signposts_for(route, role)
        steps.append(RouteSteps(route, _suited(providers, stage), _suited(programmes, stage)))
    return tuple(steps)


def _of_kind(role: Role, kinds: Iterable[RouteKind]) -> list[EntryRoute]:
    wanted = set(kinds)
    return [r for r in role.entry_routes if r.kind in wanted]


def _national(catalogue: Catalogue, provider_id: str) -> tuple[Provider, ...]:
    provider = catalogue.providers.get(provider_id)
    return (provider,) if provider else ()


def _suited(items: tuple[SignpostT, ...], stage: Stage) -> tuple[SignpostT, ...]:
    """Signposts for this stage (all of them if none say so), Leeds first, at most five.

    General careers websites are left out here: 'Useful websites' lists them once.
    """
    specific = [i for i in items if not _is_general_website(i)]
    suited = [i for i in specific if stage in i.stages] or specific
    return _leeds_first(suited)


def _is_general_website(item: Provider | Programme) -> bool:
    """A national careers website that covers every way in, such as NHS Health Careers."""
    return (isinstance(item, Provider) and item.kind is ProviderKind.NATIONAL_SERVICE
            and (not item.route_kinds or len(item.route_kinds) >= GENERAL_KINDS))


def _leeds_first(items: list[SignpostT]) -> tuple[SignpostT, ...]:
    return tuple(sorted(items, key=lambda i: not i.in_leeds))[:MAX_SIGNPOSTS]


def _family_fits(families: tuple[Family, ...], role: Role) -> bool:
    return not families or role.family in families
