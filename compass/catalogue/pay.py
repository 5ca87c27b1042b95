"""Pay in words and in pounds a year: one home for every way the product states pay.

Roles give pay as NHS Agenda for Change bands or as a typical figure a year or an hour. A
young person compares jobs more easily in one unit, so hourly pay is also turned into pounds
a year at a stated full-time week. Where a role can be started before 21, the legal minimum
rates for younger workers and apprentices are given too: an employer may pay less than the
typical adult figure (National Minimum Wage rates, gov.uk, April 2025 to March 2026).
"""

from __future__ import annotations

from dataclasses import dataclass

from compass.catalogue.models import Pay, Role
from compass.catalogue.reference import afc_bands
from compass.catalogue.vocab import PayPeriod

FULL_TIME_HOURS = 37.5     # the NHS full-time week, used to turn hourly pay into a year
WEEKS_A_YEAR = 52.143
ADULT_RATE_AGE = 21
# National Minimum Wage from 1 April 2025: (youngest age, pounds an hour, who it is for).
MINIMUM_RATES_YEAR = "2025/26"
YOUNGER_RATES = ((18, 10.00, "at 18 to 20"), (16, 7.55, "under 18 or as an apprentice"))


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
    amount = _amount(low, high, per)
    if pay.afc_band_min is not None:
        bands = pay.afc_band_min
        if pay.afc_band_max and pay.afc_band_max != pay.afc_band_min:
            bands = f"{pay.afc_band_min} to {pay.afc_band_max}"
        return f"{amount} a year (NHS band {bands}, {pay.year})"
    return f"{amount} a{'n' if per == 'hour' else ''} {per} (typical, {pay.year})"


def a_year(hourly: float) -> float:
    """Pounds a year for full-time work at ``hourly`` pounds an hour."""
    return hourly * FULL_TIME_HOURS * WEEKS_A_YEAR


@dataclass(frozen=True)
class YearlyPay:
    """A role's pay as pounds a year, with how it was worked out and the younger rates."""

    low: float
    high: float
    from_hourly: float | None = None          # the hourly figure it came from, if any
    younger: tuple[tuple[str, float], ...] = ()  # (who, pounds a year) where the role starts under 21

    @property
    def text(self) -> str:
        """'£24,465 to £30,162 a year', or 'About £23,900 a year' from an hourly figure."""
        amount = _amount(_round(self.low), _round(self.high), "year")
        if self.from_hourly is None:
            return f"{amount} a year"
        return f"About {amount} a year"

    @property
    def how(self) -> str:
        """How an hourly figure became a year, or '' for yearly pay."""
        if self.from_hourly is None:
            return ""
        return f"£{self.from_hourly:,.2f} an hour for {FULL_TIME_HOURS:g} hours a week"

    @property
    def younger_text(self) -> str:
        """'Under 21 you may get less: at least £19,551 at 18 to 20, ...' or ''."""
        if not self.younger:
            return ""
        parts = [f"£{_round(amount):,.0f} {who}" for who, amount in self.younger]
        return f"Under 21 you may be paid less: the legal least is {' and '.join(parts)}."


def yearly_pay(role: Role) -> YearlyPay:
    """``role``'s pay in pounds a year; hourly pay is worked out at a full-time week."""
    low, high, per = pay_range(role.pay)
    if per != PayPeriod.HOUR.value:
        return YearlyPay(low, high)
    younger: tuple[tuple[str, float], ...] = ()
    if starts_under_21(role):
        younger = tuple((who, a_year(rate)) for _, rate, who in YOUNGER_RATES if rate < low)
    return YearlyPay(a_year(low), a_year(high), from_hourly=low, younger=younger)


def starts_under_21(role: Role) -> bool:
    """Some way into the job itself can be started before 21."""
    return any(r.is_way_in and (r.min_age or 16) < ADULT_RATE_AGE for r in role.entry_routes)


def _round(value: float) -> float:
    return round(value / 100) * 100 if value >= 10_000 else value


def _amount(low: float, high: float, per: str) -> str:
    def money(value: float) -> str:
        return f"£{value:,.2f}" if per == "hour" else f"£{value:,.0f}"

    return money(low) if low == high else f"{money(low)} to {money(high)}"
