"""The demo organisation's finance: tariffs, payment details and the invoices of past months."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.dates import add_months
from server.demo import data
from server.finance.invoicing import generate_invoices
from server.finance.publication import request_publication
from server.models import (
    Child,
    Contract,
    Family,
    FamilyBilling,
    Invoice,
    InvoiceStatus,
    PaymentMethod,
    Tariff,
)

# How far back the demo bills: two full years, so there are jaaropgaven to look at.
BILLED_MONTHS = 26


async def add_demo_finance(db: AsyncSession, organisation_id: int, today: date) -> int:
    """Tariffs, direct debit for most families, and invoices up to this month; the ones
    whose due date has passed are paid. Returns the number of invoices made."""
    for year, rates in data.TARIFFS.items():
        for care_type, cents in rates.items():
            db.add(Tariff(organisation_id=organisation_id, year=year, care_type=care_type,
                          hourly_rate_cents=cents))
    families = list(await db.scalars(select(Family).where(
        Family.organisation_id == organisation_id).order_by(Family.id)))
    for family in families:
        # Every third family pays by transfer; the others gave a SEPA mandate.
        if family.id % 3 == 0:
            db.add(FamilyBilling(family_id=family.id, payment_method=PaymentMethod.TRANSFER))
        else:
            db.add(FamilyBilling(family_id=family.id, payment_method=PaymentMethod.DIRECT_DEBIT,
                                 iban=f"NL{20 + family.id % 70:02d}RABO0{3000000 + family.id:09d}",
                                 mandate_reference=f"ZB-{family.id:06d}",
                                 mandate_signed_on=date(2024, 1, 1)))
    await db.flush()
    earliest = await db.scalar(select(func.min(Contract.start_date)).join(Child).join(Family)
                               .where(Family.organisation_id == organisation_id))
    if earliest is None:
        return 0
    month = max(earliest.replace(day=1), add_months(today.replace(day=1), -BILLED_MONTHS))
    now = datetime.combine(today, time(6), tzinfo=UTC)
    made = 0
    while month <= today:
        made += len(await generate_invoices(db, organisation_id, month.year, month.month, now))
        month = add_months(month, 1)
    for invoice in await db.scalars(select(Invoice).where(Invoice.due_date < today)):
        invoice.status, invoice.paid_on = InvoiceStatus.PAID, invoice.due_date
    # Every family's documents (contracts too) are made by the server's publisher once it runs.
    await request_publication(db, [family.id for family in families], now)
    return made

