"""Plain JSON forms of catalogue values, for other tools and for the evaluation."""

from __future__ import annotations

from typing import Any

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.models import Pay, Role
from compass.catalogue.reference import afc_bands


def pay_range(pay: Pay) -> tuple[float, float, str]:
    """Lowest and highest pay in pounds and what period they are for."""
    if pay.afc_band_min is not None:
        bands = afc_bands()
        low = bands[pay.afc_band_min].entry_annual
        high = bands[pay.afc_band_max or pay.afc_band_min].top_annual
        return float(low), float(high), "year"
    assert pay.typical_min is not None
    return pay.typical_min, pay.typical_max or pay.typical_min, pay.per.value


def pay_text(pay: Pay) -> str:
    """Pay in words, e.g. '£24,465 to £30,162 a year (NHS band 2 to 4, 2025/26)'."""
    low, high, per = pay_range(pay)
    def money(value: float) -> str:
        return f"£{value:,.2f}" if per == "hour" else f"£{value:,.0f}"

    amount = money(low) if low == high else f"{money(low)} to {money(high)}"
    if pay.afc_band_min is not None:
        bands = pay.afc_band_min
        if pay.afc_band_max and pay.afc_band_max != pay.afc_band_min:
            bands = f"{pay.afc_band_min} to {pay.afc_band_max}"
        return f"{amount} a year (NHS band {bands}, {pay.year})"
    return f"{amount} a{'n' if per == 'hour' else ''} {per} (typical, {pay.year})"


def role_to_dict(role: Role) -> dict[str, Any]:
    data = role.model_dump(mode="json")
    low, high, per = pay_range(role.pay)
    data["pay"]["range_gbp"] = {"low": low, "high": high, "per": per, "text": pay_text(role.pay)}
    return data


def catalogue_to_dict(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "content_hash": catalogue.content_hash,
        "roles": [role_to_dict(r) for r in catalogue.roles],
        "providers": [p.model_dump(mode="json") for p in catalogue.providers.values()],
        "programmes": [p.model_dump(mode="json") for p in catalogue.programmes.values()],
        "ways_to_try": [w.model_dump(mode="json") for w in catalogue.ways_to_try.values()],
    }
