"""Typed, immutable catalogue values: what a role, route, provider and programme are.

These pydantic models are the single source of truth for the catalogue's shape: the
loader validates YAML against them, ``roles_catalogue/schema/*.json`` is generated from
them, and every field's ``description`` is what the curator guide explains.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from compass.catalogue.vocab import (
    NIGHT_SHIFTS,
    RIASEC,
    Family,
    Level,
    PayPeriod,
    ProviderKind,
    RouteKind,
    Setting,
    Shift,
    Stage,
    TasterKind,
)

KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=KEBAB, min_length=2, max_length=60)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Url = Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$", max_length=300)]
Score = Annotated[float, Field(ge=0.0, le=1.0)]
DEGREE_LEVEL = 6           # RQF level of a bachelor's degree
POSTGRADUATE_LEVEL = 7     # RQF level of a master's degree
GENERAL_WEBSITE_KINDS = 4  # a national website covering this many route kinds is general


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Interests(_Frozen):
    """How well the role suits each of the six Holland (RIASEC) interest areas, 0 to 1."""

    realistic: Score = Field(description="Practical, hands-on work with tools, machines or the body.")
    investigative: Score = Field(description="Science, puzzles and finding out why.")
    artistic: Score = Field(description="Creative work and self-expression.")
    social: Score = Field(description="Helping, caring for and teaching people.")
    enterprising: Score = Field(description="Leading, persuading and organising people.")
    conventional: Score = Field(description="Working with records, data, rules and routines.")
    basis: str = Field(
        min_length=10, max_length=400,
        description="How the scores were made, e.g. the O*NET 29.3 occupation they came from "
        "and any change made for the UK role.",
    )

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in RIASEC)


class Work(_Frozen):
    """What the work is like. Each amount is one of: none, a-little, some, a-lot."""

    patient_contact: Level = Field(description="Time spent with patients, service users or the public.")
    hands_on: Level = Field(description="Practical work with hands and equipment, rather than at a desk.")
    physical_demands: Level = Field(description="Being on your feet, lifting, moving and walking.")
    clinical_procedures: Level = Field(
        description="Contact with blood, bodily fluids, wounds or clinical procedures.")
    children_young_people: Level = Field(description="Working with babies, children or young people.")
    mental_health: Level = Field(description="Supporting people's mental health and wellbeing.")
    emergencies: Level = Field(description="Urgent or emergency situations.")
    on_the_move: Level = Field(description="Travelling around the community rather than one base.")
    science: Level = Field(description="Using science in the work.")
    technology: Level = Field(description="Using computers, data or technical equipment.")
    creative: Level = Field(description="Creative work: art, music, drama, design or cooking.")
    organising: Level = Field(description="Planning, records, timetables and admin.")
    leading: Level = Field(description="Leading or managing people and services.")
    shifts: tuple[Shift, ...] = Field(
        min_length=1, description="Working patterns: days, shifts, nights, weekends, on-call.")

    def amount(self, attribute: str) -> float:
        level = getattr(self, attribute)
        assert isinstance(level, Level)
        return level.amount

    @property
    def daytime_only(self) -> bool:
        """The usual pattern is daytime hours only: no shifts, nights, weekends or on call."""
        return set(self.shifts) <= {Shift.DAYS}

    @property
    def has_nights(self) -> bool:
        """Nights or being on call are part of the usual pattern."""
        return bool(set(self.shifts) & NIGHT_SHIFTS)

class EntryRoute(_Frozen):
    """One way into the role."""

    kind: RouteKind = Field(description="The kind of route, from the route kind vocabulary.")
    name: ShortText = Field(description="What the route is called, e.g. 'Nursing degree (BSc)'.")
    level: int | None = Field(
        default=None, ge=1, le=8,
        description="The RQF level of the qualification, where there is one (2 = GCSE, 3 = A level, "
        "6 = bachelor's degree, 7 = master's).",
    )
    full_time_study_years: float = Field(
        ge=0, le=10,
        description="Years of full-time study before you can start the job. 0 for apprenticeships "
        "and jobs with training.",
    )
    paid_while_training: bool = Field(
        description="true only if you are paid a wage while you train on this route, on every "
        "step of it.")
    needs_degree: bool = Field(
        default=False, description="true if you need a degree before you can start this route.")
    needs_registration: bool = Field(
        default=False,
        description="true if you must already be registered in a profession (for example a "
        "registered nurse or pharmacist) before you can start this route.")
    needs_gcse_english_maths: bool = Field(
        default=False,
        description="true if the route asks for GCSE English and maths at grade 4 (or Functional "
        "Skills level 2) before you start.",
    )
    min_age: int | None = Field(
        default=None, ge=14, le=30, description="The youngest age you can start this route, if set.")
    entry_requirements: str = Field(
        min_length=3, max_length=400,
        description="What you need to start, in plain words, e.g. 'GCSE English and maths at grade 4'.",
    )
    providers: tuple[Id, ...] = Field(
        default=(), description="Ids of providers (in roles_catalogue/providers/) that offer this route.")
    programmes: tuple[Id, ...] = Field(
        default=(), description="Ids of programmes (in roles_catalogue/programmes/) that help with it.")

    @field_validator("paid_while_training")
    @classmethod
    def _kind_can_pay(cls, paid: bool, info: ValidationInfo) -> bool:
        kind = info.data.get("kind")
        if paid and isinstance(kind, RouteKind) and kind.never_pays:
            raise ValueError(f"a {kind.value} route never pays a wage; set it to false, or choose "
                             "'direct-entry' or 'apprenticeship' if you are employed while you train")
        if not paid and isinstance(kind, RouteKind) and kind.always_pays:
            raise ValueError(f"apprentices are always paid, so a {kind.value} route needs true here; "
                             "if part of the route is full-time study, choose the kind of that part")
        return paid

    @property
    def is_way_in(self) -> bool:
        """A way into the job itself (volunteering and work experience are only first steps)."""
        return self.kind.is_way_in

    @property
    def is_degree_level(self) -> bool:
        """Leads to a degree, needs one first, or is a qualification at degree level or above."""
        return self.kind.leads_to_degree or self.needs_degree or (self.level or 0) >= DEGREE_LEVEL

    @property
    def needs_degree_first(self) -> bool:
        return self.needs_degree

    @property
    def needs_registration_first(self) -> bool:
        return self.needs_registration

    @property
    def needs_gcse_first(self) -> bool:
        """GCSE English and maths are needed before starting. Apprentices can usually take
        Functional Skills alongside, so for an apprenticeship they are a caveat, not a wall."""
        return self.needs_gcse_english_maths and not self.kind.always_pays

    @property
    def pays_from_start(self) -> bool:
        """A wage from the first day: no full-time study before you start."""
        return self.is_way_in and self.paid_while_training and self.full_time_study_years == 0

    @property
    def is_paid_way_in(self) -> bool:
        """Earn while you learn: paid from the start, with no degree or registration first."""
        return self.pays_from_start and not (self.needs_degree_first or self.needs_registration_first)

    @property
    def is_no_degree_way_in(self) -> bool:
        return self.is_way_in and not self.is_degree_level

    @property
    def is_earn_while_you_learn(self) -> bool:
        """What pages call 'earn while you learn': a paid way in from the first day with nothing
        needed first, below master's level. The few level 7 apprenticeships (such as the
        doctor degree apprenticeship) are rare, long and very competitive: they are shown as
        degree routes, not under this label."""
        return self.is_paid_way_in and (self.level or 0) < POSTGRADUATE_LEVEL


class Pay(_Frozen):
    """Pay, either as NHS Agenda for Change bands or as a typical figure."""

    afc_band_min: str | None = Field(
        default=None, pattern=r"^(1|2|3|4|5|6|7|8a|8b|8c|8d|9)$",
        description="Lowest NHS Agenda for Change band for this role, e.g. '3'.")
    afc_band_max: str | None = Field(
        default=None, pattern=r"^(1|2|3|4|5|6|7|8a|8b|8c|8d|9)$",
        description="Highest usual band, e.g. '4'. Leave out if the same as afc_band_min.")
    typical_min: float | None = Field(
        default=None, gt=0, description="Typical lowest pay in pounds, when the role is not on AfC.")
    typical_max: float | None = Field(
        default=None, gt=0, description="Typical highest pay in pounds, when the role is not on AfC.")
    per: PayPeriod = Field(default=PayPeriod.YEAR, description="Whether typical pay is per 'year' or 'hour'.")
    year: str = Field(pattern=r"^20\d\d/\d\d$", description="The pay year the figures are for, e.g. '2025/26'.")
    note: str | None = Field(default=None, max_length=200, description="Anything a reader should know.")

    @model_validator(mode="after")
    def _one_kind_of_pay(self) -> Pay:
        has_band = self.afc_band_min is not None
        has_typical = self.typical_min is not None
        if not has_band and not has_typical:
            raise ValueError("give afc_band_min (NHS roles) or typical_min (other roles)")
        if self.afc_band_max is not None and not has_band:
            raise ValueError("afc_band_max needs afc_band_min too")
        if self.typical_max is not None and self.typical_min is not None:
            if self.typical_max < self.typical_min:
                raise ValueError("typical_max is smaller than typical_min")
        return self


class Role(_Frozen):
    """One kind of job in health and care, as a young person would see it."""

    id: Id = Field(description="Short name in lower case with dashes; must equal the file name.")
    title: ShortText = Field(description="The usual job title.")
    also_called: tuple[ShortText, ...] = Field(
        default=(), description="Other titles people use for this job, used in search.")
    family: Family = Field(description="The job family, from the family vocabulary.")
    soc2020: str = Field(pattern=r"^\d{4}$", description="The four-digit ONS SOC 2020 unit group code.")
    summary: str = Field(
        min_length=40, max_length=450,
        description="Two or three short sentences a 14-year-old can read: what the job is and why it matters.")
    in_short: str | None = Field(
        default=None, min_length=10, max_length=100,
        description="One plain line of 12 words or fewer on what the job is, for the results "
                    "card, e.g. 'You care for adults in hospital who are ill or getting better.'")
    day_to_day: tuple[ShortText, ...] = Field(
        min_length=3, max_length=6, description="Three to six short points: what you would do on a normal day.")
    settings: tuple[Setting, ...] = Field(min_length=1, description="Where you would work.")
    interests: Interests = Field(description="RIASEC interest scores for the role.")
    work: Work = Field(description="What the work is like.")
    entry_routes: tuple[EntryRoute, ...] = Field(min_length=1, description="Ways into the role.")
    pay: Pay = Field(description="What the role pays and the year the figures are for.")
    progression: tuple[Id, ...] = Field(
        default=(), description="Ids of roles this one can lead to with experience or more training.")
    leeds_employers: tuple[ShortText, ...] = Field(
        min_length=1, description="Kinds or names of Leeds employers who have this role.")
    ways_to_try: tuple[Id, ...] = Field(
        default=(), description="Ids of files in ways_to_try/: real ways to find out about the job first.")
    sources: tuple[Url, ...] = Field(min_length=1, description="https links the facts came from.")

    @field_validator("summary")
    @classmethod
    def _sentences(cls, value: str) -> str:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", value.strip()) if s]
        if not 1 <= len(sentences) <= 4:
            raise ValueError("write two or three sentences")
        return value.strip()

    @property
    def in_a_line(self) -> str:
        """What the job is in one line: :attr:`in_short`, else the summary's first sentence."""
        return self.in_short or re.split(r"(?<=[.!?])\s+", self.summary, maxsplit=1)[0]

    @property
    def embedding_text(self) -> str:
        """Text the sentence model embeds for this role."""
        settings = ", ".join(s.label for s in self.settings)
        return (f"{self.title}. Also called: {', '.join(self.also_called)}. {self.summary} "
                f"{' '.join(self.day_to_day)} Works in {settings}.")

    @property
    def ways_in(self) -> tuple[EntryRoute, ...]:
        """The routes into the job itself, leaving out first steps such as volunteering."""
        return tuple(r for r in self.entry_routes if r.is_way_in)

    @property
    def paid_ways_in(self) -> tuple[EntryRoute, ...]:
        """Ways in that pay from the start, with no degree or registration first."""
        return tuple(r for r in self.entry_routes if r.is_paid_way_in)

    @property
    def has_paid_way_in(self) -> bool:
        return bool(self.paid_ways_in)

    @property
    def earns_while_learning(self) -> bool:
        """Has an 'earn while you learn' way in (see :attr:`EntryRoute.is_earn_while_you_learn`)."""
        return any(r.is_earn_while_you_learn for r in self.entry_routes)

    @property
    def has_no_degree_way_in(self) -> bool:
        return any(r.is_no_degree_way_in for r in self.entry_routes)

    @property
    def shortest_study_years(self) -> float:
        """The fewest years of full-time study on any way into the job."""
        return min((r.full_time_study_years for r in self.ways_in), default=0.0)

    @property
    def graduate_only(self) -> bool:
        """Every way into the job is at degree level."""
        ways_in = self.ways_in
        return bool(ways_in) and all(r.is_degree_level for r in ways_in)


