"""Whose children and groups the caller may see or act for, in the agenda, the absences and
the extra days: the access rules in one place (docs/api.md, "Agenda" and "Extra days")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db import hold_rows
from server.models import CareGroup, Child, Contract, Role, User, manager_location, staff_group
from server.problems import Problem


async def visible_child_ids(db: AsyncSession, user: User) -> set[int]:
    """Children the caller may see: a parent their family's, staff their groups', a manager
    those in their locations' groups."""
    if user.role.is_parent:
        query = select(Child.id).where(Child.family_id == user.family_id)
    elif user.role is Role.STAFF:
        query = select(Contract.child_id).join(
            staff_group, staff_group.c.group_id == Contract.group_id
        ).where(staff_group.c.user_id == user.id)
    else:
        query = select(Contract.child_id).join(
            CareGroup, CareGroup.id == Contract.group_id
        ).join(manager_location, manager_location.c.location_id == CareGroup.location_id
               ).where(manager_location.c.user_id == user.id)
    return set((await db.scalars(query)).all())


async def decidable_group_ids(db: AsyncSession, user: User) -> set[int]:
    """Groups whose requests the caller decides: staff their own, a manager their
    locations'; parents none."""
    if user.role is Role.STAFF:
        query = select(staff_group.c.group_id).where(staff_group.c.user_id == user.id)
    elif user.role is Role.MANAGER:
        query = select(CareGroup.id).join(
            manager_location, manager_location.c.location_id == CareGroup.location_id
        ).where(manager_location.c.user_id == user.id)
    else:
        return set()
    return set((await db.scalars(query)).all())


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
