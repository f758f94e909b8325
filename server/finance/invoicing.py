"""The monthly billing run: one invoice per family per month, made once.

Contract care of the month (server.finance.billing) plus the approved extra days of earlier
months that were (partly) not paid from absence credit and were not invoiced yet — normally
those of the previous month; one approved late is picked up by the next run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.finance.billing import contract_care, month_bounds
from server.finance.publication import request_publication
from server.finance.tariffs import RateTable, hourly_rate, rate_table
from server.models import (
    Child,
    Contract,
    ExtraDayItem,
    ExtraDayRequest,
    ExtraDayStatus,
    Family,
    FamilyBilling,
    Invoice,
    InvoiceLine,
    InvoiceLineKind,
    InvoiceStatus,
    PaymentMethod,
)

PAYMENT_TERM_DAYS = 14

DAY_PART_NAMES = {"ochtend": "ochtend", "middag": "middag", "vso": "voorschoolse opvang",
                  "nso": "naschoolse opvang", "vakantie": "vakantieopvang"}


@dataclass
class _Draft:
    lines: list[InvoiceLine] = field(default_factory=list)


async def _contracts(db: AsyncSession, organisation_id: int, first: date,
                     last: date) -> list[Contract]:
    return list(await db.scalars(
        select(Contract).join(Child).join(Family)
        .where(Family.organisation_id == organisation_id, Contract.start_date <= last,
               (Contract.end_date.is_(None)) | (Contract.end_date >= first))
        .options(selectinload(Contract.days), selectinload(Contract.group),
                 selectinload(Contract.child))
        .order_by(Child.family_id, Child.id, Contract.start_date)))


async def _uninvoiced_extra_days(db: AsyncSession, organisation_id: int, before: date
                                 ) -> list[tuple[ExtraDayItem, ExtraDayRequest, Contract]]:
    """Approved extra day-parts before `before` with an amount to invoice, not invoiced yet."""
    rows = await db.execute(
        select(ExtraDayItem, ExtraDayRequest, Contract)
        .join(ExtraDayRequest, ExtraDayItem.request_id == ExtraDayRequest.id)
        .join(Contract, ExtraDayItem.contract_id == Contract.id)
        .join(Child, ExtraDayRequest.child_id == Child.id).join(Family)
        .outerjoin(InvoiceLine, InvoiceLine.extra_day_item_id == ExtraDayItem.id)
        .where(Family.organisation_id == organisation_id,
               ExtraDayRequest.status == ExtraDayStatus.APPROVED,
               ExtraDayItem.invoice_cents > 0, ExtraDayItem.date < before,
               InvoiceLine.id.is_(None))
        .options(selectinload(Contract.group), selectinload(Contract.child))
        .order_by(Child.id, ExtraDayItem.date, ExtraDayItem.day_part))
    return [(item, request, contract) for item, request, contract in rows]


async def _next_sequence(db: AsyncSession, year: int) -> int:
    prefix = f"F{year}-"
    last = await db.scalar(select(func.max(Invoice.number))
                           .where(Invoice.number.like(prefix + "%")))
    return int(last.removeprefix(prefix)) + 1 if last else 1


def _contract_line(contract: Contract, year: int, month: int, rates: RateTable
                   ) -> InvoiceLine | None:
    care = contract_care(year, month, contract.start_date, contract.end_date,
                         contract.care_type, contract.weeks_per_year,
                         [d.day_part for d in contract.days],
                         hourly_rate(rates, year, contract))
    if care is None:
        return None
    return InvoiceLine(
        child_id=contract.child_id, contract_id=contract.id,
        location_id=contract.group.location_id, kind=InvoiceLineKind.CONTRACT,
        care_type=contract.care_type,
        description=(f"{contract.care_type.value} {contract.group.name}, "
                     f"{contract.weeks_per_year} weken"),
        first_date=care.first_date, last_date=care.last_date, minutes=care.minutes,
        hourly_rate_cents=care.hourly_rate_cents, amount_cents=care.amount_cents)


def _extra_day_line(item: ExtraDayItem, request: ExtraDayRequest,
                    contract: Contract) -> InvoiceLine:
    # The invoiced minutes are those not paid from absence credit.
    return InvoiceLine(
        child_id=request.child_id, contract_id=contract.id,
        location_id=contract.group.location_id, kind=InvoiceLineKind.EXTRA_DAY,
        care_type=contract.care_type,
        description=f"Extra opvang, {DAY_PART_NAMES[item.day_part.value]}",
        first_date=item.date, last_date=item.date,
        minutes=item.minutes - item.credit_minutes, hourly_rate_cents=item.hourly_rate_cents,
        amount_cents=item.invoice_cents, extra_day_item_id=item.id)


async def generate_invoices(db: AsyncSession, organisation_id: int, year: int, month: int,
                            now: datetime) -> list[Invoice]:
    """Make the month's invoices for the families that have none for it yet; returns the new
    ones and queues their documents for publishing. Running it again for the same month adds
    nothing. The caller commits."""
    first, last = month_bounds(year, month)
    rates = await rate_table(db, organisation_id)
    done = set(await db.scalars(select(Invoice.family_id).where(
        Invoice.period_year == year, Invoice.period_month == month)))
    drafts: dict[int, _Draft] = defaultdict(_Draft)
    for contract in await _contracts(db, organisation_id, first, last):
        line = _contract_line(contract, year, month, rates)
        if line is not None and contract.child.family_id not in done:
            drafts[contract.child.family_id].lines.append(line)
    for item, request, contract in await _uninvoiced_extra_days(db, organisation_id, first):
        if contract.child.family_id not in done:
            drafts[contract.child.family_id].lines.append(
                _extra_day_line(item, request, contract))
    if not drafts:
        return []
    billing = {b.family_id: b for b in await db.scalars(
        select(FamilyBilling).where(FamilyBilling.family_id.in_(drafts)))}
    sequence = await _next_sequence(db, first.year)
    invoices = []
    for family_id in sorted(drafts):
        lines = sorted(drafts[family_id].lines, key=lambda ln: (
            ln.child_id, ln.kind is InvoiceLineKind.EXTRA_DAY, ln.first_date))
        for position, line in enumerate(lines, 1):
            line.position = position
        method = billing[family_id] if family_id in billing else None
        invoice = Invoice(
            family_id=family_id, number=f"F{first.year}-{sequence:05d}",
            period_year=year, period_month=month, invoice_date=first,
            due_date=first + timedelta(days=PAYMENT_TERM_DAYS),
            payment_method=method.payment_method if method else PaymentMethod.TRANSFER,
            mandate_reference=method.mandate_reference if method else None,
            status=InvoiceStatus.OPEN, paid_on=None,
            total_cents=sum(ln.amount_cents for ln in lines), created_at=now, lines=lines)
        db.add(invoice)
        invoices.append(invoice)
        sequence += 1
    await db.flush()
    # A new invoice is a new document, and its lines change last year's jaaropgave in January.
    await request_publication(db, drafts, now)
    return invoices
