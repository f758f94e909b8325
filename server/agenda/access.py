"""Whose children and groups the caller may see or act for, in the agenda, the absences and
the extra days: the access rules in one place (docs/api.md, "Agenda" and "Extra days").

Staff and managers see a child through its contracts in their groups, and only while such a
contract has not ended: a child who left the group drops out of its staff's view the day
after its contract's end date, and a child who joins later is there from its new contract
on. Within a visible child they see the days of those contracts only (`staff_contracts`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import hold_rows
from server.models import CareGroup, Child, Contract, Role, User, manager_location, staff_group
from server.problems import Problem


def _group_ids(user: User) -> Select[Any] | None:
    """The caller's groups: staff their own, a manager their locations'; parents none."""
    if user.role is Role.STAFF:
        return select(staff_group.c.group_id).where(staff_group.c.user_id == user.id)
    if user.role is Role.MANAGER:
        return select(CareGroup.id).join(
            manager_location, manager_location.c.location_id == CareGroup.location_id
        ).where(manager_location.c.user_id == user.id)
    return None


async def own_group_ids(db: AsyncSession, user: User) -> set[int]:
    """The groups of staff or a manager (`_group_ids`); empty for parents."""
    groups = _group_ids(user)
    return set() if groups is None else set((await db.scalars(groups)).all())


def staff_contracts(user: User, today: date) -> Select[Any]:
    """Ids of the contracts through which staff or a manager see children: those in the
    caller's groups that have not ended before `today` (future ones included)."""
    groups = _group_ids(user)
    if groups is None:
        return select(Contract.id).where(Contract.id.is_(None))
    return select(Contract.id).where(
        Contract.group_id.in_(groups),
        or_(Contract.end_date.is_(None), Contract.end_date >= today))


async def visible_child_ids(db: AsyncSession, user: User, today: date) -> set[int]:
    """Children the caller may see: a parent their family's, staff and managers those with a
    contract in their groups that has not ended (`staff_contracts`)."""
    if user.role.is_parent:
        query = select(Child.id).where(Child.family_id == user.family_id)
    else:
        query = select(Contract.child_id).where(Contract.id.in_(staff_contracts(user, today)))
    return set((await db.scalars(query)).all())


def covers(contracts: list[Contract], child_id: int, day: date) -> bool:
    """Whether one of `contracts` places the child on `day`."""
    return any(c.child_id == child_id and c.start_date <= day
               and (c.end_date is None or c.end_date >= day) for c in contracts)


async def family_children(db: AsyncSession, user: User, child_ids: list[int], *,
                          lock: bool = False) -> list[Child]:
    """The chosen children, all of the caller's family, or `forbidden` (parents only).

    `lock` holds the children's rows until commit (`hold_rows`): a submission that checks
    "not reported / requested yet" and then stores must not run next to another one for the
    same child — two parents on two devices would otherwise both pass the check."""
    if not user.role.is_parent:
        raise Problem("forbidden")
    if lock:
        await hold_rows(db, Child, child_ids)
    children = list((await db.scalars(
        select(Child).where(Child.id.in_(child_ids), Child.family_id == user.family_id)
        .order_by(Child.id))).all())
    if len(children) != len(set(child_ids)):
        raise Problem("forbidden")
    return children
