"""A family's finance documents: what exists, and the PDF bytes kept for each.

A document is generated when it is first listed and kept in `finance_document` with the hash of
the data it was made from; it is made again only when that data changes (an invoice is paid, a
contract gets an end date). So its SHA-256 — and the ETag built from it — stays the same for as
long as the document does.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from pydantic import BaseModel, ConfigDict, computed_field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from server.finance.statements import FamilyFinance, family_finance
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

    @property
    def filename(self) -> str:
        names = {"invoice": "Factuur", "jaaropgave": "Jaaropgave", "contract": "Contract"}
        return f"{names[self.kind]} {self.number}.pdf"


def _layouts() -> ModuleType:
    """The PDF layouts, imported when a PDF is made: fpdf2 and fontTools take a fifth of a
    second to load, which a server (or ``ouderportaal --demo``) start need not wait for."""
    from server.finance import pdf_documents

    return pdf_documents


@dataclass(frozen=True)
class _Planned:
    info: dict[str, object]
    record: object
    render: Callable[[], bytes]


def _plan(finance: FamilyFinance) -> list[_Planned]:
    household = finance.household
    planned = []
    for inv in reversed(finance.invoices):
        planned.append(_Planned(
            {"id": f"invoice-{inv.id}", "kind": "invoice", "number": inv.number,
             "period": f"{inv.period[0]}-{inv.period[1]:02d}", "year": inv.period[0],
             "child_name": None, "care_type": None, "amount_cents": inv.total_cents,
             "status": inv.status},
            inv, lambda inv=inv: _layouts().render_invoice(household, inv)))
    for st in sorted(finance.jaaropgaven, key=lambda s: (-s.year, s.child_id)):
        planned.append(_Planned(
            {"id": f"jaaropgave-{st.child_id}-{st.year}", "kind": "jaaropgave",
             "number": f"J{st.year}-{st.child_id:05d}", "period": str(st.year),
             "year": st.year, "child_name": household.child(st.child_id)[1],
             "care_type": None, "amount_cents": st.invoiced_cents, "status": None},
            st, lambda st=st: _layouts().render_jaaropgave(household, st)))
    for ct in finance.contracts:
        end = ct.end_date.isoformat() if ct.end_date else ""
        planned.append(_Planned(
            {"id": f"contract-{ct.contract_id}", "kind": "contract",
             "number": f"C-{ct.contract_id:05d}",
             "period": f"{ct.start_date.isoformat()} – {end}", "year": ct.start_date.year,
             "child_name": household.child(ct.child_id)[1], "care_type": ct.care_type,
             "amount_cents": None, "status": None},
            ct, lambda ct=ct: _layouts().render_contract(household, ct)))
    return planned


def _fingerprint(finance: FamilyFinance, record: object) -> str:
    text = f"{LAYOUT_VERSION}|{finance.household!r}|{record!r}"
    return hashlib.sha256(text.encode()).hexdigest()


async def family_documents(db: AsyncSession, family_id: int, today: date
                           ) -> tuple[list[FinanceDocument], dict[str, StoredDocument]]:
    """Every document of the family, newest first per kind, with its kept bytes.

    Missing or outdated PDFs are generated (off the event loop) and stored; the session is
    committed when anything was stored. When a parallel request stored the same documents
    first, its rows are read again: both make the same bytes from the same data."""
    try:
        return await _family_documents(db, family_id, today)
    except IntegrityError:
        await db.rollback()
        return await _family_documents(db, family_id, today)


async def _family_documents(db: AsyncSession, family_id: int, today: date
                            ) -> tuple[list[FinanceDocument], dict[str, StoredDocument]]:
    finance = await family_finance(db, family_id, today)
    stored = {doc.key: doc for doc in await db.scalars(
        select(StoredDocument).where(StoredDocument.family_id == family_id))}
    infos, kept, changed = [], {}, False
    for plan in _plan(finance):
        key = str(plan.info["id"])
        fingerprint = _fingerprint(finance, plan.record)
        doc = stored.get(key)
        if doc is None or doc.fingerprint != fingerprint:
            content = await asyncio.to_thread(plan.render)
            if doc is None:
                doc = StoredDocument(key=key, family_id=family_id)
                db.add(doc)
            doc.fingerprint, doc.content = fingerprint, content
            doc.sha256, doc.size = hashlib.sha256(content).hexdigest(), len(content)
            changed = True
        infos.append(FinanceDocument(**plan.info, sha256=doc.sha256, size=doc.size))  # type: ignore[arg-type]
        kept[key] = doc
    if changed:
        await db.commit()
    return infos, kept
