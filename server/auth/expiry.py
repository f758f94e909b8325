"""When a family's access ends: a policy number of months after its last contract ended."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.dates import add_months
from server.models import Child, Contract, User
from server.policy import organisation_policy
from server.problems import Problem


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
    return access_until_from(end_dates, retention_months)


def access_until_from(end_dates: Iterable[date | None], retention_months: int) -> date | None:
    """`access_until` from the end dates of every contract of the family (None: open-ended)."""
    end_dates = list(end_dates)
    if not end_dates or any(end is None for end in end_dates):
        return None
    return add_months(max(end for end in end_dates if end is not None), retention_months)


def is_expired(until: date | None, today: date) -> bool:
    return until is not None and today > until


async def check_not_expired(db: AsyncSession, user: User, now: datetime) -> None:
    """Raise `account_expired` once the user's access has ended. Checked at login, refresh and
    reset, and by the finance endpoints on every call: an access token must not outlive the
    family's retention period."""
    policy = await organisation_policy(db, user.organisation_id)
    until = await access_until(db, user, policy.account_retention_months)
    if is_expired(until, now.astimezone(AMSTERDAM).date()):
        assert until is not None
        raise Problem("account_expired", access_ended_on=until.isoformat())
