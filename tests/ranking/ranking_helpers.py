"""A small, varied test catalogue and a fake sentence encoder for the ranking tests."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from compass.catalogue import DEFAULT_CATALOGUE, Catalogue, Programme, Provider, Role
from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, WORK_ATTRIBUTE_FOR_LIKE
from compass.guidance import GUIDANCE_FILE
from compass.understanding import OWN_WORDS_FILE

LEVELS = {0: "none", 1: "a-little", 2: "some", 3: "a-lot"}
SOURCE = ["https://www.healthcareers.nhs.uk/explore-roles"]


class FakeEncoder:
    """Bag of hashed words: texts sharing words get similar unit vectors. No model needed."""

    name = "fake-hashing-encoder"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z]+", text.lower()):
                if len(word) > 3:
                    slot = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension
                    vectors[i, slot] += 1.0
            vectors[i, 0] += 0.1
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def route(kind: str, years: float = 0, paid: bool = False, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "name": f"{kind.replace('-', ' ').capitalize()} route",
            "full_time_study_years": years, "paid_while_training": paid,
            "entry_requirements": "Some entry requirements apply.", **extra}


def role(role_id: str, family: str, interests: str, work: dict[str, int], shifts: list[str],
         routes: list[dict[str, Any]], words: str) -> dict[str, Any]:
    """A role whose RIASEC scores come from a code such as 'SIR' (0.9, 0.7, 0.5, rest 0.1)."""
    scores = dict.fromkeys(RIASEC, 0.1)
    for letter, value in zip(interests, (0.9, 0.7, 0.5), strict=False):
        scores[next(a for a in RIASEC if a[0] == letter.lower())] = value
    attributes = {WORK_ATTRIBUTE_FOR_LIKE[d]: LEVELS[work.get(d, 0)] for d in LIKE_DIMENSIONS}
    title = role_id.replace("-", " ").capitalize()
    return {
        "id": role_id, "title": title, "family": family, "soc2020": "6131",
        "summary": f"{title}s {words}. It is a useful job in Leeds.",
        "day_to_day": [f"Spend time on {words}", "Talk with the team", "Write short notes"],
        "settings": ["hospital"], "interests": {**scores, "basis": "Made up for the tests."},
        "work": {**attributes, "shifts": shifts}, "entry_routes": routes,
        "pay": {"afc_band_min": "3", "year": "2025/26"},
        "leeds_employers": ["Leeds Teaching Hospitals NHS Trust"], "sources": SOURCE,
    }


ROLES: list[dict[str, Any]] = [
    role("care-worker", "adult-social-care", "SR", {"patient_contact": 3, "hands_on": 3,
         "physical_activity": 2}, ["shifts", "nights", "weekends"],
         [route("apprenticeship", paid=True, level=2, min_age=16, providers=["test-trust"]),
          route("direct-entry", paid=True, min_age=18)], "help older people wash and dress"),
    role("adult-nurse", "nursing-midwifery", "SIR", {"patient_contact": 3, "clinical_procedures": 3,
         "science": 2, "emergencies": 2}, ["shifts", "nights", "weekends"],
         [route("degree", 3, level=6, needs_gcse_english_maths=True, providers=["test-uni"]),
          route("degree-apprenticeship", paid=True, level=6, needs_gcse_english_maths=True)],
         "care for adults on hospital wards"),
    role("childrens-nurse", "nursing-midwifery", "SIR", {"patient_contact": 3,
         "clinical_procedures": 3, "children_young_people": 3, "science": 2}, ["shifts", "nights"],
         [route("degree", 3, level=6, needs_gcse_english_maths=True)],
         "care for sick children and babies"),
    role("hospital-doctor", "medical-dental", "ISR", {"science": 3, "patient_contact": 3,
         "clinical_procedures": 3, "emergencies": 3, "leading": 2}, ["shifts", "nights", "on-call"],
         [route("degree", 5, level=7, needs_gcse_english_maths=True)],
         "diagnose illness and treat patients"),
    role("data-analyst", "digital-data", "CIE", {"technology": 3, "organising": 2, "science": 1},
         ["days"], [route("apprenticeship", paid=True, level=4, min_age=16,
                          needs_gcse_english_maths=True), route("degree", 3, level=6)],
         "turn health data into charts and reports"),
    role("estates-electrician", "estates-facilities", "RC", {"hands_on": 3,
         "physical_activity": 2, "technology": 1, "on_the_move": 2}, ["days"],
         [route("apprenticeship", paid=True, level=3, min_age=16, needs_gcse_english_maths=True,
                providers=["test-college"]), route("college-course", 1, level=2)],
         "fix wiring and lights in hospital buildings"),
    role("clinical-psychologist", "mental-health", "ISA", {"mental_health": 3, "science": 2,
         "patient_contact": 2}, ["days"],
         [route("postgraduate", 3, paid=True, level=8, needs_degree=True)],
         "help people with their mental health through talking therapy"),
    role("youth-worker", "childrens-social-care", "SEA", {"children_young_people": 3,
         "creative": 1, "on_the_move": 1}, ["shifts", "weekends"],
         [route("apprenticeship", paid=True, level=3, min_age=16), route("volunteering")],
         "run clubs and support young people"),
    role("medical-secretary", "admin-business", "CS", {"organising": 3, "technology": 2},
         ["days"], [route("apprenticeship", paid=True, level=3, min_age=16),
                    route("direct-entry", paid=True, min_age=18)],
         "type letters and organise clinic diaries"),
    role("paramedic", "ambulance-emergency", "SRI", {"emergencies": 3, "patient_contact": 3,
         "clinical_procedures": 3, "on_the_move": 3, "physical_activity": 3},
         ["shifts", "nights", "weekends"],
         [route("degree", 3, level=6, needs_gcse_english_maths=True),
          route("degree-apprenticeship", paid=True, level=6)], "respond to 999 emergencies"),
    role("art-therapist", "allied-health", "ASI", {"creative": 3, "mental_health": 2,
         "patient_contact": 2}, ["days"],
         [route("postgraduate", 2, level=7, needs_degree=True)],
         "use painting and drawing to help people feel better"),
    role("pharmacy-assistant", "pharmacy", "CSR", {"organising": 2, "patient_contact": 2,
         "science": 1}, ["days", "weekends"],
         [route("apprenticeship", paid=True, level=2, min_age=16)],
         "hand out medicines and help customers in a pharmacy"),
]

PROVIDERS: list[dict[str, Any]] = [
    {"id": "test-college", "name": "Test College", "kind": "college",
     "offers": "Courses and apprenticeships for young people.", "for_whom": "Ages 16 to 24.",
     "stages": ["school", "college"], "route_kinds": ["college-course", "apprenticeship"],
     "in_leeds": True, "url": "https://www.leedscitycollege.ac.uk/", "sources": SOURCE},
    {"id": "test-uni", "name": "Test University", "kind": "university",
     "offers": "Degrees in health subjects.", "for_whom": "Ages 18 and over.",
     "stages": ["college", "university", "working"], "route_kinds": ["degree", "postgraduate"],
     "in_leeds": True, "url": "https://www.leeds.ac.uk/", "sources": SOURCE},
    {"id": "test-trust", "name": "Test Trust", "kind": "nhs-trust",
     "offers": "Jobs and apprenticeships in hospitals.", "for_whom": "Ages 16 and over.",
     "stages": ["school", "college", "working", "not_working"],
     "route_kinds": ["apprenticeship", "direct-entry"], "in_leeds": True,
     "url": "https://www.leedsth.nhs.uk/", "sources": SOURCE},
]
PROGRAMMES: list[dict[str, Any]] = [
    {"id": "test-hub", "name": "Test Hub", "offers": "Help to apply for first jobs in care.",
     "for_whom": "Ages 16 to 25.", "stages": ["school", "college", "working", "not_working"],
     "route_kinds": ["direct-entry", "apprenticeship"], "in_leeds": True,
     "url": "https://www.healthcareers.nhs.uk/", "sources": SOURCE},
]


def fixture_catalogue(roles: list[dict[str, Any]] | None = None, tag: str = "fixture") -> Catalogue:
    return Catalogue(
        roles=tuple(Role.model_validate(r) for r in (roles or ROLES)),
        providers={p["id"]: Provider.model_validate(p) for p in PROVIDERS},
        programmes={g["id"]: Programme.model_validate(g) for g in PROGRAMMES},
        content_hash=hashlib.sha256(tag.encode()).hexdigest(),
    )


def write_catalogue(root: Path, roles: list[dict[str, Any]] | None = None) -> Path:
    """The fixture catalogue as YAML files under ``root``, as ``compass`` commands read it."""
    for folder, items in (("roles", roles or ROLES), ("providers", PROVIDERS),
                          ("programmes", PROGRAMMES)):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for item in items:
            (root / folder / f"{item['id']}.yaml").write_text(yaml.safe_dump(item, sort_keys=False))
    for name in (GUIDANCE_FILE, OWN_WORDS_FILE):
        shutil.copy(DEFAULT_CATALOGUE / name, root / name)
    return root


PERSONAS_YAML = """
personas:
  - id: carer
    note: Wants to care for people and earn now.
    profile:
      stage: college
      interests: {social: 0.9, realistic: 0.6, investigative: 0.3}
      likes: {patient_contact: 1.0, hands_on: 0.5}
      constraints: {max_study_years: 0, earn_while_learning: true}
    relevance: {care-worker: 3, pharmacy-assistant: 1}
  - id: techie
    note: Likes computers and data.
    profile:
      interests: {conventional: 0.8, investigative: 0.7, social: 0.3}
      likes: {technology: 1.0, organising: 0.5, patient_contact: -0.5}
    relevance: {data-analyst: 3, medical-secretary: 2}
  - id: fixer
    note: Practical, wants an apprenticeship.
    profile:
      interests: {realistic: 0.9, social: 0.2}
      likes: {hands_on: 1.0, physical_activity: 0.5}
      constraints: {earn_while_learning: true}
    relevance: {estates-electrician: 3}
  - id: scientist
    note: Loves science and wants to help patients.
    profile:
      interests: {investigative: 0.9, social: 0.8}
      likes: {science: 1.0, patient_contact: 0.5, clinical_procedures: 0.5}
    relevance: {hospital-doctor: 3, adult-nurse: 2, paramedic: 1}
  - id: artist
    note: Creative and kind.
    profile:
      stage: university
      interests: {artistic: 0.9, social: 0.8}
      likes: {creative: 1.0, mental_health: 0.5}
    relevance: {art-therapist: 3, youth-worker: 1}
  - id: kids
    note: Wants to work with children.
    profile:
      interests: {social: 0.9, enterprising: 0.6}
      likes: {children_young_people: 1.0}
    relevance: {youth-worker: 3, childrens-nurse: 2}
"""
