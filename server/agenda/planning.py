"""Expanding contracts (placements) into planned day-parts for a date range."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from server.models import ClosingDay, Placement
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


@dataclass(frozen=True)
class PlannedDayPart:
    """One day-part of care a child's contract plans on one date."""

    day: date
    child_id: int
    day_part: DayPart
    placement_id: int
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


def expand_placement(placement: Placement, first: date, last: date,
                     closed: set[date]) -> list[PlannedDayPart]:
    """The day-parts `placement` plans between `first` and `last` (inclusive), skipping
    `closed` days and days outside the contract's start and end.

    A 40-week contract is expanded like a 52-week one: which weeks it leaves out depends on
    school holidays, which the server does not record yet."""
    start = max(first, placement.start_date)
    end = last if placement.end_date is None else min(last, placement.end_date)
    by_weekday: dict[int, list[DayPart]] = {}
    for pattern in placement.days:
        by_weekday.setdefault(pattern.weekday, []).append(pattern.day_part)
    planned: list[PlannedDayPart] = []
    day = start
    while day <= end:
        if day not in closed:
            for part in by_weekday.get(day.weekday(), ()):
                planned.append(PlannedDayPart(day, placement.child_id, part, placement.id,
                                              placement.group_id))
        day += timedelta(days=1)
    return planned


def expand_planning(placements: Iterable[Placement], closing_days: Iterable[ClosingDay],
                    first: date, last: date) -> list[PlannedDayPart]:
    """All planned day-parts of `placements` in the range, sorted by day, child, day-part.

    Every placement must have its group (with `location_id`) and days loaded."""
    closing = list(closing_days)
    planned: list[PlannedDayPart] = []
    for placement in placements:
        closed = closed_days(closing, placement.group.location_id)
        planned.extend(expand_placement(placement, first, last, closed))
    order = list(DayPart)
    return sorted(planned, key=lambda p: (p.day, p.child_id, order.index(p.day_part)))
