"""Fixed vocabularies a curator chooses from. Each entry has a plain-English label."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members carry a human label."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Family(Labelled):
    NURSING_MIDWIFERY = ("nursing-midwifery", "Nursing and midwifery")
    ALLIED_HEALTH = ("allied-health", "Allied health professions (therapies and more)")
    MEDICAL_DENTAL = ("medical-dental", "Medical and dental")
    HEALTHCARE_SCIENCE = ("healthcare-science", "Healthcare science")
    PHARMACY = ("pharmacy", "Pharmacy")
    AMBULANCE_EMERGENCY = ("ambulance-emergency", "Ambulance and emergency")
    MENTAL_HEALTH = ("mental-health", "Mental health")
    ADULT_SOCIAL_CARE = ("adult-social-care", "Adult social care")
    CHILDRENS_SOCIAL_CARE = ("childrens-social-care", "Children's social care and youth work")
    COMMUNITY_THIRD_SECTOR = ("community-third-sector", "Community and charity work")
    PUBLIC_HEALTH = ("public-health", "Public health")
    CLINICAL_SUPPORT = ("clinical-support", "Healthcare support roles")
    ESTATES_FACILITIES = ("estates-facilities", "Estates, facilities and hotel services")
    ADMIN_BUSINESS = ("admin-business", "Admin, finance and people")
    DIGITAL_DATA = ("digital-data", "Digital, data and technology")
    MANAGEMENT_LEADERSHIP = ("management-leadership", "Management and leadership")


class Setting(Labelled):
    HOSPITAL = ("hospital", "a hospital")
    GP_PRACTICE = ("gp-practice", "a GP practice")
    COMMUNITY = ("community", "community clinics and centres")
    PEOPLES_HOMES = ("peoples-homes", "people's own homes")
    CARE_HOME = ("care-home", "a care home")
    CHILDRENS_HOME = ("childrens-home", "a children's home")
    MENTAL_HEALTH_SERVICE = ("mental-health-service", "a mental health service")
    AMBULANCE = ("ambulance", "an ambulance or control room")
    LABORATORY = ("laboratory", "a laboratory")
    PHARMACY = ("pharmacy", "a pharmacy")
    OFFICE = ("office", "an office")
    SCHOOL = ("school", "schools and colleges")
    THIRD_SECTOR = ("third-sector", "a charity or community group")
    SECURE_SETTING = ("secure-setting", "a prison or secure unit")
    WORKSHOP = ("workshop", "a workshop or plant room")
    KITCHEN = ("kitchen", "a kitchen")


class RouteKind(Labelled):
    DIRECT_ENTRY = ("direct-entry", "Apply for a job and train on the job")
    APPRENTICESHIP = ("apprenticeship", "Apprenticeship: earn while you learn")
    DEGREE_APPRENTICESHIP = ("degree-apprenticeship", "Degree apprenticeship: a degree while you earn")
    DEGREE = ("degree", "University degree")
    POSTGRADUATE = ("postgraduate", "Postgraduate course after a first degree")
    T_LEVEL = ("t-level", "T Level")
    COLLEGE_COURSE = ("college-course", "College course")
    ACCESS_COURSE = ("access-course", "Access to Higher Education course")
    TRAINEESHIP = ("traineeship", "Pre-employment or skills bootcamp programme")
    VOLUNTEERING = ("volunteering", "Volunteering")
    WORK_EXPERIENCE = ("work-experience", "Work experience")

    @property
    def is_stepping_stone(self) -> bool:
        """A good first step to try the work, but never a way into the job on its own."""
        return self in STEPPING_STONE_KINDS

    @property
    def is_way_in(self) -> bool:
        return self not in STEPPING_STONE_KINDS

    @property
    def leads_to_degree(self) -> bool:
        """A degree, a degree apprenticeship, a course after a degree, or a course on to one."""
        return self in DEGREE_ROUTE_KINDS

    @property
    def needs_level3_first(self) -> bool:
        """Starts only after level 3 (A levels, a T Level or an access course)."""
        return self in LEVEL3_FIRST_KINDS

    @property
    def is_job_with_training(self) -> bool:
        """You are employed from the first day: an apprenticeship or a job with training."""
        return self in JOB_WITH_TRAINING_KINDS

    @property
    def always_pays(self) -> bool:
        """Apprentices are always paid a wage."""
        return self in APPRENTICESHIP_KINDS

    @property
    def never_pays(self) -> bool:
        """Study or unpaid experience: a route of this kind can never pay a wage."""
        return self in UNPAID_KINDS


# The route-kind groups. Each rule about kinds of route is one of these sets.
STEPPING_STONE_KINDS = frozenset({RouteKind.VOLUNTEERING, RouteKind.WORK_EXPERIENCE})
DEGREE_ROUTE_KINDS = frozenset({RouteKind.DEGREE, RouteKind.DEGREE_APPRENTICESHIP,
                                RouteKind.POSTGRADUATE, RouteKind.ACCESS_COURSE})
LEVEL3_FIRST_KINDS = frozenset({RouteKind.DEGREE, RouteKind.DEGREE_APPRENTICESHIP})
JOB_WITH_TRAINING_KINDS = frozenset({RouteKind.APPRENTICESHIP, RouteKind.DEGREE_APPRENTICESHIP,
                                     RouteKind.DIRECT_ENTRY})
APPRENTICESHIP_KINDS = frozenset({RouteKind.APPRENTICESHIP, RouteKind.DEGREE_APPRENTICESHIP})
UNPAID_KINDS = frozenset({RouteKind.DEGREE, RouteKind.T_LEVEL, RouteKind.COLLEGE_COURSE,
                          RouteKind.ACCESS_COURSE, RouteKind.TRAINEESHIP, *STEPPING_STONE_KINDS})


class Level(Labelled):
    """How much of something a role involves. Stored as a number from 0 to 1."""

    NONE = ("none", "none")
    A_LITTLE = ("a-little", "a little")
    SOME = ("some", "some")
    A_LOT = ("a-lot", "a lot")

    @property
    def amount(self) -> float:
        return _LEVEL_AMOUNTS[self.value]


_LEVEL_AMOUNTS = {"none": 0.0, "a-little": 1 / 3, "some": 2 / 3, "a-lot": 1.0}


class Shift(Labelled):
    DAYS = ("days", "daytime hours")
    SHIFTS = ("shifts", "shifts that change from week to week")
    NIGHTS = ("nights", "some nights")
    WEEKENDS = ("weekends", "some weekends")
    ON_CALL = ("on-call", "being on call")


# Working patterns that mean being awake at night: the "days only" conflict.
NIGHT_SHIFTS = frozenset({Shift.NIGHTS, Shift.ON_CALL})


class PayPeriod(Labelled):
    YEAR = ("year", "a year")
    HOUR = ("hour", "an hour")


class ProviderKind(Labelled):
    SCHOOL_SIXTH_FORM = ("sixth-form", "Sixth form college")
    COLLEGE = ("college", "Further education college")
    UNIVERSITY = ("university", "University")
    NHS_TRUST = ("nhs-trust", "NHS trust")
    COUNCIL = ("council", "Council")
    EMPLOYER = ("employer", "Employer")
    CHARITY = ("charity", "Charity or community organisation")
    PARTNERSHIP = ("partnership", "Health and care partnership")
    NATIONAL_SERVICE = ("national-service", "National careers service or website")
    TRAINING_PROVIDER = ("training-provider", "Training provider")


class TasterKind(Labelled):
    """Kinds of way to try a job before committing to it."""

    VOLUNTEERING = ("volunteering", "Volunteering")
    WORK_EXPERIENCE = ("work-experience", "Work experience")
    INSIGHT_DAY = ("insight-day", "Insight day or taster day")
    CADETS = ("cadets", "Cadets")
    OPEN_DAY = ("open-day", "College or university open day")
    CAREERS_EVENT = ("careers-event", "Careers or apprenticeship event")
    TALK = ("talk", "Talk from someone who does the job")
    ONLINE = ("online", "Online taster or course")
    YOUTH_PROGRAMME = ("youth-programme", "Youth programme")


class Stage(Labelled):
    SCHOOL = ("school", "at school (14 to 16)")
    COLLEGE = ("college", "at sixth form or college (16 to 18)")
    UNIVERSITY = ("university", "at university")
    WORKING = ("working", "working")
    NOT_WORKING = ("not_working", "not in education or work")


RIASEC = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")

# Each "likes" dimension in a Profile, paired with the role work attribute it is compared to.
LIKE_DIMENSIONS: tuple[str, ...] = (
    "patient_contact", "hands_on", "science", "technology", "creative", "organising",
    "leading", "physical_activity", "children_young_people", "mental_health",
    "emergencies", "on_the_move", "clinical_procedures",
)
WORK_ATTRIBUTE_FOR_LIKE: dict[str, str] = {
    **{dim: dim for dim in LIKE_DIMENSIONS},
    "physical_activity": "physical_demands",
}
