"""The catalogue as arrays: every role's interests, work, shifts and entry routes.

Built once per :class:`~compass.ranking.engine.Engine`, so ranking a profile is a handful of
numpy operations over all roles at once rather than a Python loop over roles.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import Catalogue, EntryRoute, Role
from compass.catalogue.reference import afc_bands
from compass.catalogue.vocab import (
    LIKE_DIMENSIONS,
    WORK_ATTRIBUTE_FOR_LIKE,
    Family,
    PayPeriod,
)

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

CODE_LENGTH = 3
# Iachan (1984) M index: weight for a match between the person's i-th and the role's j-th
# Holland letter. A perfect three-letter match scores 22 + 5 + 1 = 28.
IACHAN_WEIGHTS = np.array([[22.0, 10.0, 4.0], [10.0, 5.0, 2.0], [4.0, 2.0, 1.0]])
IACHAN_MAX = 28.0

HOURS_A_YEAR = 37.5 * 52

# How a role's working pattern suits someone who would rather not work shifts or nights.
DAYTIME_ONLY, SOME_SHIFTS, NIGHTS_OR_ON_CALL = 1.0, -0.5, -1.0


def shift_suitability(role: Role) -> float:
    """1 for daytime only, -1 with nights or on-call, -0.5 for other shift patterns."""
    if role.work.daytime_only:
        return DAYTIME_ONLY
    if role.work.has_nights:
        return NIGHTS_OR_ON_CALL
    return SOME_SHIFTS


def entry_pay(role: Role) -> float:
    """Starting pay in pounds a year (AfC band entry point, or the typical minimum)."""
    if role.pay.afc_band_min is not None:
        return float(afc_bands()[role.pay.afc_band_min].entry_annual)
    typical = role.pay.typical_min or 0.0
    return typical * HOURS_A_YEAR if role.pay.per is PayPeriod.HOUR else typical


def holland_code(scores: FloatArray) -> IntArray:
    """Indices of the three highest RIASEC scores per row, highest first (ties: RIASEC order)."""
    order = np.argsort(-scores, axis=-1, kind="stable")
    return order[..., :CODE_LENGTH].astype(np.int64)


def iachan_letter_weights(codes: IntArray) -> FloatArray:
    """(n, 6 * 3): for each role, the Iachan weight (a whole number, 0 to 22) a person earns
    by having RIASEC letter ``a`` in place ``i`` of their code, at column ``a * 3 + i`` (see
    :func:`compass.ranking.features.interest_congruence`)."""
    letters = np.arange(6)[None, :, None]
    has = (codes[:, None, :] == letters).astype(np.float64)  # (n, letter, role place j)
    weights: FloatArray = np.einsum("naj,ij->nai", has, IACHAN_WEIGHTS)
    return weights.reshape(len(codes), -1)


@dataclass(frozen=True)
class RouteTable:
    """Entry routes padded to (n_roles, most routes any role has); ``valid`` marks real ones."""

    valid: BoolArray
    study_years: FloatArray
    paid: BoolArray
    needs_degree: BoolArray
    gcse_first: BoolArray      # GCSE English and maths needed before starting (not alongside)
    needs_registration: BoolArray
    min_age: FloatArray       # 0 where the route sets none
    needs_level3: BoolArray    # starts only after A levels, a T Level or an access course
    way_in: BoolArray          # a way into the job, not only a first step

    @classmethod
    def from_roles(cls, roles: tuple[Role, ...]) -> RouteTable:
        width = max(len(r.entry_routes) for r in roles)
        shape = (len(roles), width)
        table = {name: np.zeros(shape, dtype=bool) for name in
                 ("valid", "paid", "needs_degree", "gcse_first", "needs_registration", "needs_level3",
                  "way_in")}
        study, min_age = np.zeros(shape), np.zeros(shape)
        for i, role in enumerate(roles):
            for j, route in enumerate(role.entry_routes):
                for name, value in _route_flags(route).items():
                    table[name][i, j] = value
                study[i, j] = route.full_time_study_years
                min_age[i, j] = route.min_age or 0
        return cls(study_years=study, min_age=min_age, **table)

    def take(self, rows: IntArray) -> RouteTable:
        return RouteTable(**{name: getattr(self, name)[rows] for name in self.__dataclass_fields__})


def _route_flags(route: EntryRoute) -> dict[str, bool]:
    return {"valid": True, "paid": route.paid_while_training, "needs_degree": route.needs_degree,
            "gcse_first": route.needs_gcse_first, "needs_registration": route.needs_registration_first,
            "needs_level3": route.kind.needs_level3_first, "way_in": route.is_way_in}


@dataclass(frozen=True)
class RoleIndex:
    """Arrays over the catalogue's roles, in catalogue order."""

    roles: tuple[Role, ...]
    interests: FloatArray        # (n, 6)
    interest_shape: FloatArray   # (n, 6): interests minus their own mean, unit length
    holland: IntArray            # (n, 3)
    holland_weights: FloatArray  # (n, 18): see iachan_letter_weights
    work: FloatArray             # (n, 13): the work amount matching each like, 0..1
    shift_suitability: FloatArray  # (n,)
    family: IntArray             # (n,) index into ``families``
    families: tuple[str, ...]
    routes: RouteTable
    role_terms: FloatArray       # (n, R - 2): see compass.ranking.terms.ROLE_TERMS

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> RoleIndex:
        return cls.from_roles(catalogue.roles)

    @classmethod
    def from_roles(cls, roles: tuple[Role, ...]) -> RoleIndex:
        interests = np.array([r.interests.vector() for r in roles], dtype=np.float64)
        families = tuple(sorted({r.family.value for r in roles}))
        work = np.array([[r.work.amount(WORK_ATTRIBUTE_FOR_LIKE[d]) for d in LIKE_DIMENSIONS]
                         for r in roles])
        shifts = np.array([shift_suitability(r) for r in roles])
        holland = holland_code(interests)
        return cls(
            roles=roles,
            interests=interests,
            interest_shape=_unit_rows(interests - interests.mean(axis=1, keepdims=True)),
            holland=holland,
            holland_weights=iachan_letter_weights(holland),
            work=work,
            shift_suitability=shifts,
            family=np.array([families.index(r.family.value) for r in roles], dtype=np.int64),
            families=families,
            routes=RouteTable.from_roles(roles),
            role_terms=np.hstack([interests, work, shifts[:, None], _facts(roles)]),
        )

    def __len__(self) -> int:
        return len(self.roles)

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)


def _facts(roles: tuple[Role, ...]) -> FloatArray:
    """Family one-hot (over the whole vocabulary), starting pay, graduate-only, shortest study."""
    families = list(Family)
    one_hot = np.zeros((len(roles), len(families)))
    one_hot[np.arange(len(roles)), [families.index(r.family) for r in roles]] = 1.0
    facts = np.array([[(entry_pay(r) - 25_000) / 15_000, float(r.graduate_only),
                       r.shortest_study_years / 5] for r in roles]).reshape(len(roles), 3)
    return np.hstack([one_hot, facts])


def _unit_rows(matrix: FloatArray) -> FloatArray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    unit: FloatArray = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 1e-12)
    return unit


unit_rows = _unit_rows
