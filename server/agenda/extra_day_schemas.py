"""Request and response bodies of the credit and extra-day endpoints (docs/api.md), and how a
stored request is shown: `request_names` looks up every name a list of them needs at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, Field, model_validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.extra_day_decisions import CapacityDay
from server.agenda.planning import DAY_PART_HOURS
from server.agenda.schemas import ChildDaysIn, ChildId
from server.config import AMSTERDAM
from server.models import (
    CareGroup,
    Child,
    Contract,
    DayPart,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
    User,
)
from server.validation import FreeText


class CreditOut(BaseModel):
    id: int
    earned_on: date
    expires_on: date
    minutes: int
    available_minutes: int


class ChildCreditOut(BaseModel):
    child_id: int
    available_minutes: int
    credits: list[CreditOut]


class CreditBalanceOut(BaseModel):
    """Usable absence credit per child of the family, oldest credit first."""

    children: list[ChildCreditOut]


class ExtraDayIn(ChildDaysIn):
    """Children extra on these days; `day_part` null is hele dag (ochtend + middag, KDV).
    `day_parts` gives a child its own day-part (a KDV child hele dag, a BSO child nso in one
    request); a child it does not name gets `day_part`."""

    payment: ExtraDayPayment
    day_parts: dict[ChildId, DayPart | None] = Field(
        default_factory=dict, max_length=20,
        description="child id -> that child's day-part (null: hele dag)")

    @model_validator(mode="after")
    def _day_parts_name_chosen_children(self) -> ExtraDayIn:
        if not set(self.day_parts) <= set(self.child_ids):
            raise ValueError("day_parts names a child that is not in child_ids")
        return self

    def day_part_of_each(self) -> dict[int, DayPart | None]:
        return {child: self.day_parts.get(child, self.day_part) for child in self.child_ids}


class ItemOut(BaseModel):
    """One extra day-part and its cost: `invoice_cents` is billed after the month of care."""

    child_id: int
    date: date
    day_part: DayPart
    start: str
    end: str
    minutes: int
    hourly_rate_cents: int
    credit_minutes: int
    invoice_cents: int


class SkippedOut(BaseModel):
    child_id: int
    date: date
    day_part: DayPart | None
    reason: str = Field(description="weekend | closing_day | not_offered | already_planned | "
                                    "already_requested")


class PreviewOut(BaseModel):
    """What a submission would store now; nothing is stored."""

    items: list[ItemOut]
    skipped: list[SkippedOut]
    total_minutes: int
    credit_minutes: int
    invoice_cents: int
    credit_available_minutes: dict[str, int]
    credit_usable_minutes: dict[str, int] = Field(description=(
        "per child, the credit that can pay for these day-parts (what `mixed` would use): "
        "credit expiring before a requested day cannot pay for it"))


class ExtraDayRequestOut(BaseModel):
    id: int
    child_id: int
    child_name: str
    group_name: str
    first_date: date
    last_date: date
    day_part: DayPart | None
    payment: ExtraDayPayment
    note: str | None
    status: ExtraDayStatus
    items: list[ItemOut]
    credit_minutes: int
    invoice_cents: int
    submitted_by: str
    submitted_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None


class ExtraDayRequestsOut(BaseModel):
    requests: list[ExtraDayRequestOut]


class ExtraDayRequestsPage(ExtraDayRequestsOut):
    """One page of a list of requests (docs/api.md, "Lists and paging")."""

    next_cursor: str | None


class RejectIn(BaseModel):
    reason: FreeText = Field(min_length=1, max_length=500)


class DayPartIn(BaseModel):
    """One requested day-part of the request, named by its date and day-part."""

    date: date
    day_part: DayPart


class ApproveIn(BaseModel):
    """Approve only `items` (a partial approval) and reject the others with `reason`; no body
    (or `items` null) approves every requested day-part."""

    items: list[DayPartIn] | None = Field(None, min_length=1, max_length=62)
    reason: str | None = Field(None, min_length=1, max_length=500)


class CapacityOut(BaseModel):
    days: list[CapacityDay]


def item_out(child_id: int, day: date, part: DayPart, minutes: int, rate: int,
             credit_minutes: int, invoice_cents: int) -> ItemOut:
    start, end = DAY_PART_HOURS[part]
    return ItemOut(child_id=child_id, date=day, day_part=part, start=start.strftime("%H:%M"),
                   end=end.strftime("%H:%M"), minutes=minutes, hourly_rate_cents=rate,
                   credit_minutes=credit_minutes, invoice_cents=invoice_cents)


def stored_item_out(request: ExtraDayRequest, item: ExtraDayItem) -> ItemOut:
    return item_out(request.child_id, item.date, item.day_part, item.minutes,
                    item.hourly_rate_cents, item.credit_minutes, item.invoice_cents)


@dataclass(frozen=True)
class RequestNames:
    """Who the requests are about and who handled them: ids -> full names."""

    users: dict[int, str]
    children: dict[int, str]
    groups: dict[int, str]  # request id -> the name of the group the extra care is in


def request_out(request: ExtraDayRequest, names: RequestNames) -> ExtraDayRequestOut:
    items = [stored_item_out(request, item) for item in request.items]
    users = names.users
    return ExtraDayRequestOut(
        id=request.id, child_id=request.child_id,
        child_name=names.children.get(request.child_id, ""),
        group_name=names.groups.get(request.id, ""), first_date=request.first_date,
        last_date=request.last_date, day_part=request.day_part, payment=request.payment,
        note=request.note, status=request.status, items=items,
        credit_minutes=sum(i.credit_minutes for i in items),
        invoice_cents=sum(i.invoice_cents for i in items),
        submitted_by=users.get(request.submitted_by_id, ""),
        submitted_at=request.submitted_at.astimezone(AMSTERDAM),
        decided_by=users.get(request.decided_by_id) if request.decided_by_id else None,
        decided_at=request.decided_at.astimezone(AMSTERDAM) if request.decided_at else None,
        decision_reason=request.decision_reason)


async def request_names(db: AsyncSession, requests: Iterable[ExtraDayRequest]) -> RequestNames:
    requests = list(requests)
    user_ids = {r.submitted_by_id for r in requests} | {r.decided_by_id for r in requests
                                                        if r.decided_by_id}
    child_ids = {r.child_id for r in requests}
    users = dict((await db.execute(select(User.id, User.name).where(User.id.in_(user_ids))))
                 .all()) if user_ids else {}
    children = {child_id: f"{first} {last}" for child_id, first, last in (await db.execute(
        select(Child.id, Child.first_name, Child.last_name).where(Child.id.in_(child_ids))))
        .all()} if child_ids else {}
    request_ids = [r.id for r in requests]
    groups = dict((await db.execute(
        select(ExtraDayItem.request_id, CareGroup.name)
        .join(Contract, Contract.id == ExtraDayItem.contract_id)
        .join(CareGroup, CareGroup.id == Contract.group_id)
        .where(ExtraDayItem.request_id.in_(request_ids)))).all()) if request_ids else {}
    return RequestNames(users, children, groups)
