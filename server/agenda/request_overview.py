"""`GET /api/v1/requests`: the request overview (aanvragenoverzicht) of a family.

Every absence and extra-day request with whether the parent may still take it back (cancel
the absence, withdraw the pending request; `can_cancel` covers both), and if not the reason in
the parent's language, so the app never has to ask first."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Header
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from server.agenda.absence_schemas import absence_out
from server.agenda.credit import may_cancel
from server.agenda.credit_repricing import blocked_by_invoice
from server.agenda.extra_day_schemas import RequestNames, request_names, request_out
from server.config import AMSTERDAM
from server.deps import Auth, CurrentSettings, Db
from server.models import (
    Absence,
    CareGroup,
    Child,
    Contract,
    DayPart,
    ExtraDayRequest,
    ExtraDayStatus,
    Location,
    User,
)
from server.policy import organisation_policy
from server.problems import Problem
from server.problems.body import problem_body
from server.problems.language import wants_english
from server.problems.openapi import problem_responses

router = APIRouter(tags=["requests"])


class RequestOut(BaseModel):
    """One line of the overview: an absence (one child, date and day-part) or an extra-day
    request (one child, a period)."""

    kind: str
    id: int
    child_id: int
    first_date: date
    last_date: date
    day_part: DayPart | None
    status: str
    reason: str | None
    note: str | None
    submitted_by: str
    submitted_at: datetime
    decided_at: datetime | None
    decision_reason: str | None
    credit_minutes: int | None
    invoice_cents: int | None
    can_cancel: bool
    cancel_refusal: str | None


class RequestsOut(BaseModel):
    requests: list[RequestOut]


def _location_on(contracts: list[Contract], child_id: int, day: date) -> Location | None:
    for contract in contracts:
        if contract.child_id == child_id and contract.start_date <= day and (
                contract.end_date is None or contract.end_date >= day):
            return contract.group.location
    return None


def _refusal(code: str, english: bool, **extra: object) -> str:
    return problem_body(code, english, **extra)["detail"]


def _absence_lines(rows: list[tuple[Absence, str]], contracts: list[Contract], today: date,
                   min_days: int, invoiced: dict[int, date],
                   english: bool) -> list[RequestOut]:
    lines = []
    for absence, reporter in rows:
        shown = absence_out(absence, reporter)
        refusal = None
        location = _location_on(contracts, absence.child_id, absence.day)
        whom = {"location_name": location.name if location else "",
                "location_phone": location.phone if location else "",
                "location_email": location.email if location else ""}
        if absence.cancelled_at is not None:
            refusal = _refusal("absence_already_cancelled", english)
        elif not may_cancel(absence.day, today, min_days):
            refusal = _refusal("absence_cancel_too_late", english, min_days=min_days, **whom)
        elif absence.id in invoiced:
            refusal = _refusal("absence_credit_invoiced", english,
                               date=invoiced[absence.id].isoformat(), **whom)
        lines.append(RequestOut(
            kind="absence", id=absence.id, child_id=absence.child_id, first_date=absence.day,
            last_date=absence.day, day_part=absence.day_part, status=shown.status,
            reason=absence.reason.value, note=absence.note, submitted_by=reporter,
            submitted_at=shown.reported_at.astimezone(AMSTERDAM), decided_at=None,
            decision_reason=None, credit_minutes=shown.credit_minutes, invoice_cents=None,
            can_cancel=refusal is None, cancel_refusal=refusal))
    return lines


def _extra_day_lines(requests: list[ExtraDayRequest], names: RequestNames,
                     english: bool) -> list[RequestOut]:
    lines = []
    for request in requests:
        shown = request_out(request, names)
        refusal = None
        if request.status is ExtraDayStatus.APPROVED:
            refusal = _refusal("extra_day_approved_final", english)
        elif request.status is not ExtraDayStatus.PENDING:
            refusal = _refusal("extra_day_not_pending", english)
        lines.append(RequestOut(
            kind="extra_day", id=request.id, child_id=request.child_id,
            first_date=request.first_date, last_date=request.last_date,
            day_part=request.day_part, status=request.status.value, reason=None,
            note=request.note, submitted_by=shown.submitted_by,
            submitted_at=shown.submitted_at, decided_at=shown.decided_at,
            decision_reason=request.decision_reason, credit_minutes=shown.credit_minutes,
            invoice_cents=shown.invoice_cents, can_cancel=refusal is None,
            cancel_refusal=refusal))
    return lines


@router.get("/requests", response_model=RequestsOut,
            responses=problem_responses("not_authenticated", "token_expired", "forbidden"))
async def request_overview(auth: Auth, db: Db, settings: CurrentSettings,
                           accept_language: Annotated[str | None, Header()] = None,
                           ) -> RequestsOut:
    """All absences and extra-day requests of the family, newest date first."""
    user = auth.user
    if not user.role.is_parent:
        raise Problem("forbidden")
    english = wants_english(accept_language)
    policy = await organisation_policy(db, user.organisation_id)
    family = select(Child.id).where(Child.family_id == user.family_id)
    contracts = list((await db.scalars(select(Contract).where(
        Contract.child_id.in_(family)).options(
        selectinload(Contract.group).selectinload(CareGroup.location))
        .order_by(Contract.id))).all())
    absences = list((await db.execute(
        select(Absence, User.name).join(User, User.id == Absence.reported_by_id)
        .where(Absence.child_id.in_(family)).options(selectinload(Absence.credit)))).all())
    requests = list((await db.scalars(select(ExtraDayRequest).where(
        ExtraDayRequest.child_id.in_(family)).options(
        selectinload(ExtraDayRequest.items)))).all())
    invoiced = await blocked_by_invoice(
        db, [a for a, _ in absences if a.cancelled_at is None
             and may_cancel(a.day, settings.today(), policy.cancel_absence_min_days)],
        settings.today())
    lines = _absence_lines(absences, contracts, settings.today(),
                           policy.cancel_absence_min_days, invoiced, english)
    lines += _extra_day_lines(requests, await request_names(db, requests), english)
    lines.sort(key=lambda line: (line.first_date, line.submitted_at, line.kind, line.id),
               reverse=True)
    return RequestsOut(requests=lines)
