"""The finance PDFs as a parent reads them: the text pypdf extracts holds the number, the
amounts in Dutch notation, the LRK number, the child's name and date of birth; jaaropgave
totals equal that year's invoice lines; a rate above the maximum gets its note."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from server_helpers import SANNE, TODAY
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.finance.pdf_base import euro, hours
from server.finance.pdf_documents import render_contract, render_invoice, render_jaaropgave
from server.finance.statements import family_finance
from server.models import (
    CareType,
    Child,
    Family,
    Invoice,
    InvoiceLine,
    InvoiceLineKind,
    InvoiceStatus,
    Tariff,
    User,
)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


async def _sanne_family(db: AsyncSession) -> int:
    return await db.scalar(select(User.family_id).where(User.email == SANNE))


def test_amounts_are_written_the_dutch_way() -> None:
    assert euro(123456) == "€ 1.234,56"
    assert euro(5) == "€ 0,05"
    assert euro(100000000) == "€ 1.000.000,00"
    assert hours(8190) == "136,50"


async def test_the_invoice_pdf_shows_number_lines_and_total(db: AsyncSession) -> None:
    finance = await family_finance(db, await _sanne_family(db), TODAY)
    invoice = finance.invoices[-1]
    text = text_of(render_invoice(finance.household, invoice))
    assert f"Factuur {invoice.number}" in text
    assert "Kinderopvang Zonnebloem" in text and "Sanne de Vries" in text
    assert "maart 2026" in text
    for line in invoice.lines:
        assert euro(line.amount_cents) in text
        assert euro(line.hourly_rate_cents) in text
    assert euro(invoice.total_cents) in text
    assert invoice.mandate_reference in text  # collected by direct debit


async def test_the_jaaropgave_pdf_has_what_the_tax_office_asks(db: AsyncSession) -> None:
    finance = await family_finance(db, await _sanne_family(db), TODAY)
    emma = next(c for c in finance.household.children if c[1] == "Emma")
    statement = next(s for s in finance.jaaropgaven if s.child_id == emma[0] and s.year == 2025)
    text = text_of(render_jaaropgave(finance.household, statement))
    assert "Jaaropgave 2025" in text and "Emma de Vries" in text
    assert emma[3].strftime("%d-%m-%Y") in text
    assert "Sanne de Vries" in text  # the contract holder
    lrk = statement.rows[0].lrk_number
    assert len(lrk) == 9 and lrk in text
    assert euro(statement.invoiced_cents) in text and euro(statement.paid_cents) in text
    # KDV 2025 costs € 10,98 an hour, above the maximum of € 10,71
    assert "boven de maximum uurprijs" in text and "€ 10,71" in text


async def test_no_note_where_the_rate_is_within_the_maximum(db: AsyncSession) -> None:
    finance = await family_finance(db, await _sanne_family(db), TODAY)
    daan = next(c for c in finance.household.children if c[1] == "Daan")
    statement = next(s for s in finance.jaaropgaven if s.child_id == daan[0] and s.year == 2025)
    assert [row.hourly_rate_cents for row in statement.rows] == [952]  # BSO maximum: 952
    assert "maximum uurprijs" not in text_of(render_jaaropgave(finance.household, statement))


async def test_the_contract_pdf_states_the_terms_and_the_rate_it_started_at(
        db: AsyncSession) -> None:
    family_id = await _sanne_family(db)
    before = await family_finance(db, family_id, TODAY)
    daan = next(c for c in before.household.children if c[1] == "Daan")
    started = next(c for c in before.contracts if c.child_id == daan[0]).start_date
    # The organisation's BSO tariff of the year Daan started wins over the contract's rate.
    organisation = await db.scalar(select(Family.organisation_id).where(Family.id == family_id))
    db.add(Tariff(organisation_id=organisation, year=started.year, care_type=CareType.BSO,
                  hourly_rate_cents=899))
    await db.flush()
    finance = await family_finance(db, family_id, TODAY)
    contract = next(c for c in finance.contracts if c.child_id == daan[0])
    text = text_of(render_contract(finance.household, contract)).replace("\n", " ")
    assert "Daan de Vries" in text and "Buitenschoolse opvang (BSO)" in text
    assert contract.lrk_number in text and "De Ontdekkers" in text
    assert "Uurtarief bij ingang € 8,99" in text


async def test_jaaropgave_totals_equal_that_years_invoice_lines(db: AsyncSession) -> None:
    family_id = await _sanne_family(db)
    finance = await family_finance(db, family_id, TODAY)
    assert finance.jaaropgaven
    for statement in finance.jaaropgaven:
        in_year = (InvoiceLine.child_id == statement.child_id,
                   func.extract("year", InvoiceLine.first_date) == statement.year)
        invoiced = await db.scalar(select(func.sum(InvoiceLine.amount_cents)).where(*in_year))
        paid = await db.scalar(select(func.sum(InvoiceLine.amount_cents)).join(Invoice)
                               .where(*in_year, Invoice.status == InvoiceStatus.PAID))
        minutes = await db.scalar(select(func.sum(InvoiceLine.minutes)).where(*in_year))
        assert statement.invoiced_cents == invoiced
        assert statement.paid_cents == paid
        assert sum(row.minutes for row in statement.rows) == minutes


async def _emma_2025(db: AsyncSession, family_id: int, today=TODAY):  # noqa: ANN001, ANN202
    emma = await db.scalar(select(Child.id).where(Child.family_id == family_id,
                                                  Child.first_name == "Emma"))
    finance = await family_finance(db, family_id, today)
    return emma, next((s for s in finance.jaaropgaven
                       if s.child_id == emma and s.year == 2025), None)


async def test_jaaropgave_paid_counts_only_paid_invoices(db: AsyncSession) -> None:
    """An unpaid December invoice counts as invoiced in the year, not as paid."""
    family_id = await _sanne_family(db)
    emma, before = await _emma_2025(db, family_id)
    assert before.paid_cents == before.invoiced_cents  # the demo's 2025 invoices are all paid
    december = await db.scalar(select(Invoice).where(
        Invoice.family_id == family_id, Invoice.period_year == 2025,
        Invoice.period_month == 12))
    december.status, december.paid_on = InvoiceStatus.OPEN, None
    await db.commit()
    unpaid = await db.scalar(select(func.sum(InvoiceLine.amount_cents)).where(
        InvoiceLine.invoice_id == december.id, InvoiceLine.child_id == emma))
    assert unpaid > 0
    _, after = await _emma_2025(db, family_id)
    assert after.invoiced_cents == before.invoiced_cents
    assert after.paid_cents == before.invoiced_cents - unpaid


async def test_a_december_extra_day_invoiced_in_january_counts_in_the_year_of_care(
        db: AsyncSession) -> None:
    family_id = await _sanne_family(db)
    emma, before = await _emma_2025(db, family_id)
    january = await db.scalar(select(Invoice).where(
        Invoice.family_id == family_id, Invoice.period_year == 2026,
        Invoice.period_month == 1).options(selectinload(Invoice.lines)))
    assert january.status is InvoiceStatus.PAID
    template = next(ln for ln in january.lines if ln.child_id == emma)
    january.lines.append(InvoiceLine(
        position=len(january.lines) + 1, child_id=emma,
        contract_id=template.contract_id, location_id=template.location_id,
        kind=InvoiceLineKind.EXTRA_DAY, care_type=template.care_type,
        description="Extra opvang, ochtend", first_date=date(2025, 12, 17),
        last_date=date(2025, 12, 17), minutes=330, hourly_rate_cents=1098, amount_cents=6039))
    await db.commit()
    _, after = await _emma_2025(db, family_id)
    assert after.invoiced_cents == before.invoiced_cents + 6039
    assert after.paid_cents == before.paid_cents + 6039  # on a paid invoice
    assert sum(r.minutes for r in after.rows) == sum(r.minutes for r in before.rows) + 330
    finance = await family_finance(db, family_id, date(2027, 1, 1))
    in_2026 = next(s for s in finance.jaaropgaven if s.child_id == emma and s.year == 2026)
    assert all(r.minutes for r in in_2026.rows)  # January's contract care, not the extra day
    assert in_2026.invoiced_cents == sum(
        ln.amount_cents for inv in finance.invoices for ln in inv.lines
        if ln.child_name == "Emma" and ln.first_date.year == 2026)


async def test_a_jaaropgave_exists_only_once_the_year_is_over(db: AsyncSession) -> None:
    family_id = await _sanne_family(db)
    for today, years in ((date(2026, 12, 31), {2025}), (date(2027, 1, 1), {2025, 2026})):
        finance = await family_finance(db, family_id, today)
        assert {s.year for s in finance.jaaropgaven} >= years
        assert max(s.year for s in finance.jaaropgaven) == max(years), today
