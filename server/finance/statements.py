"""What goes on a family's documents, read from the database into plain records.

The records are frozen dataclasses: their repr is the fingerprint of a document's data, so a
PDF is generated again exactly when something on it changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from server.demo import data as demo_data
from server.finance.tariffs import RateTable, hourly_rate, max_hourly_rate, rate_table
from server.models import (
    CareGroup,
    CareType,
    Child,
    Contract,
    Family,
    FamilyBilling,
    Invoice,
    InvoiceStatus,
    Location,
    Organisation,
    Role,
    User,
)

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


@dataclass(frozen=True)
class Household:
    """The family as the documents address it: organisation, holder and their details."""

    family_id: int
    organisation: str
    organisation_iban: str
    family_name: str
    holder: str | None
    holder_email: str | None
    payer_iban: str | None
    children: tuple[tuple[int, str, str, date], ...]  # id, first name, full name, born

    def child(self, child_id: int) -> tuple[int, str, str, date]:
        return next(c for c in self.children if c[0] == child_id)


@dataclass(frozen=True)
class InvoiceLineRecord:
    child_name: str
    description: str
    first_date: date
    last_date: date
    minutes: int
    hourly_rate_cents: int
    amount_cents: int


@dataclass(frozen=True)
class InvoiceRecord:
    id: int
    number: str
    period: tuple[int, int]
    invoice_date: date
    due_date: date
    payment_method: str
    mandate_reference: str | None
    status: str
    paid_on: date | None
    total_cents: int
    lines: tuple[InvoiceLineRecord, ...]


@dataclass(frozen=True)
class CareTypeYear:
    """One care type (at one location, at one rate) in a jaaropgave."""

    care_type: str
    location: str
    lrk_number: str
    hourly_rate_cents: int
    max_hourly_rate_cents: int | None
    minutes: int
    amount_cents: int

    @property
    def above_maximum(self) -> bool:
        return (self.max_hourly_rate_cents is not None
                and self.hourly_rate_cents > self.max_hourly_rate_cents)


@dataclass(frozen=True)
class JaaropgaveRecord:
    child_id: int
    year: int
    rows: tuple[CareTypeYear, ...]
    invoiced_cents: int
    paid_cents: int


@dataclass(frozen=True)
class ContractRecord:
    contract_id: int
    child_id: int
    care_type: str
    location: str
    address: str
    lrk_number: str
    group: str
    start_date: date
    end_date: date | None
    weeks_per_year: int
    hourly_rate_cents: int
    days: tuple[str, ...]


@dataclass(frozen=True)
class FamilyFinance:
    household: Household
    invoices: tuple[InvoiceRecord, ...]
    jaaropgaven: tuple[JaaropgaveRecord, ...]
    contracts: tuple[ContractRecord, ...]


async def primary_parent(db: AsyncSession, family_id: int) -> User | None:
    return await db.scalar(select(User).where(User.family_id == family_id,
                                              User.role == Role.PRIMARY_PARENT)
                           .order_by(User.id))


async def family_finance(db: AsyncSession, family_id: int, today: date) -> FamilyFinance:
    """Everything on the family's documents. Jaaropgaven exist for finished years only."""
    family = await db.get(Family, family_id)
    organisation = await db.get(Organisation, family.organisation_id)
    holder = await primary_parent(db, family_id)
    billing = await db.get(FamilyBilling, family_id)
    children = list(await db.scalars(select(Child).where(Child.family_id == family_id)
                                     .order_by(Child.id)))
    household = Household(
        family_id=family_id, organisation=organisation.name,
        organisation_iban=(organisation.policy or {}).get("billing_iban",
                                                          demo_data.ORGANISATION_IBAN),
        family_name=family.name, holder=holder.name if holder else None,
        holder_email=holder.email if holder else None,
        payer_iban=billing.iban if billing else None,
        children=tuple((c.id, c.first_name, f"{c.first_name} {c.last_name}", c.date_of_birth)
                       for c in children))
    contracts = list(await db.scalars(
        select(Contract).where(Contract.child_id.in_([c.id for c in children]))
        .options(selectinload(Contract.days),
                 selectinload(Contract.group).selectinload(CareGroup.location)
                 .selectinload(Location.lrk_numbers))
        .order_by(Contract.start_date, Contract.id)))
    rates = await rate_table(db, family.organisation_id)
    invoices = list(await db.scalars(
        select(Invoice).where(Invoice.family_id == family_id)
        .options(selectinload(Invoice.lines)).order_by(Invoice.invoice_date, Invoice.id)))
    return FamilyFinance(
        household=household,
        invoices=tuple(_invoice_record(inv, household) for inv in invoices),
        jaaropgaven=_jaaropgaven(invoices, await _locations(db, family.organisation_id),
                                 today),
        contracts=tuple(_contract_record(p, rates) for p in contracts))


