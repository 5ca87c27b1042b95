"""The role catalogue: schema, loading, validation and export."""

from compass.catalogue.catalogue import Catalogue
from compass.catalogue.loader import DEFAULT_CATALOGUE, check_catalogue, load_catalogue
from compass.catalogue.models import EntryRoute, Pay, Programme, Provider, Role, Work

__all__ = [
    "DEFAULT_CATALOGUE", "Catalogue", "EntryRoute", "Pay", "Programme", "Provider", "Role",
    "Work", "check_catalogue", "load_catalogue",
]
