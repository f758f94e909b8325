"""Requesting extra days (dag aanvragen): preview, submission and withdrawal by a parent."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.agenda.absences import planned_day_parts, school_holidays
from server.agenda.access import family_children
from server.agenda.credit_ledger import (
    CreditBalance,
    CreditDraw,
    credit_balances,
    draw_credit,
    release_credit,
)
from server.agenda.extra_day_plan import (
    ExtraDayPlan,
    RequestedPart,
    cents_for,
    check_dates,
    plan_extra_days,
)
from server.config import Settings
from server.db import hold_rows
from server.models import (
    Child,
    ClosingDay,
    Contract,
    CreditUse,
    DayPart,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
    User,
)
from server.policy import organisation_policy
from server.problems import Problem

# Statuses that hold a day-part: a second request for it is skipped as already requested.
HOLDING = (ExtraDayStatus.PENDING, ExtraDayStatus.APPROVED)


@dataclass(frozen=True)
class ExtraDayAsk:
    """What the parent asks: these children extra on these days, each child on its own
    day-part (None: hele dag), paid this way."""

    child_ids: list[int]
    first_day: date
    last_day: date
    day_parts: Mapping[int, DayPart | None]
    payment: ExtraDayPayment
    note: str | None


@dataclass(frozen=True)
class PricedPart:
    """A requested day-part with its split between credit and invoice."""

    part: RequestedPart
    draw: CreditDraw

    @property
    def hourly_rate_cents(self) -> int:
        return self.part.contract.hourly_rate_cents

    @property
    def invoice_cents(self) -> int:
        return cents_for(self.part.minutes - self.draw.minutes, self.hourly_rate_cents)


@dataclass(frozen=True)
class ExtraDayQuote:
    """The outcome of the rules and the payment split: what preview shows, submit stores.
    ``usable_minutes`` is, per child, the credit that can pay for these very day-parts (what
    ``mixed`` draws, whatever the chosen payment): credit expiring before a day cannot pay
    for it, so this can be less than ``available_minutes``."""

    priced: list[PricedPart]
    plan: ExtraDayPlan
    available_minutes: dict[int, int]
    usable_minutes: dict[int, int]


async def held_day_parts(db: AsyncSession, child_ids: list[int], first: date,
                         last: date) -> set[tuple[int, date, DayPart]]:
    rows = (await db.execute(
        select(ExtraDayRequest.child_id, ExtraDayItem.date, ExtraDayItem.day_part)
        .join(ExtraDayItem, ExtraDayItem.request_id == ExtraDayRequest.id)
        .where(ExtraDayRequest.child_id.in_(child_ids), ExtraDayRequest.status.in_(HOLDING),
               ExtraDayItem.date.between(first, last)))).all()
    return {(child_id, day, part) for child_id, day, part in rows}


def _price(plan: ExtraDayPlan, balances: dict[int, list[CreditBalance]],
           payment: ExtraDayPayment) -> list[PricedPart]:
    priced = []
    for part in plan.parts:
        if payment is ExtraDayPayment.INVOICE:
            draw = CreditDraw()
        else:
            draw = draw_credit(balances[part.child_id], part.day, part.minutes)
        priced.append(PricedPart(part, draw))
    if payment is ExtraDayPayment.CREDIT:
        for child_id in {p.part.child_id for p in priced}:
            own = [p for p in priced if p.part.child_id == child_id]
            needed = sum(p.part.minutes for p in own)
            covered = sum(p.draw.minutes for p in own)
            if covered < needed:
                raise Problem("extra_day_credit_insufficient", available_minutes=covered,
                              needed_minutes=needed)
    return priced


async def quote_extra_days(db: AsyncSession, settings: Settings, user: User, ask: ExtraDayAsk,
                           *, lock: bool = False) -> ExtraDayQuote:
    """Apply every rule of docs/api.md and split the cost; raises the first violation."""
    if not user.role.is_parent:
        raise Problem("forbidden")
    policy = await organisation_policy(db, user.organisation_id)
    today = settings.today()
    check_dates(ask.first_day, ask.last_day, today, policy)
    children = await family_children(db, user, ask.child_ids, lock=lock)
    ids = [c.id for c in children]
    contracts = list((await db.scalars(
        select(Contract).where(Contract.child_id.in_(ids))
        .options(selectinload(Contract.days), selectinload(Contract.group))
        .order_by(Contract.start_date, Contract.id))).all())
    closing = list((await db.scalars(select(ClosingDay).where(
        ClosingDay.organisation_id == user.organisation_id,
        ClosingDay.day.between(ask.first_day, ask.last_day)))).all())
    holidays = await school_holidays(db, user.organisation_id, ask.first_day, ask.last_day)
    planned = await planned_day_parts(db, user.organisation_id, ids, ask.first_day,
                                      ask.last_day)
    held = await held_day_parts(db, ids, ask.first_day, ask.last_day)
    plan = plan_extra_days(children, contracts, closing, holidays, planned, held,
                           ask.first_day, ask.last_day, ask.day_parts)
    balances = await credit_balances(db, ids, today, lock=lock)
    available = {child_id: sum(b.available_minutes for b in child_balances)
                 for child_id, child_balances in balances.items()}
    # Drawing lowers the balances in place: the usable figure draws from a copy.
    copies = {child_id: [CreditBalance(b.credit, b.available_minutes) for b in child_balances]
              for child_id, child_balances in balances.items()}
    usable = {child_id: 0 for child_id in ids}
    for priced in _price(plan, copies, ExtraDayPayment.MIXED):
        usable[priced.part.child_id] += priced.draw.minutes
    return ExtraDayQuote(_price(plan, balances, ask.payment), plan, available, usable)


async def submit_extra_days(db: AsyncSession, settings: Settings, user: User,
                            ask: ExtraDayAsk) -> list[ExtraDayRequest]:
    """Store one pending request per child with the quoted items; reserve the credit."""
    quote = await quote_extra_days(db, settings, user, ask, lock=True)
    now = settings.now()
    requests = []
    for child_id in sorted({p.part.child_id for p in quote.priced}):
        request = ExtraDayRequest(
            child_id=child_id, first_date=ask.first_day, last_date=ask.last_day,
            day_part=ask.day_parts[child_id], payment=ask.payment, note=ask.note,
            status=ExtraDayStatus.PENDING, submitted_by_id=user.id, submitted_at=now)
        for priced in (p for p in quote.priced if p.part.child_id == child_id):
            item = ExtraDayItem(
                date=priced.part.day, day_part=priced.part.day_part,
                minutes=priced.part.minutes, hourly_rate_cents=priced.hourly_rate_cents,
                credit_minutes=priced.draw.minutes, invoice_cents=priced.invoice_cents,
                contract_id=priced.part.contract.id)
            item.credit_uses = [CreditUse(credit_id=credit.id, minutes=minutes)
                                for credit, minutes in priced.draw.uses]
            request.items.append(item)
        db.add(request)
        requests.append(request)
    await db.commit()
    return requests


async def family_request(db: AsyncSession, user: User, request_id: int, *,
                         lock: bool = False) -> ExtraDayRequest:
    """A request of the caller's family; another family's is `not_found` (no leak).

    `lock` holds the request's row until commit (PostgreSQL) and reads its status after the
    wait: a parent withdrawing while staff approve must see the decision, not overwrite it."""
    query = (select(ExtraDayRequest).join(Child, Child.id == ExtraDayRequest.child_id)
             .where(ExtraDayRequest.id == request_id, Child.family_id == user.family_id)
             .options(selectinload(ExtraDayRequest.items)))
    if lock:
        await hold_rows(db, ExtraDayRequest, [request_id])
        query = query.execution_options(populate_existing=True)
    request = await db.scalar(query)
    if request is None or not user.role.is_parent:
        raise Problem("not_found")
    return request


def ensure_pending(request: ExtraDayRequest) -> None:
    if request.status is not ExtraDayStatus.PENDING:
        raise Problem("extra_day_not_pending", request_status=request.status.value)


async def withdraw_extra_day(db: AsyncSession, settings: Settings, user: User,
                             request_id: int) -> ExtraDayRequest:
    """The parent takes back a pending request; its credit is free again. Approved extra
    care is final (the place is taken and staff planned it)."""
    request = await family_request(db, user, request_id, lock=True)
    if request.status is ExtraDayStatus.APPROVED:
        raise Problem("extra_day_approved_final")
    ensure_pending(request)
    request.status = ExtraDayStatus.WITHDRAWN
    await release_credit(db, [item.id for item in request.items], settings.now())
    await db.commit()
    return request