class _Listed(_Frozen):
    """What every signpost file has: an id, a name, who it suits and where to follow it."""

    id: Id = Field(description="Short name in lower case with dashes; must equal the file name.")
    name: ShortText = Field(description="The organisation's, programme's or opportunity's own name.")
    stages: tuple[Stage, ...] = Field(
        min_length=1, description="Stages it suits: school, college, university, working, not_working.")
    in_leeds: bool = Field(description="true if it is based in or run for Leeds; false for national ones.")
    url: Url = Field(description="The https link a young person should follow.")
    sources: tuple[Url, ...] = Field(min_length=1, description="https links the facts came from.")


class _Signpost(_Listed):
    offers: str = Field(min_length=10, max_length=500, description="What it offers young people, in plain words.")
    for_whom: str = Field(min_length=5, max_length=300, description="Who it is for: ages and stages.")
    route_kinds: tuple[RouteKind, ...] = Field(
        default=(), description="Kinds of entry route it helps with, so the engine can suggest it.")
    families: tuple[Family, ...] = Field(
        default=(), description="Job families it is for. Leave empty if it covers all of health and care.")

    def serves(self, family: Family) -> bool:
        """It is for this job family (an empty ``families`` means every family)."""
        return not self.families or family in self.families

    @property
    def offers_a_taste(self) -> bool:
        """It offers volunteering or work experience: a way to try the work first."""
        return any(kind.is_stepping_stone for kind in self.route_kinds)

    @property
    def only_offers_a_taste(self) -> bool:
        return bool(self.route_kinds) and all(kind.is_stepping_stone for kind in self.route_kinds)

    @property
    def is_general_website(self) -> bool:
        return False


