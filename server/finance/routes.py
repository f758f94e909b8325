"""`/api/v1/finance`: the sync listing, tariffs, invoices and the document download.

Invoices, jaaropgaven and contracts are for the family's primary parent only; a secondary
parent is told who that is, staff get nothing. Tariffs are for every logged-in user. Nothing
here renders a PDF or reads one to list it: documents are published off the request path
(server.finance.publication) and their bytes served from the blob store.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request, Response
from sqlalchemy import exists, select

from server.blobs import BlobInfo
from server.blobs.http import blob_response
from server.deps import Auth, Blobs, CurrentSettings, Db
from server.finance.documents import FinanceDocument, filename
from server.finance.publication import mark_wanted
from server.finance.schemas import (
    FinanceOut,
    InvoiceLineOut,
    InvoiceOut,
    InvoicesOut,
    TariffOut,
    TariffsOut,
)
from server.finance.statements import primary_parent
from server.finance.tariffs import max_hourly_rate, organisation_tariffs
from server.models import (
    Child,
    DocumentPublication,
    Invoice,
    InvoiceLine,
    Role,
    StoredDocument,
    User,
)
from server.paging import DESC, Keyset, PageRequest, Paging, decode_cursor, encode_cursor
from server.problems import Problem
from server.problems.openapi import problem_responses

router = APIRouter(prefix="/finance", tags=["finance"])

REFUSALS = problem_responses("not_authenticated", "token_expired", "account_expired",
                             "forbidden", "finance_primary_parent_only")

DOCUMENT_PAGES = "finance-documents"
INVOICES = Keyset("invoices", (Invoice.invoice_date, DESC), (Invoice.id, DESC))
# The listing is one snapshot: a page cursor carries the digest of the listing it started from
# and the index of the last document shown; a sync cursor is the bare digest.
_DOCUMENT_CURSOR = (str, int)


async def _tariffs(db: Db, user: User) -> list[TariffOut]:
    return [TariffOut(year=t.year, care_type=t.care_type.value,
                      hourly_rate_cents=t.hourly_rate_cents,
                      max_hourly_rate_cents=max_hourly_rate(t.year, t.care_type))
            for t in await organisation_tariffs(db, user.organisation_id)]


async def _documents_family(db: Db, user: User) -> int:
    """The family whose documents this user may see, or the refusal. (An expired account
    never gets here: the access-token check refuses it on every request.)"""
    if user.role is Role.PRIMARY_PARENT and user.family_id is not None:
        return user.family_id
    if user.role is Role.SECONDARY_PARENT and user.family_id is not None:
        holder = await primary_parent(db, user.family_id)
        raise Problem("finance_primary_parent_only",
                      primary_parent_name=holder.name if holder else None)
    raise Problem("forbidden")


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]


async def _listing(db: Db, family_id: int) -> tuple[list[StoredDocument], bool]:
    """The family's published documents in listing order, and whether more are on the way."""
    rows = (await db.execute(
        select(StoredDocument, exists().where(DocumentPublication.family_id == family_id))
        .where(StoredDocument.family_id == family_id)
        .order_by(StoredDocument.position, StoredDocument.key))).all()
    if rows:
        return [row for row, _ in rows], rows[0][1]
    queued = await db.scalar(select(exists().where(DocumentPublication.family_id == family_id)))
    return [], bool(queued)


def _page_of_documents(documents: list[FinanceDocument], digest: str, paging: PageRequest,
                       cursor: str | None) -> tuple[list[FinanceDocument], str | None, str]:
    """The page `cursor` asks for (the first page for none or an outdated sync cursor), the
    next page's cursor, and the sync cursor the client keeps once it has every page."""
    start = 0
    try:
        if cursor is not None:
            digest, last = decode_cursor(DOCUMENT_PAGES, cursor, _DOCUMENT_CURSOR)
            start = last + 1
    except Problem:
        pass  # a sync cursor of an earlier listing: the listing from the start
    page = documents[start:start + paging.limit]
    more = start + paging.limit < len(documents)
    next_cursor = encode_cursor(DOCUMENT_PAGES, (digest, start + len(page) - 1)) \
        if more else None
    return page, next_cursor, digest


