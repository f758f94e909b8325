"""What cancelling an absence does to the extra days its credit pays (docs/api.md, "Absence
credit", cancelling).

The credit of a cancelled absence no longer exists, so no extra day may stay paid from it.
Each extra day-part it pays (pending or approved) is paid again: first from the child's other
usable credit (oldest first, valid on the extra day), the rest moves to the invoice at the
item's own hourly rate. The same plan is shown to the parent before they confirm
(`GET /absences/{id}/cancel-preview`) and applied by the cancel itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.agenda.credit_ledger import CreditDraw, credit_balances, draw_credit
from server.agenda.extra_day_plan import cents_for
from server.models import (
    Absence,
    CreditUse,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    InvoiceLine,
)


@dataclass(frozen=True)
class Repricing:
    """One extra day-part that the withdrawn credit paid (partly), and how it is paid now."""

    item: ExtraDayItem
    request: ExtraDayRequest
    released: list[CreditUse]
    replacement: CreditDraw
    already_invoiced: bool

    @property
    def moved_minutes(self) -> int:
        """Minutes that move from absence credit to the invoice."""
        return sum(use.minutes for use in self.released) - self.replacement.minutes

    @property
    def credit_minutes(self) -> int:
        return self.item.credit_minutes - self.moved_minutes

    @property
    def invoice_cents(self) -> int:
        return cents_for(self.item.minutes - self.credit_minutes, self.item.hourly_rate_cents)


async def plan_repricing(db: AsyncSession, absence: Absence, today: date, *,
                         lock: bool = False) -> list[Repricing]:
    """How the extra days paid from `absence`'s credit are paid once it is withdrawn, one
    entry per extra day-part in date order. `lock` holds the child's credit rows (see
    `credit_balances`)."""
    credit = absence.credit
    if credit is None or credit.withdrawn_at is not None:
        return []
    rows = (await db.execute(
        select(CreditUse, ExtraDayItem, ExtraDayRequest)
        .join(ExtraDayItem, ExtraDayItem.id == CreditUse.item_id)
        .join(ExtraDayRequest, ExtraDayRequest.id == ExtraDayItem.request_id)
        .where(CreditUse.credit_id == credit.id, CreditUse.released_at.is_(None))
        .options(selectinload(ExtraDayItem.credit_uses), selectinload(ExtraDayRequest.items))
        .order_by(ExtraDayItem.date, ExtraDayItem.id, CreditUse.id))).all()
    if not rows:
        return []
    # An item may hold the same credit twice (an earlier cancel moved more of it there).
    uses: dict[int, tuple[ExtraDayItem, ExtraDayRequest, list[CreditUse]]] = {}
    for use, item, request in rows:
        uses.setdefault(item.id, (item, request, []))[2].append(use)
    others = [b for b in (await credit_balances(db, [absence.child_id], today, lock=lock))
              [absence.child_id] if b.credit.id != credit.id]
    invoiced = set((await db.scalars(select(InvoiceLine.extra_day_item_id).where(
        InvoiceLine.extra_day_item_id.in_(list(uses))))).all())
    return [Repricing(item, request, released,
                      draw_credit(others, item.date, sum(u.minutes for u in released)),
                      item.id in invoiced)
            for item, request, released in uses.values()]


def apply_repricing(plan: list[Repricing], now: datetime) -> None:
    """Release the withdrawn credit's uses, reserve the replacement credit and put the rest
    on the items' invoice amounts. A request paid only from credit that now has an invoice
    part says `mixed` (or `invoice` when no credit is left): payment tells how it is paid."""
    for repricing in plan:
        item = repricing.item
        # Both read the item as it was: compute them before changing it.
        item.credit_minutes, item.invoice_cents = (repricing.credit_minutes,
                                                   repricing.invoice_cents)
        for use in repricing.released:
            use.released_at = now
        item.credit_uses.extend(CreditUse(credit_id=credit.id, minutes=minutes)
                                for credit, minutes in repricing.replacement.uses)
    for request in {r.request.id: r.request for r in plan}.values():
        if request.payment is ExtraDayPayment.CREDIT and \
                any(item.invoice_cents > 0 for item in request.items):
            has_credit = any(item.credit_minutes > 0 for item in request.items)
            request.payment = ExtraDayPayment.MIXED if has_credit else ExtraDayPayment.INVOICE


async def blocked_by_invoice(db: AsyncSession, absences: list[Absence],
                             today: date) -> dict[int, date]:
    """absence id -> the date of the invoiced extra day that keeps it from being cancelled
    (see `_plan` in server/agenda/absences.py), for the request overview. One query
    finds the few absences whose credit pays an invoiced extra day; only those are planned."""
    credits = {a.credit.id: a for a in absences
               if a.credit is not None and a.credit.withdrawn_at is None}
    if not credits:
        return {}
    suspects = set((await db.scalars(
        select(CreditUse.credit_id)
        .join(InvoiceLine, InvoiceLine.extra_day_item_id == CreditUse.item_id)
        .where(CreditUse.credit_id.in_(list(credits)), CreditUse.released_at.is_(None))
    )).all())
    blocked = {}
    for credit_id in sorted(suspects):
        absence = credits[credit_id]
        stuck = [r for r in await plan_repricing(db, absence, today)
                 if r.already_invoiced and r.moved_minutes > 0]
        if stuck:
            blocked[absence.id] = stuck[0].item.date
    return blocked