class Provider(_Signpost):
    """An organisation that offers courses, apprenticeships, jobs or help."""

    kind: ProviderKind = Field(description="What kind of organisation it is.")

    @property
    def is_general_website(self) -> bool:
        """A national careers website covering most ways in, such as NHS Health Careers."""
        return self.kind is ProviderKind.NATIONAL_SERVICE and (
            not self.route_kinds or len(self.route_kinds) >= GENERAL_WEBSITE_KINDS)


class Programme(_Signpost):
    """A named scheme or programme, such as the Talent Hub or I Care Ambassadors."""

    run_by: Id | None = Field(default=None, description="Id of the provider that runs it, if it is in the catalogue.")


class WayToTry(_Listed):
    """A real way to find out about a job before committing: volunteering, a taster day,
    cadets, an open day. Roles list the ones that suit them in ``ways_to_try``."""

    kind: TasterKind = Field(description="What kind of opportunity it is.")
    run_by: Id | None = Field(default=None, description="Id of the provider that runs it, if it is in the catalogue.")
    what_you_do: str = Field(
        min_length=20, max_length=400,
        description="What a young person does there, in plain words a 14-year-old can read.")
    min_age: int = Field(ge=10, le=30, description="The youngest age it is open to.")
    max_age: int | None = Field(default=None, ge=10, le=99, description="The oldest age it is open to, if any.")

    @model_validator(mode="after")
    def _ages_in_order(self) -> WayToTry:
        if self.max_age is not None and self.max_age < self.min_age:
            raise ValueError("max_age is lower than min_age")
        return self

    def open_at(self, age: int | None) -> bool:
        """Open to someone of this age (an unknown age is taken as open)."""
        if age is None:
            return True
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)


