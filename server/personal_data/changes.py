"""Change requests: a parent proposes, the location manager decides (docs/api.md,
"Personal data"). Who may do what:

- Both parents propose for their family (an address for either parent, a child's medical data
  and contacts); only the primary parent the bank account. One pending request per field and
  subject: a second is `change_already_pending`, and the partial unique index holds that
  against two requests at the same moment.
- The requester's family withdraws a pending request; the manager of a location where one of
  the family's children has a running contract approves (the value is applied) or rejects it
  with a reason. Staff never decide and see none.
- Every proposal, withdrawal and decision is in the audit log, an IBAN masked.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import record_change
from server.agenda.access import visible_child_ids
from server.models import (
    ChangeField,
    ChangeRequest,
    ChangeStatus,
    Child,
    Family,
    Role,
    User,
)
from server.personal_data import values
from server.problems import Problem


async def family_of_subject(db: AsyncSession, user: User, field: ChangeField,
                            subject_id: int) -> str:
    """The subject's name, when it belongs to the caller's family; else `not_found`."""
    if field is ChangeField.BANK:
        if user.role is not Role.PRIMARY_PARENT:
            raise Problem("forbidden")
        return "bank"
    if field is ChangeField.ADDRESS:
        parent = await db.get(User, subject_id)
        if parent is None or parent.family_id != user.family_id:
            raise Problem("not_found")
        return parent.name
    child = await db.get(Child, subject_id)
    if child is None or child.family_id != user.family_id:
        raise Problem("not_found")
    return f"{child.first_name} {child.last_name}"


async def propose(db: AsyncSession, user: User, field: ChangeField, subject_id: int,
                  raw: dict[str, Any], now: datetime) -> ChangeRequest:
    if not user.role.is_parent or user.family_id is None:
        raise Problem("forbidden")
    if field is ChangeField.BANK:
        subject_id = 0
    await family_of_subject(db, user, field, subject_id)
    new = values.checked(field, raw)
    if await _pending(db, user.family_id, field, subject_id) is not None:
        raise Problem("change_already_pending")
    old = await values.current(db, field, user.family_id, subject_id)
    request = ChangeRequest(family_id=user.family_id, field=field, subject_id=subject_id,
                            old_value=json.dumps(old), new_value=json.dumps(new),
                            status=ChangeStatus.PENDING, requested_by=user.id, created_at=now)
    db.add(request)
    try:
        await db.flush()
    except IntegrityError as exc:  # another request for the same field won the race
        raise Problem("change_already_pending") from exc
    _audit(db, now, user, "change_requested", request, old, new)
    await db.commit()
    return request


async def _pending(db: AsyncSession, family_id: int, field: ChangeField,
                   subject_id: int) -> ChangeRequest | None:
    return await db.scalar(select(ChangeRequest).where(
        ChangeRequest.family_id == family_id, ChangeRequest.field == field,
        ChangeRequest.subject_id == subject_id, ChangeRequest.status == ChangeStatus.PENDING))


def _audit(db: AsyncSession, now: datetime, actor: User, action: str,
           request: ChangeRequest, old: dict[str, Any] | None = None,
           new: dict[str, Any] | None = None) -> None:
    record_change(
        db, now, actor, action, family_id=request.family_id,
        field=f"{request.field.value}:{request.subject_id}",
        old=json.dumps(values.shown(request.field, old)) if old is not None else None,
        new=json.dumps(values.shown(request.field, new)) if new is not None else None)


async def managed_family_ids(db: AsyncSession, user: User, today: Any) -> set[int]:
    """The families a manager decides for: those with a child they see (docs/api.md,
    "Who sees what")."""
    children = await visible_child_ids(db, user, today)
    if not children:
        return set()
    return set((await db.scalars(select(Child.family_id).where(Child.id.in_(children)))).all())


async def request_for(db: AsyncSession, user: User, request_id: int, today: Any,
                      *, deciding: bool) -> ChangeRequest:
    """The request, when the caller may act on it (`deciding`: the manager; else the family);
    `not_found` otherwise (no existence leak), `forbidden` for the wrong role."""
    if deciding and user.role is not Role.MANAGER:
        raise Problem("forbidden")
    if not deciding and not user.role.is_parent:
        raise Problem("forbidden")
    request = await db.get(ChangeRequest, request_id, with_for_update=True)
    if request is None:
        raise Problem("not_found")
    allowed = (request.family_id in await managed_family_ids(db, user, today) if deciding
               else request.family_id == user.family_id)
    if not allowed:
        raise Problem("not_found")
    if request.status is not ChangeStatus.PENDING:
        raise Problem("change_not_pending", request_status=request.status.value)
    return request


async def withdraw(db: AsyncSession, user: User, request_id: int, now: datetime,
                   today: Any) -> ChangeRequest:
    request = await request_for(db, user, request_id, today, deciding=False)
    request.status = ChangeStatus.WITHDRAWN
    request.decided_at = now
    _audit(db, now, user, "change_withdrawn", request)
    await db.commit()
    return request


async def decide(db: AsyncSession, user: User, request_id: int, now: datetime, today: Any,
                 *, reason: str | None) -> ChangeRequest:
    """Approve (`reason` None: the value is applied) or reject with `reason`."""
    request = await request_for(db, user, request_id, today, deciding=True)
    request.decided_by = user.id
    request.decided_at = now
    if reason is None:
        new = json.loads(request.new_value)
        await values.apply(db, request.field, request.family_id, request.subject_id, new,
                           today)
        request.status = ChangeStatus.APPROVED
        _audit(db, now, user, "change_approved", request,
               json.loads(request.old_value), new)
    else:
        request.status = ChangeStatus.REJECTED
        request.decision_reason = reason
        _audit(db, now, user, "change_rejected", request)
    await db.commit()
    return request


async def names(db: AsyncSession, requests: list[ChangeRequest]) -> dict[str, dict[int, str]]:
    """The names an answer shows: users, children and families of `requests`."""
    user_ids = {r.requested_by for r in requests} | {r.decided_by for r in requests
                                                     if r.decided_by} | {
        r.subject_id for r in requests if r.field is ChangeField.ADDRESS}
    child_ids = {r.subject_id for r in requests
                 if r.field not in (ChangeField.ADDRESS, ChangeField.BANK)}
    family_ids = {r.family_id for r in requests}
    users = {i: n for i, n in (await db.execute(select(User.id, User.name).where(
        User.id.in_(user_ids)))).all()} if user_ids else {}
    children = {i: f"{a} {b}" for i, a, b in (await db.execute(select(
        Child.id, Child.first_name, Child.last_name).where(Child.id.in_(child_ids)))).all()
    } if child_ids else {}
    families = {i: n for i, n in (await db.execute(select(Family.id, Family.name).where(
        Family.id.in_(family_ids)))).all()} if family_ids else {}
    return {"users": users, "children": children, "families": families}
