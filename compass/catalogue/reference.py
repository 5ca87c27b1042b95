"""Reference data shipped with the engine: SOC 2020 unit groups and AfC pay bands."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def soc2020_unit_groups() -> dict[str, str]:
    """Four-digit SOC 2020 code -> title (ONS, Open Government Licence v3.0)."""
    text = resources.files("compass.data").joinpath("soc2020_unit_groups.tsv").read_text("utf-8")
    pairs = (line.split("\t", 1) for line in text.splitlines() if "\t" in line)
    return {code.strip(): title.strip() for code, title in pairs}


@dataclass(frozen=True)
class AfcBand:
    band: str
    entry_annual: int
    top_annual: int


@cache
def afc_bands() -> dict[str, AfcBand]:
    """NHS Agenda for Change 2025/26 bands (England), from NHS Employers."""
    text = resources.files("compass.data").joinpath("afc_pay_bands_2025_26.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        r["band"]: AfcBand(r["band"], int(r["entry_annual_gbp"]), int(r["top_annual_gbp"]))
        for r in rows
    }


AFC_ORDER = ("1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9")