def _lrk(location: Location, care_type: str) -> str:
    return next((r.lrk_number for r in location.lrk_numbers if r.care_type.value == care_type),
                "")


def _invoice_record(invoice: Invoice, household: Household) -> InvoiceRecord:
    return InvoiceRecord(
        id=invoice.id, number=invoice.number, period=(invoice.period_year, invoice.period_month),
        invoice_date=invoice.invoice_date, due_date=invoice.due_date,
        payment_method=invoice.payment_method.value,
        mandate_reference=invoice.mandate_reference, status=invoice.status.value,
        paid_on=invoice.paid_on, total_cents=invoice.total_cents,
        lines=tuple(InvoiceLineRecord(
            child_name=household.child(ln.child_id)[1], description=ln.description,
            first_date=ln.first_date, last_date=ln.last_date, minutes=ln.minutes,
            hourly_rate_cents=ln.hourly_rate_cents, amount_cents=ln.amount_cents)
            for ln in invoice.lines))


async def _locations(db: AsyncSession, organisation_id: int) -> list[Location]:
    return list(await db.scalars(select(Location).where(
        Location.organisation_id == organisation_id).options(selectinload(Location.lrk_numbers))))


def _jaaropgaven(invoices: list[Invoice], all_locations: list[Location],
                 today: date) -> tuple[JaaropgaveRecord, ...]:
    """Per child per finished year: the invoice lines for care in that year (by the line's
    date, so December's extra days invoiced in January count for December's year)."""
    locations = {location.id: location for location in all_locations}
    rows: dict[tuple[int, int], dict[tuple[str, str, str, int], list[int]]] = defaultdict(dict)
    paid: dict[tuple[int, int], int] = defaultdict(int)
    for invoice in invoices:
        for line in invoice.lines:
            year = line.first_date.year
            if year >= today.year:
                continue
            location = locations[line.location_id]
            key = (line.care_type.value, location.name, _lrk(location, line.care_type.value),
                   line.hourly_rate_cents)
            sums = rows[(line.child_id, year)].setdefault(key, [0, 0])
            sums[0] += line.minutes
            sums[1] += line.amount_cents
            if invoice.status is InvoiceStatus.PAID:
                paid[(line.child_id, year)] += line.amount_cents
    records = []
    for (child_id, year), groups in sorted(rows.items()):
        parts = tuple(CareTypeYear(
            care_type=care, location=loc, lrk_number=lrk, hourly_rate_cents=rate,
            max_hourly_rate_cents=max_hourly_rate(year, by_care(care)), minutes=sums[0],
            amount_cents=sums[1]) for (care, loc, lrk, rate), sums in sorted(groups.items()))
        records.append(JaaropgaveRecord(
            child_id=child_id, year=year, rows=parts,
            invoiced_cents=sum(p.amount_cents for p in parts),
            paid_cents=paid[(child_id, year)]))
    return tuple(records)


def by_care(value: str) -> CareType:
    return CareType(value)


def _contract_record(contract: Contract, rates: RateTable) -> ContractRecord:
    location = contract.group.location
    names = {"ochtend": "ochtend", "middag": "middag", "vso": "voorschools",
             "nso": "naschools", "vakantie": "vakantie"}
    by_day: dict[int, list[str]] = defaultdict(list)
    for day in contract.days:
        by_day[day.weekday].append(names[day.day_part.value])
    return ContractRecord(
        contract_id=contract.id, child_id=contract.child_id,
        care_type=contract.care_type.value, location=location.name,
        address=f"{location.address}, {location.postal_code} {location.city}",
        lrk_number=_lrk(location, contract.care_type.value), group=contract.group.name,
        start_date=contract.start_date, end_date=contract.end_date,
        weeks_per_year=contract.weeks_per_year,
        # The rate its first month was invoiced at (the tariff of that year wins).
        hourly_rate_cents=hourly_rate(rates, contract.start_date.year, contract),
        days=tuple(f"{WEEKDAYS[wd]}: {', '.join(parts)}" for wd, parts in sorted(by_day.items())))

