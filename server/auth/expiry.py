"""When a family's access ends: a policy number of months after its last contract ended."""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import Child, Contract, User


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


async def access_until(db: AsyncSession, user: User, retention_months: int) -> date | None:
    """The last day the user may log in, or None while access does not end.

    Staff and managers never expire. A family with an open-ended contract, or with no
    contracts yet, keeps access; otherwise access lasts until the retention period after the
    last end date (which may still lie in the future).
    """
    if not user.role.is_parent or user.family_id is None:
        return None
    end_dates = (await db.scalars(
        select(Contract.end_date).join(Child).where(Child.family_id == user.family_id)
    )).all()
    if not end_dates or any(end is None for end in end_dates):
        return None
    return add_months(max(end for end in end_dates if end is not None), retention_months)


def is_expired(until: date | None, today: date) -> bool:
    return until is not None and today > until
