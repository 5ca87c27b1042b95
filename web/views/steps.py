"""'Your next steps' for a role, tailored to the person's stage (school, college, work...)."""

from __future__ import annotations

from flask import Blueprint, render_template

from compass.catalogue.vocab import Stage
from compass.questionnaire import stage_of
from web import journey, params
from web.errors import not_found
from web.next_steps import plan_next_steps
from web.services import services

bp = Blueprint("steps", __name__)


@bp.get("/next-steps/<role_id>")
def for_role(role_id: str) -> str:
    values = params.query("stage")
    chosen = params.choice(values, "stage", [s.value for s in Stage])
    found = services()
    if not found.catalogue.has_role(role_id):
        raise not_found("We could not find that job. Look through all the jobs instead.")
    role = found.catalogue.role(role_id)
    stage = Stage(chosen) if chosen else stage_of(found.flow, journey.answers_so_far(found.flow))
    steps = plan_next_steps(found.catalogue, role, stage) if stage else None
    return render_template("steps/for_role.html", role=role, stage=stage, steps=steps,
                           stages=list(Stage))
