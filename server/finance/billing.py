"""The arithmetic of a month's contract care: minutes from the weekly pattern, the rate, and
one rounding per line. Pure functions, no database: the billing table tests drive them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from server.agenda.planning import DAY_PART_HOURS
from server.models import CareType, DayPart

# Weeks of school in a Dutch year: BSO plans its school-day parts (VSO/NSO) for these and
# holiday care (vakantie) for the other weeks of a 52-week contract.
SCHOOL_WEEKS = 40


def part_minutes(part: DayPart) -> int:
    start, end = DAY_PART_HOURS[part]
    return int((datetime.combine(date.min, end) - datetime.combine(date.min, start))
               .total_seconds()) // 60


def round_half_up(value: Fraction) -> int:
    """Round a non-negative fraction to the nearest integer, halves up (never banker's)."""
    return int((value * 2 + 1) // 2)


def yearly_minutes(care_type: CareType, weeks_per_year: int, parts: list[DayPart]) -> int:
    """Minutes of care per year from the weekly pattern and the contract's weeks."""
    if care_type is CareType.BSO:
        school = sum(part_minutes(p) for p in parts if p is not DayPart.VAKANTIE)
        holiday = sum(part_minutes(p) for p in parts if p is DayPart.VAKANTIE)
        return school * min(weeks_per_year, SCHOOL_WEEKS) + holiday * max(
            weeks_per_year - SCHOOL_WEEKS, 0)
    return sum(part_minutes(p) for p in parts) * weeks_per_year


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class ContractCare:
    """One contract's care in one month: the days it covers, minutes and amount."""

    first_date: date
    last_date: date
    minutes: int
    hourly_rate_cents: int
    amount_cents: int


def contract_care(year: int, month: int, start: date, end: date | None, care_type: CareType,
                  weeks_per_year: int, parts: list[DayPart],
                  hourly_rate_cents: int) -> ContractCare | None:
    """The month's share of a contract, or None when the contract does not cover the month.

    Per month = per year / 12, prorated by covered calendar days / days in the month. The
    amount is computed exactly and rounded once, half up; the minutes likewise on their own.
    """
    first, last = month_bounds(year, month)
    covered_first, covered_last = max(first, start), min(last, end or last)
    if covered_first > covered_last:
        return None
    covered = Fraction((covered_last - covered_first).days + 1, (last - first).days + 1)
    minutes = Fraction(yearly_minutes(care_type, weeks_per_year, parts), 12) * covered
    return ContractCare(
        first_date=covered_first, last_date=covered_last,
        minutes=round_half_up(minutes),
        hourly_rate_cents=hourly_rate_cents,
        amount_cents=round_half_up(minutes * hourly_rate_cents / 60),
    )


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)
