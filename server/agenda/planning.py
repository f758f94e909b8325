"""Expanding contracts into planned day-parts for a date range."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from server.models import ClosingDay, Contract, SchoolHoliday
from server.models.enums import DayPart

# Opening hours of each day-part (product.md, "Domain rules"); hours of care for credit and
# cost are derived from these.
DAY_PART_HOURS: dict[DayPart, tuple[time, time]] = {
    DayPart.OCHTEND: (time(7, 30), time(13, 0)),
    DayPart.MIDDAG: (time(13, 0), time(18, 0)),
    DayPart.VSO: (time(7, 0), time(8, 30)),
    DayPart.NSO: (time(14, 0), time(18, 30)),
    DayPart.VAKANTIE: (time(7, 30), time(18, 30)),
}

# The longest range one agenda request may expand; keeps a single response bounded.
MAX_RANGE_DAYS = 400
# Staff and managers ask for one group at a time, at most a week of it.
STAFF_MAX_RANGE_DAYS = 7


@dataclass(frozen=True)
class PlannedDayPart:
    """One day-part of care a child's contract plans on one date."""

    day: date
    child_id: int
    day_part: DayPart
    contract_id: int
    group_id: int

    @property
    def starts(self) -> time:
        return DAY_PART_HOURS[self.day_part][0]

    @property
    def ends(self) -> time:
        return DAY_PART_HOURS[self.day_part][1]


def closed_days(closing_days: Iterable[ClosingDay], location_id: int) -> set[date]:
    """The days a location is closed: its own closing days and the organisation-wide ones."""
    return {c.day for c in closing_days if c.location_id in (None, location_id)}


def school_holiday_days(holidays: Iterable[SchoolHoliday], first: date, last: date) -> set[date]:
    """The dates between `first` and `last` that fall in a school holiday."""
    days: set[date] = set()
    for holiday in holidays:
        day = max(first, holiday.first_day)
        while day <= min(last, holiday.last_day):
            days.add(day)
            day += timedelta(days=1)
    return days


def parts_on_day(pattern: Iterable[DayPart], school_holiday: bool,
                 weeks_per_year: int) -> list[DayPart]:
    """Which of a weekday's contracted day-parts apply on one date.

    In school weeks: everything but vakantieopvang. In a school holiday: nothing for a 40-week
    contract (that is what its 12 missing weeks are); otherwise no before/after-school care
    (there is no school) but the contract's vakantieopvang and any KDV day-parts."""
    if not school_holiday:
        return [p for p in pattern if p is not DayPart.VAKANTIE]
    if weeks_per_year == 40:
        return []
    return [p for p in pattern if p not in (DayPart.VSO, DayPart.NSO)]


def expand_contract(contract: Contract, first: date, last: date,
                    closed: set[date], holidays: set[date] | None = None) -> list[PlannedDayPart]:
    """The day-parts `contract` plans between `first` and `last` (inclusive), skipping
    `closed` days and days outside the contract's start and end; `holidays` are the school
    holiday dates (see `parts_on_day`)."""
    holidays = holidays or set()
    start = max(first, contract.start_date)
    end = last if contract.end_date is None else min(last, contract.end_date)
    by_weekday: dict[int, list[DayPart]] = {}
    for pattern in contract.days:
        by_weekday.setdefault(pattern.weekday, []).append(pattern.day_part)
    planned: list[PlannedDayPart] = []
    day = start
    while day <= end:
        if day not in closed:
            parts = parts_on_day(by_weekday.get(day.weekday(), ()), day in holidays,
                                 contract.weeks_per_year)
            for part in parts:
                planned.append(PlannedDayPart(day, contract.child_id, part, contract.id,
                                              contract.group_id))
        day += timedelta(days=1)
    return planned


def expand_planning(contracts: Iterable[Contract], closing_days: Iterable[ClosingDay],
                    first: date, last: date,
                    school_holidays: Iterable[SchoolHoliday] = ()) -> list[PlannedDayPart]:
    """All planned day-parts of `contracts` in the range, sorted by day, child, day-part.

    Every contract must have its group (with `location_id`) and days loaded."""
    closing = list(closing_days)
    holidays = school_holiday_days(school_holidays, first, last)
    planned: list[PlannedDayPart] = []
    for contract in contracts:
        closed = closed_days(closing, contract.group.location_id)
        planned.extend(expand_contract(contract, first, last, closed, holidays))
    order = list(DayPart)
    return sorted(planned, key=lambda p: (p.day, p.child_id, order.index(p.day_part)))
