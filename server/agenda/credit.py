"""The rules of absence credit and cancelling an absence, free of the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from server.agenda.planning import DAY_PART_HOURS
from server.config import AMSTERDAM
from server.dates import add_months
from server.models.enums import DayPart


def care_starts_at(day: date, part: DayPart) -> datetime:
    """When care of that day-part begins, as an aware Dutch time."""
    return datetime.combine(day, DAY_PART_HOURS[part][0], tzinfo=AMSTERDAM)


def day_part_minutes(part: DayPart) -> int:
    start, end = DAY_PART_HOURS[part]
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def earns_credit(day: date, part: DayPart, reported_at: datetime, notice_hours: int) -> bool:
    """An absence reported at least `notice_hours` before care starts earns credit."""
    return care_starts_at(day, part) - reported_at >= timedelta(hours=notice_hours)


def credit_expires_on(day: date, valid_months: int) -> date:
    """Last day the credit can be used: end of the absence's calendar year (policy 0) or
    `valid_months` after the absence day."""
    if valid_months <= 0:
        return date(day.year, 12, 31)
    return add_months(day, valid_months)


def may_cancel(day: date, today: date, min_days: int) -> bool:
    """An absence can be cancelled while its date is at least `min_days` away."""
    return (day - today).days >= min_days