SearchPhrase = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1,
                                                max_length=60)]


class SynonymGroup(_Frozen):
    """Words people search with, and the catalogue words they mean."""

    words: tuple[SearchPhrase, ...] = Field(min_length=1, description="What people type, lower case.")
    means: tuple[SearchPhrase, ...] = Field(
        min_length=1, description="Words in role titles or text that count as a match for them.")


class FilterPhrase(_Frozen):
    """Phrases that ask for one of the explorer's route filters ('no degree')."""

    words: tuple[SearchPhrase, ...] = Field(min_length=1, description="What people type, lower case.")
    filter: str = Field(pattern=r"^(earn|no-degree|degree)$",
                        description="The filter they mean: earn, no-degree or degree.")


class SearchWords(_Frozen):
    """search_words.yaml: everyday words, short forms and filter phrases for the explorer."""

    synonyms: tuple[SynonymGroup, ...] = ()
    filters: tuple[FilterPhrase, ...] = ()


class GlossaryTerm(_Frozen):
    """A word a 14-year-old may not know, and what it means in plain words."""

    id: Id = Field(description="Short name in lower case with dashes; the link anchor.")
    term: ShortText = Field(description="The word as it is usually written, e.g. 'T Level'.")
    also: tuple[ShortText, ...] = Field(default=(), description="Other forms found in text.")
    means: str = Field(min_length=10, max_length=300,
                       description="One or two short sentences a 14-year-old can read.")
    sources: tuple[Url, ...] = Field(min_length=1, description="https pages that confirm the meaning.")

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.also)


class Glossary(_Frozen):
    """glossary.yaml: every term pages link to the 'What words mean' page."""

    terms: tuple[GlossaryTerm, ...] = ()
