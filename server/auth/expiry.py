"""When a family's access ends: a policy number of months after its last contract ended.

The rule is computed in SQL (`care_ended_on`) so the per-request check rides along in the
access-token lookup itself (server/auth/sessions.py) instead of costing queries of its own."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.dates import add_months
from server.models import Child, Contract, User
from server.policy import organisation_policy
from server.problems import Problem


def care_ended_on(family_id: ColumnElement[Any] | int | None) -> Any:
    """The family's last day of care as a scalar subquery: the latest contract end date, or
    NULL while a contract is open-ended or the family has none. `family_id` may be a column
    (`User.family_id`, correlated into the caller's query) or a value. Both lookups it makes
    use an index (child.family_id, contract.child_id)."""
    every_contract_ended = func.count(Contract.id) == func.count(Contract.end_date)
    return (select(case((every_contract_ended, func.max(Contract.end_date)), else_=None))
            .join(Child, Child.id == Contract.child_id)
            .where(Child.family_id == family_id)
            # Never borrow the caller's child or contract rows (GET /me joins both).
            .correlate_except(Contract, Child)
            .scalar_subquery())


def access_until_after(ended_on: date | None, retention_months: int) -> date | None:
    """The last day of access after care ended on `ended_on` (None: care has not ended)."""
    return None if ended_on is None else add_months(ended_on, retention_months)


async def access_until(db: AsyncSession, user: User, retention_months: int) -> date | None:
    """The last day the user may log in, or None while access does not end.

    Staff and managers never expire. A family with an open-ended contract, or with no
    contracts yet, keeps access; otherwise access lasts until the retention period after the
    last end date (which may still lie in the future).
    """
    if not user.role.is_parent or user.family_id is None:
        return None
    ended_on = await db.scalar(select(care_ended_on(user.family_id)))
    return access_until_after(ended_on, retention_months)


def is_expired(until: date | None, today: date) -> bool:
    return until is not None and today > until


def raise_if_expired(until: date | None, now: datetime) -> None:
    """`account_expired` (with the last day of access) once `until` lies before today in
    the Netherlands."""
    if is_expired(until, now.astimezone(AMSTERDAM).date()):
        assert until is not None
        raise Problem("account_expired", access_ended_on=until.isoformat())


async def check_not_expired(db: AsyncSession, user: User, now: datetime) -> None:
    """Raise `account_expired` once the user's access has ended: at login, refresh and
    reset. Every authenticated request checks the same in its token lookup."""
    policy = await organisation_policy(db, user.organisation_id)
    raise_if_expired(await access_until(db, user, policy.account_retention_months), now)
