"""``compass catalogue report``: what the catalogue covers and where it is thin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.checks import reading_grade
from compass.catalogue.models import Role
from compass.catalogue.vocab import Family, RouteKind, Setting

CURRENT_PAY_YEAR = 2025   # the pay year 2025/26, as in compass/data's AfC table
OLD_PAY_YEARS = 2         # pay figures more than this many pay years old are flagged
MIN_BULLETS = 4
MIN_ROUTES = 2
READING_BUCKETS = ("below 6", "6 to 8", "8 to 9", "above 9")


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
    no_degree_way_in: int
    no_way_to_try: tuple[str, ...]
    sources_per_role: dict[str, int]
    old_pay: dict[str, str]


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
    table = pd.DataFrame({
        "family": [r.family.value for r in roles],
        "settings": [[s.value for s in r.settings] for r in roles],
        "pay_band": [r.pay.afc_band_min or "not on AfC" for r in roles],
        "reading": [_grade_bucket(reading_grade(r.summary)) for r in roles],
    }, index=pd.Index([r.id for r in roles], name="role"))
    routes = pd.DataFrame([(r.id, route.kind.value, str(route.level) if route.level else "none")
                           for r in roles for route in r.entry_routes], columns=["role", "kind", "level"])
    thin = {r.id: reasons for r in roles if (reasons := thin_reasons(r))}
    return CatalogueReport(
        role_count=len(roles),
        by_family=_counts(table.groupby("family").size(), [f.value for f in Family]),
        by_setting=_counts(table["settings"].explode().value_counts(), [s.value for s in Setting]),
        by_route_kind=_counts(routes.groupby("kind")["role"].nunique(), [k.value for k in RouteKind]),
        by_rqf_level=_counts(routes.groupby("level").size()),
        by_pay_band=_counts(table.groupby("pay_band").size()),
        no_paid_route=tuple(r.id for r in roles if not r.has_paid_way_in),
        reading_grades=_counts(table.groupby("reading").size(), READING_BUCKETS),
        thin_roles=thin,
        no_degree_way_in=sum(r.has_no_degree_way_in for r in roles),
        no_way_to_try=tuple(r.id for r in roles if not r.ways_to_try),
        sources_per_role=_counts(pd.Series([min(len(r.sources), 4) for r in roles]).map(
            lambda n: "4 or more" if n >= 4 else str(n)).value_counts(), ["1", "2", "3", "4 or more"]),
        old_pay={r.id: r.pay.year for r in roles if pay_year_start(r.pay.year) < CURRENT_PAY_YEAR - OLD_PAY_YEARS},
    )


def pay_year_start(year: str) -> int:
    """2025 for '2025/26' (or '2025')."""
    return int(year[:4])


def _counts(counts: pd.Series, order: Sequence[str] | None = None) -> dict[str, int]:
    """``counts`` as a plain dict: over ``order`` (0 where missing), else sorted by key."""
    counts = counts.sort_index() if order is None else counts.reindex(list(order), fill_value=0)
    return {str(key): int(value) for key, value in counts.items()}


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
    lines.append("Sources per role")
    lines += [f"  {key.ljust(9)}  {value:>4}" for key, value in report.sources_per_role.items()]
    lines.append("")
    lines.append(f"Roles with a way in that needs no degree: {report.no_degree_way_in} of {report.role_count}")
    lines.append(f"Roles with no way to try ({len(report.no_way_to_try)}): "
                 + (", ".join(report.no_way_to_try) or "none"))
    lines.append(f"Roles whose pay is more than {OLD_PAY_YEARS} pay years old ({len(report.old_pay)}): "
                 + (", ".join(f"{rid} ({year})" for rid, year in report.old_pay.items()) or "none"))
    lines.append(f"Roles with no paid route ({len(report.no_paid_route)}): "
                 + (", ".join(report.no_paid_route) or "none"))
    lines.append(f"Thin roles ({len(report.thin_roles)}):" + ("" if report.thin_roles else " none"))
    lines += [f"  {rid}: {'; '.join(why)}" for rid, why in report.thin_roles.items()]
    return "\n".join(lines)
