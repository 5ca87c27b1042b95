"""'Your next steps' for a role, for where the person is now (school, college, work...)."""

from __future__ import annotations

from flask import Blueprint, render_template

from compass.catalogue.vocab import Stage
from web import params
from web.errors import not_found
from web.pages import current_profile
from web.services import current_services

bp = Blueprint("steps", __name__)


@bp.get("/next-steps/<role_id>")
def for_role(role_id: str) -> str:
    chosen = params.query("stage").choice("stage", [s.value for s in Stage])
    services = current_services()
    if not services.catalogue.has_role(role_id):
        raise not_found("We could not find that job. Look through all the jobs instead.")
    role = services.catalogue.role(role_id)
    profile = current_profile(Stage(chosen) if chosen else None)
    steps = services.engine.next_steps(profile, role)
    return render_template("steps/for_role.html", role=role, stage=profile.stage, steps=steps,
                           stages=list(Stage))
