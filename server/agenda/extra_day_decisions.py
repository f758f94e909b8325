"""Staff and managers decide extra-day requests, with the group's capacity in view."""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel, ConfigDict, computed_field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.agenda.absences import active_absences, planned_day_parts
from server.agenda.access import staff_contracts
from server.agenda.credit_ledger import release_credit
from server.agenda.extra_days import ensure_pending
from server.config import Settings
from server.db import hold_rows
from server.models import (
    Contract,
    DayPart,
    ExtraDayItem,
    ExtraDayRequest,
    ExtraDayStatus,
    GroupCapacity,
    User,
)
from server.problems import Problem


class CapacityDay(BaseModel):
    """Places of the group on one requested day-part: `free` may be 0 (full) or less
    (over-booked, e.g. after a capacity change). `asked_for` counts the other pending
    requests for that day-part in the group: they compete for the same free places."""

    model_config = ConfigDict(frozen=True)

    date: date
    day_part: DayPart
    capacity: int
    occupied: int
    asked_for: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def free(self) -> int:
        return self.capacity - self.occupied


async def _item_groups(db: AsyncSession, request: ExtraDayRequest) -> dict[int, int]:
    """item id -> group id (the group of the contract each item falls under)."""
    contract_ids = {item.contract_id for item in request.items}
    groups = dict((await db.execute(select(Contract.id, Contract.group_id).where(
        Contract.id.in_(contract_ids)))).all())
    return {item.id: groups[item.contract_id] for item in request.items}


async def decidable_request(db: AsyncSession, user: User, request_id: int, today: date, *,
                            lock: bool = False) -> ExtraDayRequest:
    """A request with a day-part under a contract the caller sees (`staff_contracts`: in
    their groups, not ended). Parents may not decide (`forbidden`); any other request is
    `not_found`. `lock`: see `family_request`."""
    if user.role.is_parent:
        raise Problem("forbidden")
    query = (select(ExtraDayRequest).where(ExtraDayRequest.id == request_id)
             .options(selectinload(ExtraDayRequest.items)))
    if lock:
        await hold_rows(db, ExtraDayRequest, [request_id])
        query = query.execution_options(populate_existing=True)
    request = await db.scalar(query)
    if request is None:
        raise Problem("not_found")
    seen = set((await db.scalars(staff_contracts(user, today).where(
        Contract.id.in_({item.contract_id for item in request.items})))).all())
    if not seen:
        raise Problem("not_found")
    return request


async def request_capacity(db: AsyncSession, user: User,
                           request: ExtraDayRequest) -> list[CapacityDay]:
    """For every item: the group's places on that day-part, how many are taken (planned
    children minus active absences plus approved extra days) and how many more are asked
    for by the group's other pending requests."""
    item_groups = await _item_groups(db, request)
    group_ids = set(item_groups.values())
    first, last = request.first_date, request.last_date
    child_ids = list((await db.scalars(select(Contract.child_id).where(
        Contract.group_id.in_(group_ids)).distinct())).all())
    planned = [p for p in await planned_day_parts(db, user.organisation_id, child_ids,
                                                  first, last) if p.group_id in group_ids]
    absent = {(a.child_id, a.day, a.day_part)
              for a in await active_absences(db, child_ids, first, last)}
    taken: Counter[tuple[int, date, DayPart]] = Counter(
        (p.group_id, p.day, p.day_part) for p in planned
        if (p.child_id, p.day, p.day_part) not in absent)
    extra = (await db.execute(
        select(Contract.group_id, ExtraDayItem.date, ExtraDayItem.day_part,
               ExtraDayRequest.status, ExtraDayRequest.id)
        .join(ExtraDayItem, ExtraDayItem.contract_id == Contract.id)
        .join(ExtraDayRequest, ExtraDayRequest.id == ExtraDayItem.request_id)
        .where(ExtraDayRequest.status.in_((ExtraDayStatus.APPROVED, ExtraDayStatus.PENDING)),
               Contract.group_id.in_(group_ids), ExtraDayItem.date.between(first, last))
    )).all()
    taken.update((group_id, day, part) for group_id, day, part, status, _ in extra
                 if status is ExtraDayStatus.APPROVED)
    asked: Counter[tuple[int, date, DayPart]] = Counter(
        (group_id, day, part) for group_id, day, part, status, request_id in extra
        if status is ExtraDayStatus.PENDING and request_id != request.id)
    places = {(c.group_id, c.day_part): c.places for c in (await db.scalars(
        select(GroupCapacity).where(GroupCapacity.group_id.in_(group_ids)))).all()}
    return [CapacityDay(date=item.date, day_part=item.day_part,
                        capacity=places.get((item_groups[item.id], item.day_part), 0),
                        occupied=taken[(item_groups[item.id], item.date, item.day_part)],
                        asked_for=asked[(item_groups[item.id], item.date, item.day_part)])
            for item in request.items]


