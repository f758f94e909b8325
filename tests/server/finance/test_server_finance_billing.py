"""The billing table: contract care per month (52/40 weeks, BSO holiday weeks, mid-month start
and end, half-up cents), the tariff change at the new year, and extra days of the previous
month (credit only: not invoiced; on invoice or mixed: invoiced once, the month after)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.finance.billing import contract_care, yearly_minutes
from server.finance.invoicing import generate_invoices
from server.models import (
    CareType,
    Child,
    Contract,
    DayPart,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
    Family,
    Invoice,
    InvoiceLine,
    InvoiceLineKind,
    User,
)

WHOLE_DAYS_MON_TUE_THU = [DayPart.OCHTEND, DayPart.MIDDAG] * 3  # 3 × (330 + 300) minutes
NOW = datetime(2026, 3, 1, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("weeks", "start", "end", "first", "last", "minutes", "cents"),
    [
        # 1890 min/week × 52 / 12 = 8190 min = 136.5 h × € 11,49 = € 1.568,385 → half up
        (52, date(2025, 1, 1), None, date(2026, 3, 1), date(2026, 3, 31), 8190, 156839),
        # 1890 × 40 / 12 = 6300 min = 105 h × € 11,49 = € 1.206,45 exactly
        (40, date(2025, 1, 1), None, date(2026, 3, 1), date(2026, 3, 31), 6300, 120645),
        # starts on the 16th: 16 of 31 days; 156838.5 × 16/31 = 80948.90 → 80949
        (52, date(2026, 3, 16), None, date(2026, 3, 16), date(2026, 3, 31), 4227, 80949),
        # ends on the 10th: 10 of 31 days; 156838.5 × 10/31 = 50593.06 → 50593
        (52, date(2025, 1, 1), date(2026, 3, 10), date(2026, 3, 1), date(2026, 3, 10), 2642,
         50593),
        # starts and ends within February (28 days): the 9th to the 22nd, 14 days, half
        (40, date(2026, 2, 9), date(2026, 2, 22), date(2026, 2, 9), date(2026, 2, 22), 3150,
         60323),
    ],
)
def test_contract_care_of_a_month(weeks: int, start: date, end: date | None, first: date,
                                  last: date, minutes: int, cents: int) -> None:
    care = contract_care(first.year, first.month, start, end, CareType.KDV, weeks,
                         WHOLE_DAYS_MON_TUE_THU, 1149)
    assert care is not None
    assert (care.first_date, care.last_date) == (first, last)
    assert (care.minutes, care.amount_cents) == (minutes, cents)


def test_half_cents_round_up_not_to_even() -> None:
    # one ochtend less: (1890 - 330) × 52 / 12 = 6760 min; × 1009 / 60 = 113680.67 → 113681
    parts = WHOLE_DAYS_MON_TUE_THU[1:]
    assert contract_care(2026, 3, date(2025, 1, 1), None, CareType.KDV, 52, parts,
                         1009).amount_cents == 113681
    # 8190 × 1149 / 60 = 156838.5: banker's rounding would give 156838
    assert contract_care(2026, 3, date(2025, 1, 1), None, CareType.KDV, 52,
                         WHOLE_DAYS_MON_TUE_THU, 1149).amount_cents == 156839


def test_bso_plans_school_weeks_and_holiday_weeks() -> None:
    # NSO 270 × 2 + VSO 90 in 40 school weeks; vakantie 660 × 2 in the other 12 weeks
    parts = [DayPart.NSO, DayPart.NSO, DayPart.VSO, DayPart.VAKANTIE, DayPart.VAKANTIE]
    assert yearly_minutes(CareType.BSO, 52, parts) == 630 * 40 + 1320 * 12
    # a 40-week BSO contract has no holiday care
    assert yearly_minutes(CareType.BSO, 40, parts[:3]) == 630 * 40


def test_a_month_outside_the_contract_has_no_care() -> None:
    assert contract_care(2026, 3, date(2026, 4, 1), None, CareType.KDV, 52,
                         WHOLE_DAYS_MON_TUE_THU, 1149) is None
    assert contract_care(2026, 3, date(2025, 1, 1), date(2026, 2, 28), CareType.KDV, 52,
                         WHOLE_DAYS_MON_TUE_THU, 1149) is None


async def _devries(db: AsyncSession) -> tuple[int, Child, Child]:
    sanne = await db.scalar(select(User).where(User.email == "sanne.devries@voorbeeld.nl"))
    children = list(await db.scalars(select(Child).where(Child.family_id == sanne.family_id)
                                     .order_by(Child.id)))
    return sanne.family_id, children[0], children[1]


async def _invoice(db: AsyncSession, family_id: int, year: int, month: int) -> Invoice:
    invoice = await db.scalar(select(Invoice).where(
        Invoice.family_id == family_id, Invoice.period_year == year,
        Invoice.period_month == month))
    assert invoice is not None
    await db.refresh(invoice, ["lines"])
    return invoice


async def test_the_tariff_changes_at_the_new_year(db: AsyncSession) -> None:
    family_id, emma, daan = await _devries(db)
    december = await _invoice(db, family_id, 2025, 12)
    january = await _invoice(db, family_id, 2026, 1)
    rates = {(inv.period_year, ln.child_id): ln.hourly_rate_cents
             for inv in (december, january) for ln in inv.lines}
    # the demo tariffs: KDV 2025 € 10,98 → 2026 € 11,49; BSO € 9,52 → € 10,15
    assert rates == {(2025, emma.id): 1098, (2026, emma.id): 1149,
                     (2025, daan.id): 952, (2026, daan.id): 1015}
    assert january.total_cents == sum(ln.amount_cents for ln in january.lines)
    assert january.number.startswith("F2026-") and december.number.startswith("F2025-")


async def _extra_day(db: AsyncSession, child: Child, day: date, payment: ExtraDayPayment,
                     credit_minutes: int, invoice_cents: int,
                     status: ExtraDayStatus = ExtraDayStatus.APPROVED) -> ExtraDayItem:
    contract = await db.scalar(select(Contract).where(Contract.child_id == child.id))
    parent = await db.scalar(select(User).where(User.family_id == child.family_id))
    item = ExtraDayItem(date=day, day_part=DayPart.NSO, minutes=270,
                        hourly_rate_cents=1015, credit_minutes=credit_minutes,
                        invoice_cents=invoice_cents, contract_id=contract.id)
    request = ExtraDayRequest(child_id=child.id, first_date=day, last_date=day,
                              day_part=DayPart.NSO, payment=payment, note=None, status=status,
                              submitted_by_id=parent.id, submitted_at=NOW, items=[item])
    db.add(request)
    await db.flush()
    return item


async def test_extra_days_are_invoiced_the_month_after_unless_paid_from_credit(
        db: AsyncSession) -> None:
    family_id, _emma, daan = await _devries(db)
    from_credit = await _extra_day(db, daan, date(2026, 3, 11), ExtraDayPayment.CREDIT, 270, 0)
    on_invoice = await _extra_day(db, daan, date(2026, 3, 18), ExtraDayPayment.INVOICE, 0,
                                  4568)  # 270 min × € 10,15 = € 45,675 → € 45,68
    mixed = await _extra_day(db, daan, date(2026, 3, 25), ExtraDayPayment.MIXED, 90, 3045)
    await _extra_day(db, daan, date(2026, 3, 26), ExtraDayPayment.INVOICE, 0, 4568,
                     status=ExtraDayStatus.REJECTED)
    march = await _invoice(db, family_id, 2026, 3)
    assert all(ln.kind is InvoiceLineKind.CONTRACT for ln in march.lines)

    organisation_id = await db.scalar(select(Family.organisation_id)
                                      .where(Family.id == family_id))
    april = await generate_invoices(db, organisation_id, 2026, 4, NOW)
    ours = next(inv for inv in april if inv.family_id == family_id)
    extra = [ln for ln in ours.lines if ln.kind is InvoiceLineKind.EXTRA_DAY]
    billed = {ln.extra_day_item_id: (ln.minutes, ln.amount_cents) for ln in extra}
    assert billed[on_invoice.id] == (270, 4568)
    assert billed[mixed.id] == (180, 3045)  # 90 of the 270 minutes came from credit
    assert from_credit.id not in {ln.extra_day_item_id for ln in ours.lines}
    assert all(ln.child_id == daan.id and ln.care_type is CareType.BSO for ln in extra)
    assert ours.total_cents == sum(ln.amount_cents for ln in ours.lines)

    # idempotent: the same month again adds nothing; the next month does not bill them again
    assert await generate_invoices(db, organisation_id, 2026, 4, NOW) == []
    may = next(inv for inv in await generate_invoices(db, organisation_id, 2026, 5, NOW)
               if inv.family_id == family_id)
    assert not [ln for ln in may.lines if ln.kind is InvoiceLineKind.EXTRA_DAY]
    numbers = list(await db.scalars(select(Invoice.number).where(Invoice.period_year == 2026)
                                    .order_by(Invoice.id)))
    assert len(numbers) == len(set(numbers))
    assert int(may.number[-5:]) > int(ours.number[-5:])
    lines = await db.scalars(select(InvoiceLine).where(
        InvoiceLine.extra_day_item_id == on_invoice.id))
    assert len(list(lines)) == 1
