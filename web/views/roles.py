"""The role explorer: browse, filter and search every role, open one, compare two or three."""

from __future__ import annotations

from flask import Blueprint, render_template

from compass.catalogue.vocab import Family, Setting, Stage
from compass.compare import answer_rows
from compass.search import RoleQuery, RouteFilter
from compass.signposting import tasters_for
from web import params
from web.answer_form import FieldError
from web.errors import not_found
from web.pages import current_profile
from web.services import current_services

bp = Blueprint("roles", __name__)
MAX_WORDS_LENGTH = 100
COMPARE_MOST = 3


@bp.get("/roles")
def index() -> str:
    values = params.query("q", "family", "setting", "route")
    family = values.choice("family", [f.value for f in Family])
    setting = values.choice("setting", [s.value for s in Setting])
    route = values.choice("route", [r.slug for r in RouteFilter])
    query = RoleQuery(
        words=values.text("q", MAX_WORDS_LENGTH),
        family=Family(family) if family else None,
        setting=Setting(setting) if setting else None,
        route=RouteFilter.from_slug(route) if route else None,
    )
    services = current_services()
    found = services.search.search(query)
    return render_template("roles/index.html", query=query, roles=found.roles, found=found,
                           total=len(services.catalogue.roles), families=list(Family),
                           settings=list(Setting), routes=list(RouteFilter), nav="roles.index")


@bp.get("/roles/<role_id>")
def role(role_id: str) -> str:
    services = current_services()
    catalogue = services.catalogue
    if not catalogue.has_role(role_id):
        raise not_found("We could not find that job. Look through all the jobs instead.")
    shown = catalogue.role(role_id)
    stage = params.query("stage").choice("stage", [s.value for s in Stage])
    profile = current_profile(Stage(stage) if stage else None)
    steps = services.engine.next_steps(profile, shown)
    leads_to = [catalogue.role(r) for r in shown.progression if catalogue.has_role(r)]
    return render_template("roles/role.html", role=shown, steps=steps.steps, leads_to=leads_to,
                           worth_knowing=services.engine.worth_knowing(profile, shown),
                           stage=profile.stage,
                           tasters=tasters_for(catalogue, shown, profile),
                           comes_from=catalogue.leads_to(role_id), nav="roles.index")


@bp.get("/compare")
def compare() -> str | tuple[str, int]:
    values = params.query("role", "start")
    catalogue = current_services().catalogue
    chosen = values.choices("role", catalogue.role_ids, most=len(catalogue.role_ids))
    starting = values.choice("start", catalogue.role_ids)  # "Compare this job with others"
    roles = [catalogue.role(r) for r in chosen]
    if 2 <= len(roles) <= COMPARE_MOST:
        return render_template("roles/compare.html", roles=roles, nav="roles.index",
                               answer_rows=answer_rows(roles, current_profile()))
    errors: tuple[FieldError, ...] = ()
    if roles:
        first = min(catalogue.roles, key=lambda r: r.title)
        errors = (FieldError(f"role-{first.id}",
                             "Tick two or three jobs to compare them"),)
    if starting is not None and starting not in chosen:
        chosen = [starting, *chosen]
    return render_template("roles/choose.html", roles=catalogue.roles, chosen=chosen,
                           errors=errors, nav="roles.index"), (400 if errors else 200)