@router.get("", response_model=FinanceOut | dict[str, Any], responses=REFUSALS)
async def finance(request: Request, db: Db, settings: CurrentSettings, auth: Auth,
                  paging: Paging) -> Any:
    """What this user may see of the finances. Sending back the `cursor` of a complete listing
    while nothing changed answers only `{"unchanged": true, "cursor": …}`; `documents` come in
    pages: follow `next_cursor` (sent as `cursor`) until it is null."""
    user = auth.user
    documents: list[FinanceDocument] = []
    holder_name, preparing = None, False
    if user.role is Role.PRIMARY_PARENT and user.family_id is not None:
        access = "granted"
        await _documents_family(db, user)
        rows, preparing = await _listing(db, user.family_id)
        documents = [FinanceDocument.of(row) for row in rows]
        holder_name = user.name
    elif user.role is Role.SECONDARY_PARENT and user.family_id is not None:
        access = "primary_parent_only"
        holder = await primary_parent(db, user.family_id)
        holder_name = holder.name if holder else None
    else:
        access = "none"
    body = {"access": access, "primary_parent_name": holder_name, "preparing": preparing,
            "documents": [d.model_dump() for d in documents],
            "tariffs": [t.model_dump() for t in await _tariffs(db, user)]}
    current = _digest(body)
    if paging.cursor == current:
        return {"unchanged": True, "cursor": current}
    if preparing:  # publish this family before those nobody is looking at
        await mark_wanted(db, user.family_id, settings.now())
        await db.commit()
        request.app.state.publisher.wake()
    page, next_cursor, digest = _page_of_documents(documents, current, paging, paging.cursor)
    return FinanceOut(**{**body, "documents": page}, next_cursor=next_cursor, cursor=digest)


@router.get("/tariffs", response_model=TariffsOut, responses=REFUSALS)
async def tariffs(db: Db, auth: Auth) -> TariffsOut:
    return TariffsOut(tariffs=await _tariffs(db, auth.user))


@router.get("/invoices", response_model=InvoicesOut, responses=REFUSALS)
async def invoices(db: Db, settings: CurrentSettings, auth: Auth,
                   paging: Paging) -> InvoicesOut:
    """The family's invoices with their lines, newest first, in pages (primary parent only).
    `document` is null while the invoice's PDF is still being made."""
    family_id = await _documents_family(db, auth.user)
    page, next_cursor = INVOICES.page(list(await db.scalars(INVOICES.select(
        select(Invoice).where(Invoice.family_id == family_id), paging))), paging,
        lambda inv: (inv.invoice_date, inv.id))
    ids = [inv.id for inv in page]
    lines: dict[int, list[InvoiceLineOut]] = {invoice_id: [] for invoice_id in ids}
    for line, child_name in (await db.execute(
            select(InvoiceLine, Child.first_name).join(Child, Child.id == InvoiceLine.child_id)
            .where(InvoiceLine.invoice_id.in_(ids))
            .order_by(InvoiceLine.invoice_id, InvoiceLine.position))).all():
        lines[line.invoice_id].append(InvoiceLineOut(
            child_id=line.child_id, child_name=child_name, kind=line.kind.value,
            description=line.description, care_type=line.care_type.value,
            first_date=line.first_date, last_date=line.last_date, minutes=line.minutes,
            hourly_rate_cents=line.hourly_rate_cents, amount_cents=line.amount_cents))
    documents = {row.key: FinanceDocument.of(row) for row in await db.scalars(
        select(StoredDocument).where(StoredDocument.family_id == family_id,
                                     StoredDocument.key.in_([f"invoice-{i}" for i in ids])))}
    return InvoicesOut(invoices=[InvoiceOut(
        id=inv.id, number=inv.number, period=f"{inv.period_year}-{inv.period_month:02d}",
        invoice_date=inv.invoice_date, due_date=inv.due_date,
        payment_method=inv.payment_method.value, mandate_reference=inv.mandate_reference,
        status=inv.status.value, total_cents=inv.total_cents,
        document=documents.get(f"invoice-{inv.id}"), lines=lines[inv.id]) for inv in page],
        next_cursor=next_cursor)


@router.get("/documents/{document_id}", response_class=Response,
            responses={**REFUSALS, **problem_responses("not_found"),
                       200: {"content": {"application/pdf": {}}},
                       206: {"description": "Partial content (Range)"},
                       304: {"description": "Not modified (If-None-Match)"},
                       416: {"description": "Range not satisfiable"}})
async def document(document_id: Annotated[str, Path(max_length=64)],
                   db: Db, blobs: Blobs, settings: CurrentSettings, auth: Auth,
                   range_header: Annotated[str | None, Header(alias="Range")] = None,
                   if_none_match: Annotated[str | None, Header()] = None,
                   if_range: Annotated[str | None, Header()] = None) -> Response:
    """The PDF, with ETag and SHA-256, a 304 for a current copy and 206 for a byte range."""
    family_id = await _documents_family(db, auth.user)
    stored = await db.scalar(select(StoredDocument).where(
        StoredDocument.key == document_id, StoredDocument.family_id == family_id))
    if stored is None:
        raise Problem("not_found")
    return await blob_response(
        blobs, BlobInfo(stored.blob_key, stored.size, stored.sha256),
        media_type="application/pdf", filename=filename(stored), range_header=range_header,
        if_none_match=if_none_match, if_range=if_range)

