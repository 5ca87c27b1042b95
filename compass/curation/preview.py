"""Render one role or provider from its YAML as the public will read it, with its problems.

Works on a single file even when other files are broken, so a curator can see their edit
while they work. Problems are listed against the file and line first.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.loader import check_catalogue
from compass.catalogue.models import Programme, Provider, Role, WayToTry
from compass.catalogue.pay import pay_text
from compass.errors import CompassError, Problem, Severity, display_path
from compass.validation import validate_document
from compass.yamlio import load_yaml

CatalogueModel = type[Role] | type[Provider] | type[Programme] | type[WayToTry]
KINDS: dict[str, CatalogueModel] = {
    "roles": Role, "providers": Provider, "programmes": Programme, "ways_to_try": WayToTry,
}


def find_file(catalogue_root: Path, item_id: str) -> tuple[Path, CatalogueModel]:
    for folder, model in KINDS.items():
        for suffix in (".yaml", ".yml"):
            path = catalogue_root / folder / f"{item_id}{suffix}"
            if path.exists():
                return path, model
    raise CompassError(f"no role, provider, programme or way to try called '{item_id}' "
                       f"in {display_path(catalogue_root)}")


def preview(catalogue_root: Path, item_id: str) -> str:
    path, model = find_file(catalogue_root, item_id)
    check = check_catalogue(catalogue_root)
    doc, problems = load_yaml(path)
    item = None
    if doc is not None:
        item, problems = validate_document(doc, model)
    shown = display_path(path)
    problems = sorted({*problems, *(p for p in check.problems if p.path == shown)})
    parts = [_render_problems(problems)] if problems else []
    if any(p.severity is Severity.ERROR for p in problems):
        parts[0] = parts[0].replace("PROBLEMS TO FIX", "ERRORS TO FIX", 1)
    if isinstance(item, Role):
        parts.append(render_role(item, check.catalogue))
    elif isinstance(item, Provider | Programme):
        parts.append(render_signpost(item))
    elif isinstance(item, WayToTry):
        parts.append(render_way_to_try(item))
    return "\n\n".join(parts)


def _render_problems(problems: list[Problem]) -> str:
    return "PROBLEMS TO FIX\n" + "\n".join(f"  {p.render()}" for p in problems)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(" ".join(text.split()), width=88, initial_indent=indent, subsequent_indent=indent)


def render_role(role: Role, catalogue: Catalogue | None) -> str:
    lines = [role.title.upper()]
    if role.also_called:
        lines.append(f"Also called: {', '.join(role.also_called)}")
    lines += [f"Job family: {role.family.label}", "", _wrap(role.summary), "", "What you would do"]
    lines += [f"  - {point}" for point in role.day_to_day]
    lines += ["", "Where you would work: " + ", ".join(s.label for s in role.settings)]
    lines += [f"Pay: {pay_text(role.pay)}", "", "Ways in"]
    for route in role.entry_routes:
        paid = "paid while you train" if route.paid_while_training else "not paid while you study"
        lines.append(f"  - {route.name} ({route.kind.label}; {paid})")
        lines.append(_wrap(f"You need: {route.entry_requirements}", "      "))
        if catalogue is not None:
            providers, programmes = catalogue.signposts_for(route, role)
            names = [p.name for p in providers[:4]] + [g.name for g in programmes[:2]]
            if names:
                lines.append(_wrap("Where: " + "; ".join(names), "      "))
    if role.progression:
        titles = [catalogue.role(r).title if catalogue and catalogue.has_role(r) else r for r in role.progression]
        lines += ["", "Can lead to: " + ", ".join(titles)]
    if catalogue is not None and (before := catalogue.leads_to(role.id)):
        lines.append("You can get here from: " + ", ".join(r.title for r in before))
    if catalogue is not None and (ways := [catalogue.ways_to_try[w] for w in role.ways_to_try
                                           if w in catalogue.ways_to_try]):
        lines += ["", "Try it first"] + [f"  - {w.name} (from age {w.min_age})" for w in ways]
    lines += ["", "Sources"] + [f"  {url}" for url in role.sources]
    return "\n".join(lines)


def render_signpost(item: Provider | Programme) -> str:
    lines = [item.name.upper(), "", _wrap(item.offers), "", _wrap(f"Who it is for: {item.for_whom}")]
    lines += [f"Link: {item.url}", "", "Sources"] + [f"  {url}" for url in item.sources]
    return "\n".join(lines)


def render_way_to_try(item: WayToTry) -> str:
    ages = f"from age {item.min_age}" + (f" to {item.max_age}" if item.max_age else "")
    lines = [item.name.upper(), f"{item.kind.label}, {ages}", "", _wrap(item.what_you_do)]
    lines += [f"Link: {item.url}", "", "Sources"] + [f"  {url}" for url in item.sources]
    return "\n".join(lines)