async def approve_extra_day(db: AsyncSession, settings: Settings, user: User,
                            request_id: int, *, only: set[tuple[date, DayPart]] | None = None,
                            reason: str | None = None) -> ExtraDayRequest:
    """Approve when every requested day-part has a free place in its group. With ``only``
    (a partial approval) just those day-parts: the others are split off into a rejected
    request of their own with ``reason`` (docs/api.md, "Partial approval")."""
    request = await decidable_request(db, user, request_id, settings.today(), lock=True)
    ensure_pending(request)
    if only is not None:
        await _split_off_the_rest(db, settings, user, request, only, reason)
    # Two approvals for the same group at once must not both take the last place: hold the
    # group's capacity rows on PostgreSQL. (SQLite refuses a writer whose snapshot is stale,
    # so there the second approval fails rather than over-books.)
    groups = set((await _item_groups(db, request)).values())
    await db.execute(select(GroupCapacity).where(GroupCapacity.group_id.in_(groups))
                     .with_for_update())
    full = sorted({day.date.isoformat()
                   for day in await request_capacity(db, user, request) if day.free <= 0})
    if full:
        raise Problem("extra_day_capacity_full", dates=full)
    request.status = ExtraDayStatus.APPROVED
    request.decided_by_id = user.id
    request.decided_at = settings.now()
    await db.commit()
    return request


async def _split_off_the_rest(db: AsyncSession, settings: Settings, user: User,
                              request: ExtraDayRequest, only: set[tuple[date, DayPart]],
                              reason: str | None) -> None:
    """Move the day-parts not in ``only`` to a new request, rejected with ``reason`` and its
    credit released; ``request`` keeps the approved ones. Two requests, each decided as a
    whole, so every rule that reads a request's status (capacity, invoicing, the agenda,
    "already requested") holds per day-part without knowing about partial approvals."""
    known = {(item.date, item.day_part) for item in request.items}
    if not only <= known:
        raise Problem("validation_error", errors=[{
            "field": "items", "message": "a day-part that is not part of this request"}])
    rest = [item for item in request.items if (item.date, item.day_part) not in only]
    if not rest:
        return  # every day-part chosen: a plain approval
    if reason is None:
        raise Problem("validation_error", errors=[{
            "field": "reason", "message": "a reason is needed for the day-parts not approved"}])
    now = settings.now()
    kept = [item for item in request.items if (item.date, item.day_part) in only]
    rejected = ExtraDayRequest(
        child_id=request.child_id, first_date=min(i.date for i in rest),
        last_date=max(i.date for i in rest), day_part=_one_day_part(rest, request.day_part),
        payment=request.payment, note=request.note, status=ExtraDayStatus.REJECTED,
        submitted_by_id=request.submitted_by_id, submitted_at=request.submitted_at,
        decided_by_id=user.id, decided_at=now, decision_reason=reason)
    rejected.items = rest  # moves the rows: their credit uses and costs go along
    db.add(rejected)
    request.items = kept
    request.first_date = min(i.date for i in kept)
    request.last_date = max(i.date for i in kept)
    request.day_part = _one_day_part(kept, request.day_part)
    request.decision_reason = reason
    await db.flush()
    await release_credit(db, [item.id for item in rest], now)


def _one_day_part(items: list[ExtraDayItem], asked: DayPart | None) -> DayPart | None:
    # "Hele dag" (None) of which only the morning stays is a morning request now.
    parts = {item.day_part for item in items}
    return next(iter(parts)) if len(parts) == 1 else asked


async def reject_extra_day(db: AsyncSession, settings: Settings, user: User, request_id: int,
                           reason: str) -> ExtraDayRequest:
    """Reject with a reason the parent reads; reserved credit is released."""
    request = await decidable_request(db, user, request_id, settings.today(), lock=True)
    ensure_pending(request)
    now = settings.now()
    request.status = ExtraDayStatus.REJECTED
    request.decided_by_id = user.id
    request.decided_at = now
    request.decision_reason = reason
    await release_credit(db, [item.id for item in request.items], now)
    await db.commit()
    return request
