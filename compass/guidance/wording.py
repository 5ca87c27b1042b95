"""The adviser page's fixed wording, kept in ``roles_catalogue/adviser_guidance.yaml``.

Curators can reword these prompts without touching code. The file is checked like the
rest of the catalogue: every problem is reported as ``path:line: field: message``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from compass.catalogue import DEFAULT_CATALOGUE
from compass.catalogue.vocab import Stage
from compass.errors import CatalogueError, Problem
from compass.validation import validate_document
from compass.yamlio import load_yaml

GUIDANCE_FILE = "adviser_guidance.yaml"
Prompt = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=300)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StageQuestions(_Frozen):
    """What to ask someone at each stage about their plans."""

    school: Prompt = Field(description="For someone at school (14 to 16).")
    college: Prompt = Field(description="For someone at sixth form or college.")
    university: Prompt = Field(description="For someone at university.")
    working: Prompt = Field(description="For someone in work.")
    not_working: Prompt = Field(description="For someone not in education or work.")

    def for_stage(self, stage: Stage) -> str:
        text: str = getattr(self, stage.value)
        return text


class GcseChecks(_Frozen):
    """What to check when the person does not have, or is not sure of, GCSE English and maths."""

    no: Prompt = Field(description="They do not expect grade 4 in both.")
    not_sure: Prompt = Field(description="They are not sure.")


class Checks(_Frozen):
    """Things to check, each shown when the person's answers call for it."""

    earn_now: Prompt = Field(description="They want to earn now.")
    open_to_degree: Prompt = Field(description="They would study for three years or more.")
    no_job_with_training: Prompt = Field(
        description="None of their best next steps is an apprenticeship or a job with training.")
    nothing_fits: Prompt = Field(description="No job fitted everything they said.")


class AdviserWording(_Frozen):
    """Every fixed sentence on the adviser's guidance page."""

    stage_questions: StageQuestions = Field(description="What to ask, by the person's stage.")
    no_stage_question: Prompt = Field(description="What to ask when they did not give a stage.")
    gcse_checks: GcseChecks = Field(description="What to check about GCSE English and maths.")
    checks: Checks = Field(description="Other things to check.")


def check_wording(catalogue_dir: Path = DEFAULT_CATALOGUE) -> tuple[AdviserWording | None, list[Problem]]:
    """The wording in ``catalogue_dir``, or the problems that stop it loading."""
    doc, problems = load_yaml(catalogue_dir / GUIDANCE_FILE)
    if doc is None:
        return None, problems
    return validate_document(doc, AdviserWording)


def load_wording(catalogue_dir: Path = DEFAULT_CATALOGUE) -> AdviserWording:
    wording, problems = check_wording(catalogue_dir)
    if wording is None:
        raise CatalogueError(problems)
    return wording
