"""`/api/v1/finance`: the sync listing, tariffs, invoices and the document download.

Invoices, jaaropgaven and contracts are for the family's primary parent only; a secondary
parent is told who that is, staff get nothing. Tariffs are for every logged-in user.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from server.deps import Auth, CurrentSettings, Db
from server.finance.documents import FinanceDocument, family_documents
from server.finance.ranges import document_response
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
from server.models import Child, Invoice, Role, User
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.validation import PlainText

router = APIRouter(prefix="/finance", tags=["finance"])

REFUSALS = problem_responses("not_authenticated", "token_expired", "account_expired",
                             "forbidden", "finance_primary_parent_only")


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


@router.get("", response_model=FinanceOut | dict[str, Any], responses=REFUSALS)
async def finance(db: Db, settings: CurrentSettings, auth: Auth,
                  cursor: Annotated[PlainText | None, Query(max_length=100)] = None) -> Any:
    """What this user may see of the finances, with a cursor: sending the cursor back while
    nothing changed answers only `{"unchanged": true, "cursor": …}`."""
    user = auth.user
    documents: list[FinanceDocument] = []
    holder_name = None
    if user.role is Role.PRIMARY_PARENT and user.family_id is not None:
        access = "granted"
        await _documents_family(db, user)
        documents, _ = await family_documents(db, user.family_id, settings.today())
        holder_name = user.name
    elif user.role is Role.SECONDARY_PARENT and user.family_id is not None:
        access = "primary_parent_only"
        holder = await primary_parent(db, user.family_id)
        holder_name = holder.name if holder else None
    else:
        access = "none"
    body = {"access": access, "primary_parent_name": holder_name,
            "documents": [d.model_dump() for d in documents],
            "tariffs": [t.model_dump() for t in await _tariffs(db, user)]}
    current = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]
    if cursor == current:
        return {"unchanged": True, "cursor": current}
    return FinanceOut(**body, cursor=current)


@router.get("/tariffs", response_model=TariffsOut, responses=REFUSALS)
async def tariffs(db: Db, auth: Auth) -> TariffsOut:
    return TariffsOut(tariffs=await _tariffs(db, auth.user))


@router.get("/invoices", response_model=InvoicesOut, responses=REFUSALS)
async def invoices(db: Db, settings: CurrentSettings, auth: Auth) -> InvoicesOut:
    """The family's invoices with their lines, newest first (primary parent only)."""
    family_id = await _documents_family(db, auth.user)
    infos, _ = await family_documents(db, family_id, settings.today())
    by_id = {info.id: info for info in infos}
    names = {c.id: c.first_name for c in await db.scalars(
        select(Child).where(Child.family_id == family_id))}
    rows = await db.scalars(select(Invoice).where(Invoice.family_id == family_id)
                            .options(selectinload(Invoice.lines))
                            .order_by(Invoice.invoice_date.desc(), Invoice.id.desc()))
    return InvoicesOut(invoices=[InvoiceOut(
        id=inv.id, number=inv.number, period=f"{inv.period_year}-{inv.period_month:02d}",
        invoice_date=inv.invoice_date, due_date=inv.due_date,
        payment_method=inv.payment_method.value, mandate_reference=inv.mandate_reference,
        status=inv.status.value, total_cents=inv.total_cents,
        document=by_id[f"invoice-{inv.id}"],
        lines=[InvoiceLineOut(
            child_id=ln.child_id, child_name=names.get(ln.child_id, ""), kind=ln.kind.value,
            description=ln.description, care_type=ln.care_type.value,
            first_date=ln.first_date, last_date=ln.last_date, minutes=ln.minutes,
            hourly_rate_cents=ln.hourly_rate_cents, amount_cents=ln.amount_cents)
            for ln in inv.lines]) for inv in rows])


@router.get("/documents/{document_id}", response_class=Response,
            responses={**REFUSALS, **problem_responses("not_found"),
                       200: {"content": {"application/pdf": {}}},
                       206: {"description": "Partial content (Range)"},
                       304: {"description": "Not modified (If-None-Match)"},
                       416: {"description": "Range not satisfiable"}})
async def document(document_id: str,
                   db: Db, settings: CurrentSettings, auth: Auth,
                   range_header: Annotated[str | None, Header(alias="Range")] = None,
                   if_none_match: Annotated[str | None, Header()] = None,
                   if_range: Annotated[str | None, Header()] = None) -> Response:
    """The PDF, with ETag and SHA-256, a 304 for a current copy and 206 for a byte range."""
    family_id = await _documents_family(db, auth.user)
    infos, kept = await family_documents(db, family_id, settings.today())
    info = next((i for i in infos if i.id == document_id), None)
    if info is None:
        raise Problem("not_found")
    return document_response(kept[info.id].content, info.etag, info.sha256, info.filename,
                             range_header, if_none_match, if_range)
