"""Plain JSON forms of catalogue values, for other tools and for the evaluation."""

from __future__ import annotations

from typing import Any

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.models import Role
from compass.catalogue.pay import pay_range, pay_text


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
