"""A family's finance documents: which ones exist (the plan), and how the listing shows them.

The plan is derived from the family's finance data (server.finance.statements); each planned
document has a fingerprint of the data it is made from. server.finance.publication renders and
stores what the plan holds; the API lists and serves what was stored (`StoredDocument`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field

from server.finance.statements import (
    ContractRecord,
    FamilyFinance,
    Household,
    InvoiceRecord,
    JaaropgaveRecord,
)
from server.models import StoredDocument

# Part of every fingerprint: raise it when the layout changes, so every PDF is made anew.
LAYOUT_VERSION = "1"


class FinanceDocument(BaseModel):
    """One document as the listing shows it (docs/api.md "Finance"): the same record for the
    listing, an invoice's `document` and the download's headers."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    number: str
    period: str
    year: int
    child_name: str | None
    care_type: str | None
    amount_cents: int | None
    status: str | None
    sha256: str
    size: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def etag(self) -> str:
        return f'"{self.sha256}"'

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        """The download of the PDF (`GET /finance/documents/{id}`)."""
        return f"/api/v1/finance/documents/{self.id}"

    @classmethod
    def of(cls, stored: StoredDocument) -> FinanceDocument:
        return cls(id=stored.key, kind=stored.kind, number=stored.number,
                   period=stored.period, year=stored.year, child_name=stored.child_name,
                   care_type=stored.care_type, amount_cents=stored.amount_cents,
                   status=stored.status, sha256=stored.sha256, size=stored.size)


FILE_NAMES = {"invoice": "Factuur", "jaaropgave": "Jaaropgave", "contract": "Contract"}


def filename(stored: StoredDocument) -> str:
    return f"{FILE_NAMES[stored.kind]} {stored.number}.pdf"


def _layouts() -> ModuleType:
    """The PDF layouts, imported when a PDF is made: fpdf2 and fontTools take a fifth of a
    second to load, which a server (or ``ouderportaal --demo``) start need not wait for."""
    from server.finance import pdf_documents

    return pdf_documents


@dataclass(frozen=True)
class PlannedDocument:
    """A document the family's data calls for: what the listing will show, the record it is
    rendered from, and the fingerprint of everything on it."""

    listing: dict[str, Any]
    household: Household
    record: InvoiceRecord | JaaropgaveRecord | ContractRecord
    fingerprint: str

    @property
    def key(self) -> str:
        return str(self.listing["id"])

    @property
    def kind(self) -> str:
        return str(self.listing["kind"])


def plan_documents(finance: FamilyFinance) -> list[PlannedDocument]:
    """Every document of the family in listing order: invoices newest first, jaaropgaven
    newest year first, contracts by start."""
    household = finance.household
    planned: list[tuple[dict[str, Any], InvoiceRecord | JaaropgaveRecord | ContractRecord]] = []
    for inv in reversed(finance.invoices):
        planned.append((
            {"id": f"invoice-{inv.id}", "kind": "invoice", "number": inv.number,
             "period": f"{inv.period[0]}-{inv.period[1]:02d}", "year": inv.period[0],
             "child_name": None, "care_type": None, "amount_cents": inv.total_cents,
             "status": inv.status}, inv))
    for st in sorted(finance.jaaropgaven, key=lambda s: (-s.year, s.child_id)):
        planned.append((
            {"id": f"jaaropgave-{st.child_id}-{st.year}", "kind": "jaaropgave",
             "number": f"J{st.year}-{st.child_id:05d}", "period": str(st.year),
             "year": st.year, "child_name": household.child(st.child_id)[1],
             "care_type": None, "amount_cents": st.invoiced_cents, "status": None}, st))
    for ct in finance.contracts:
        end = ct.end_date.isoformat() if ct.end_date else ""
        planned.append((
            {"id": f"contract-{ct.contract_id}", "kind": "contract",
             "number": f"C-{ct.contract_id:05d}",
             "period": f"{ct.start_date.isoformat()} – {end}", "year": ct.start_date.year,
             "child_name": household.child(ct.child_id)[1], "care_type": ct.care_type,
             "amount_cents": None, "status": None}, ct))
    return [PlannedDocument(listing, household, record, _fingerprint(household, record))
            for listing, record in planned]


def _fingerprint(household: Household, record: object) -> str:
    # The records are frozen dataclasses: their repr holds everything printed on the PDF.
    text = f"{LAYOUT_VERSION}|{household!r}|{record!r}"
    return hashlib.sha256(text.encode()).hexdigest()


def render(document: PlannedDocument) -> bytes:
    """The PDF's bytes (slow, CPU-bound: run it off the event loop)."""
    pdf_documents = _layouts()
    record = document.record
    if isinstance(record, InvoiceRecord):
        return pdf_documents.render_invoice(document.household, record)
    if isinstance(record, JaaropgaveRecord):
        return pdf_documents.render_jaaropgave(document.household, record)
    return pdf_documents.render_contract(document.household, record)
