"""``compass catalogue report``: what the catalogue covers and where it is thin."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.checks import reading_grade
from compass.catalogue.models import Role
from compass.catalogue.vocab import Family, RouteKind, Setting

MIN_BULLETS = 4
MIN_ROUTES = 2


@dataclass(frozen=True)
class CatalogueReport:
    role_count: int
    by_family: dict[str, int]
    by_setting: dict[str, int]
    by_route_kind: dict[str, int]
    by_rqf_level: dict[str, int]
    by_pay_band: dict[str, int]
    no_paid_route: tuple[str, ...]
    reading_grades: dict[str, int]
    thin_roles: dict[str, tuple[str, ...]]


def thin_reasons(role: Role) -> tuple[str, ...]:
    """Why a role is thin: too few bullets or routes, or no sources."""
    reasons = []
    if len(role.day_to_day) < MIN_BULLETS:
        reasons.append(f"only {len(role.day_to_day)} day-to-day points (want {MIN_BULLETS}+)")
    if len(role.entry_routes) < MIN_ROUTES:
        reasons.append(f"only {len(role.entry_routes)} entry route (want {MIN_ROUTES}+)")
    if not role.sources:
        reasons.append("no sources")
    return tuple(reasons)


def _grade_bucket(grade: float) -> str:
    if grade < 6:
        return "below 6"
    if grade < 8:
        return "6 to 8"
    if grade <= 9:
        return "8 to 9"
    return "above 9"


def build_report(catalogue: Catalogue) -> CatalogueReport:
    roles = catalogue.roles
    families = Counter(r.family.value for r in roles)
    settings = Counter(s.value for r in roles for s in r.settings)
    kinds = Counter(k.value for r in roles for k in {route.kind for route in r.entry_routes})
    levels = Counter(
        str(route.level) if route.level else "none" for r in roles for route in r.entry_routes)
    bands = Counter(r.pay.afc_band_min or "not on AfC" for r in roles)
    grades = Counter(_grade_bucket(reading_grade(r.summary)) for r in roles)
    thin = {r.id: reasons for r in roles if (reasons := thin_reasons(r))}
    return CatalogueReport(
        role_count=len(roles),
        by_family={f.value: families.get(f.value, 0) for f in Family},
        by_setting={s.value: settings.get(s.value, 0) for s in Setting},
        by_route_kind={k.value: kinds.get(k.value, 0) for k in RouteKind},
        by_rqf_level=dict(sorted(levels.items())),
        by_pay_band=dict(sorted(bands.items())),
        no_paid_route=tuple(r.id for r in roles if not r.has_paid_route),
        reading_grades={b: grades.get(b, 0) for b in ("below 6", "6 to 8", "8 to 9", "above 9")},
        thin_roles=thin,
    )


def render_report(report: CatalogueReport) -> str:
    lines = [f"Roles: {report.role_count}", ""]
    sections = [
        ("Roles by family", report.by_family),
        ("Roles by setting", report.by_setting),
        ("Roles with a route of each kind", report.by_route_kind),
        ("Entry routes by RQF level", report.by_rqf_level),
        ("Roles by lowest AfC pay band", report.by_pay_band),
        ("Summary reading grade (Flesch-Kincaid)", report.reading_grades),
    ]
    for heading, counts in sections:
        lines.append(heading)
        width = max((len(k) for k in counts), default=0)
        lines += [f"  {key.ljust(width)}  {value:>4}" for key, value in counts.items()]
        lines.append("")
    lines.append(f"Roles with no paid route ({len(report.no_paid_route)}): "
                 + (", ".join(report.no_paid_route) or "none"))
    lines.append(f"Thin roles ({len(report.thin_roles)}):" + ("" if report.thin_roles else " none"))
    lines += [f"  {rid}: {'; '.join(why)}" for rid, why in report.thin_roles.items()]
    return "\n".join(lines)
