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
    field_validator,
    model_validator,
)

from compass.catalogue.vocab import (
    RIASEC,
    Family,
    Level,
    PayPeriod,
    ProviderKind,
    RouteKind,
    Setting,
    Shift,
    Stage,
)

KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=KEBAB, min_length=2, max_length=60)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Url = Annotated[str, StringConstraints(pattern=r"^https://[^\s]+$", max_length=300)]
Score = Annotated[float, Field(ge=0.0, le=1.0)]


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
        return set(self.shifts) <= {Shift.DAYS}


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
        description="true only if you are paid a wage while you train on this route.")
    needs_degree: bool = Field(
        default=False, description="true if you need a degree before you can start this route.")
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

    @property
    def earns_now(self) -> bool:
        """Starts paid work with no full-time study first."""
        return self.paid_while_training and self.full_time_study_years == 0


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
    sources: tuple[Url, ...] = Field(min_length=1, description="https links the facts came from.")

    @field_validator("summary")
    @classmethod
    def _sentences(cls, value: str) -> str:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", value.strip()) if s]
        if not 1 <= len(sentences) <= 4:
            raise ValueError("write two or three sentences")
        return value.strip()

    @property
    def search_text(self) -> str:
        """Words to match a search box against."""
        return " ".join([self.title, *self.also_called, self.summary]).lower()

    @property
    def embedding_text(self) -> str:
        """Text the sentence model embeds for this role."""
        settings = ", ".join(s.label for s in self.settings)
        return (f"{self.title}. Also called: {', '.join(self.also_called)}. {self.summary} "
                f"{' '.join(self.day_to_day)} Works in {settings}.")

    @property
    def has_paid_route(self) -> bool:
        return any(r.paid_while_training for r in self.entry_routes)


class _Signpost(_Frozen):
    id: Id = Field(description="Short name in lower case with dashes; must equal the file name.")
    name: ShortText = Field(description="The organisation's or programme's own name.")
    offers: str = Field(min_length=10, max_length=500, description="What it offers young people, in plain words.")
    for_whom: str = Field(min_length=5, max_length=300, description="Who it is for: ages and stages.")
    stages: tuple[Stage, ...] = Field(
        min_length=1, description="Stages it suits: school, college, university, working, not_working.")
    route_kinds: tuple[RouteKind, ...] = Field(
        default=(), description="Kinds of entry route it helps with, so the engine can suggest it.")
    families: tuple[Family, ...] = Field(
        default=(), description="Job families it is for. Leave empty if it covers all of health and care.")
    in_leeds: bool = Field(description="true if it is based in or run for Leeds; false for national ones.")
    url: Url = Field(description="The https link a young person should follow.")
    sources: tuple[Url, ...] = Field(min_length=1, description="https links the facts came from.")


class Provider(_Signpost):
    """An organisation that offers courses, apprenticeships, jobs or help."""

    kind: ProviderKind = Field(description="What kind of organisation it is.")


class Programme(_Signpost):
    """A named scheme or programme, such as the Talent Hub or I Care Ambassadors."""

    run_by: Id | None = Field(default=None, description="Id of the provider that runs it, if it is in the catalogue.")
