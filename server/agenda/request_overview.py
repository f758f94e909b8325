"""`GET /api/v1/requests`: the request overview (aanvragenoverzicht) of a family.

Every absence and extra-day request with whether the parent may still take it back (cancel
the absence, withdraw the pending request; `can_cancel` covers both), and if not the reason in
the parent's language, so the app never has to ask first."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Header
from pydantic import BaseModel
from sqlalchemy import func, literal, select
from sqlalchemy.orm import contains_eager

from server.agenda.absence_schemas import absence_out
from server.agenda.credit import may_cancel
from server.agenda.credit_repricing import blocked_by_invoice
from server.config import AMSTERDAM
from server.deps import Auth, CurrentSettings, Db
from server.models import (
    Absence,
    AbsenceCredit,
    CareGroup,
    Child,
    Contract,
    DayPart,
    ExtraDayItem,
    ExtraDayRequest,
    ExtraDayStatus,
    Location,
    User,
)
from server.paging import DESC, Paging, after, decode_cursor, encode_cursor
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
    next_cursor: str | None


# Newest date first (then newest submission): the overview's order across both kinds. The
# kind is a constant per table, so each table's part of the cursor condition names it as one.
ORDER = (DESC, DESC, DESC, DESC)
CURSOR_TYPES = (date, datetime, str, int)
LIST_NAME = "requests"


def _location_on(locations: list[tuple[int, date, date | None, str, str, str]],
                 child_id: int, day: date) -> tuple[str, str, str] | None:
    for child, start, end, name, phone, email in locations:
        if child == child_id and start <= day and (end is None or end >= day):
            return name, phone, email
    return None


def _refusal(code: str, english: bool, **extra: object) -> str:
    return problem_body(code, english, **extra)["detail"]


def _absence_lines(rows: list[tuple[Absence, str]],
                   locations: list[tuple[int, date, date | None, str, str, str]], today: date,
                   min_days: int, invoiced: dict[int, date],
                   english: bool) -> list[RequestOut]:
    lines = []
    for absence, reporter in rows:
        shown = absence_out(absence, reporter)
        refusal = None
        name, phone, email = _location_on(locations, absence.child_id, absence.day) \
            or ("", "", "")
        whom = {"location_name": name, "location_phone": phone, "location_email": email}
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


def _extra_day_lines(rows: list[tuple[ExtraDayRequest, str, int, int]],
                     english: bool) -> list[RequestOut]:
    lines = []
    for request, submitter, credit_minutes, invoice_cents in rows:
        refusal = None
        if request.status is ExtraDayStatus.APPROVED:
            refusal = _refusal("extra_day_approved_final", english)
        elif request.status is not ExtraDayStatus.PENDING:
            refusal = _refusal("extra_day_not_pending", english)
        lines.append(RequestOut(
            kind="extra_day", id=request.id, child_id=request.child_id,
            first_date=request.first_date, last_date=request.last_date,
            day_part=request.day_part, status=request.status.value, reason=None,
            note=request.note, submitted_by=submitter,
            submitted_at=request.submitted_at.astimezone(AMSTERDAM),
            decided_at=request.decided_at.astimezone(AMSTERDAM) if request.decided_at else None,
            decision_reason=request.decision_reason, credit_minutes=credit_minutes,
            invoice_cents=invoice_cents, can_cancel=refusal is None, cancel_refusal=refusal))
    return lines


def _sort_key(line: RequestOut) -> tuple[date, datetime, str, int]:
    return (line.first_date, line.submitted_at, line.kind, line.id)


@router.get("/requests", response_model=RequestsOut,
            responses=problem_responses("not_authenticated", "token_expired", "forbidden",
                                        "validation_error"))
async def request_overview(auth: Auth, db: Db, settings: CurrentSettings, paging: Paging,
                           accept_language: Annotated[str | None, Header()] = None,
                           ) -> RequestsOut:
    """The family's absences and extra-day requests, newest date first, in pages: history is
    kept (cancelled absences too) but a page stays the same size however long it grows."""
    user = auth.user
    if not user.role.is_parent:
        raise Problem("forbidden")
    english = wants_english(accept_language)
    policy = await organisation_policy(db, user.organisation_id)
    key = decode_cursor(LIST_NAME, paging.cursor, CURSOR_TYPES) if paging.cursor else None
    family = select(Child.id).where(Child.family_id == user.family_id)
    locations = [tuple(row) for row in (await db.execute(
        select(Contract.child_id, Contract.start_date, Contract.end_date, Location.name,
               Location.phone, Location.email)
        .join(CareGroup, CareGroup.id == Contract.group_id)
        .join(Location, Location.id == CareGroup.location_id)
        .where(Contract.child_id.in_(family)).order_by(Contract.id))).all()]

    def page_of(query, columns):  # noqa: ANN001, ANN202 - one table's rows of this page
        if key is not None:
            query = query.where(after(columns, ORDER, key))
        return query.order_by(*[c.desc() for c in columns]).limit(paging.limit + 1)

    absences = list((await db.execute(page_of(
        select(Absence, User.name).join(User, User.id == Absence.reported_by_id)
        .outerjoin(AbsenceCredit, AbsenceCredit.absence_id == Absence.id)
        .where(Absence.child_id.in_(family)).options(contains_eager(Absence.credit)),
        [Absence.day, Absence.reported_at, literal("absence"), Absence.id]))).all())
    sums = (select(ExtraDayItem.request_id,
                   func.sum(ExtraDayItem.credit_minutes).label("credit"),
                   func.sum(ExtraDayItem.invoice_cents).label("invoice"))
            .group_by(ExtraDayItem.request_id).subquery())
    requests = list((await db.execute(page_of(
        select(ExtraDayRequest, User.name, func.coalesce(sums.c.credit, 0),
               func.coalesce(sums.c.invoice, 0))
        .join(User, User.id == ExtraDayRequest.submitted_by_id)
        .outerjoin(sums, sums.c.request_id == ExtraDayRequest.id)
        .where(ExtraDayRequest.child_id.in_(family)),
        [ExtraDayRequest.first_date, ExtraDayRequest.submitted_at, literal("extra_day"),
         ExtraDayRequest.id]))).all())
    invoiced = await blocked_by_invoice(
        db, [a for a, _ in absences if a.cancelled_at is None
             and may_cancel(a.day, settings.today(), policy.cancel_absence_min_days)],
        settings.today())
    lines = _absence_lines(absences, locations, settings.today(),
                           policy.cancel_absence_min_days, invoiced, english)
    lines += _extra_day_lines(requests, english)
    lines.sort(key=_sort_key, reverse=True)
    if len(lines) <= paging.limit:
        return RequestsOut(requests=lines, next_cursor=None)
    shown = lines[:paging.limit]
    return RequestsOut(requests=shown,
                       next_cursor=encode_cursor(LIST_NAME, _sort_key(shown[-1])))
