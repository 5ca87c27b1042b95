"""Write a new role file with every field, a comment on each, and suggestions to check.

The file is valid YAML but deliberately fails ``compass validate`` until the curator has
written the summary, day-to-day points, routes and sources: an unfinished role can never
reach young people by accident.
"""

from __future__ import annotations

import re
from pathlib import Path

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.vocab import Family, RouteKind, Setting
from compass.curation.suggest import suggest_interests, suggest_soc_codes
from compass.errors import CompassError


def role_id_for(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) < 2:
        raise CompassError(f"'{title}' is not a usable job title")
    return slug[:60].rstrip("-")


def scaffold_text(title: str, catalogue: Catalogue | None) -> str:
    role_id = role_id_for(title)
    soc = suggest_soc_codes(title, catalogue)
    interests = suggest_interests(title)
    soc_lines = "\n".join(f"#   {s.code}  {s.title}  (match {s.similarity:.2f})" for s in soc)
    onet_lines = "\n".join(f"#   {o.code}  {o.title}  (match {o.similarity:.2f})" for o in interests.based_on)
    basis = ", ".join(f"{o.code} {o.title}" for o in interests.based_on)
    scores = "\n".join(f"  {name}: {value}" for name, value in interests.scores.items())
    return f"""\
# New role: {title}
# Made by 'compass catalogue new-role'. Check every suggestion, fill in each empty field,
# then run '.venv/bin/compass validate'. roles_catalogue/README.md explains every field.
id: {role_id}  # must equal the file name
title: {title}
also_called: []  # other titles people use, e.g. [Porter, Patient porter]
family:  # one of: {", ".join(f.value for f in Family)}
# Closest SOC 2020 unit groups (check against the ONS descriptions):
{soc_lines}
soc2020: "{soc[0].code}"
summary: ""  # two or three short sentences a 14-year-old can read
day_to_day: []  # three to six short points about a normal day, one per line starting '- '
settings: []  # from: {", ".join(s.value for s in Setting)}
# Interest scores suggested from the closest O*NET 29.3 occupations (rescaled 1-7 to 0-1):
{onet_lines}
interests:
{scores}
  basis: "Suggested from O*NET 29.3 {basis}; check and adjust for the UK role."
work:  # each one of: none, a-little, some, a-lot
  patient_contact: some
  hands_on: some
  physical_demands: some
  clinical_procedures: none
  children_young_people: none
  mental_health: none
  emergencies: none
  on_the_move: none
  science: none
  technology: none
  creative: none
  organising: none
  leading: none
  shifts: [days]  # any of: days, shifts, nights, weekends, on-call
entry_routes: []
# Each route looks like this (kinds: {", ".join(k.value for k in RouteKind)}):
#  - kind: apprenticeship
#    name: Name of the apprenticeship (level 3)
#    level: 3
#    full_time_study_years: 0
#    paid_while_training: true
#    needs_gcse_english_maths: true
#    min_age: 16
#    entry_requirements: What you need to start, in plain words.
#    providers: []   # ids of files in roles_catalogue/providers/
#    programmes: []  # ids of files in roles_catalogue/programmes/
pay:
  # NHS roles: afc_band_min / afc_band_max. Others: typical_min, typical_max, per (year or hour).
  typical_min:
  year: 2025/26
progression: []  # ids of roles this one can lead to
leeds_employers: []  # kinds or names of Leeds employers
sources: []  # https links the facts came from
"""


def write_scaffold(title: str, roles_dir: Path, catalogue: Catalogue | None) -> Path:
    path = roles_dir / f"{role_id_for(title)}.yaml"
    if path.exists():
        raise CompassError(f"{path} already exists; edit it instead, or choose another title")
    path.write_text(scaffold_text(title, catalogue), encoding="utf-8")
    return path
