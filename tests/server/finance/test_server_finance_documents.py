"""The finance PDFs as a parent reads them: the text pypdf extracts holds the number, the
amounts in Dutch notation, the LRK number, the child's name and date of birth; jaaropgave
totals equal that year's invoice lines; a rate above the maximum gets its note."""

from __future__ import annotations

import io

from pypdf import PdfReader
from server_helpers import SANNE, TODAY
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.finance.pdf_base import euro, hours
from server.finance.pdf_documents import render_contract, render_invoice, render_jaaropgave
from server.finance.statements import family_finance
from server.models import (
    CareType,
    Family,
    Invoice,
    InvoiceLine,
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
