"""Request and response bodies of the absence endpoints (docs/api.md, "Absences")."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from server.agenda.credit_repricing import Repricing
from server.agenda.schemas import ChildDaysIn
from server.models import Absence, AbsenceReason, DayPart, ExtraDayStatus


class AbsenceIn(ChildDaysIn):
    """Children away on these days; `day_part` null means every planned day-part."""

    reason: AbsenceReason


class AbsenceOut(BaseModel):
    """One absent day-part, with the credit it earned (null: none, or withdrawn)."""

    id: int
    child_id: int
    date: date
    day_part: DayPart
    reason: AbsenceReason
    note: str | None
    reported_by: str
    reported_at: datetime
    status: str = Field(description="`active` or `cancelled`")
    cancelled_at: datetime | None
    credit_minutes: int | None
    credit_expires_on: date | None


class AbsencesOut(BaseModel):
    absences: list[AbsenceOut]


class AbsencesPage(AbsencesOut):
    """One page of the family's absences (docs/api.md, "Lists and paging")."""

    next_cursor: str | None


def absence_out(absence: Absence, reporter: str) -> AbsenceOut:
    earned = absence.credit if absence.credit and absence.credit.withdrawn_at is None else None
    return AbsenceOut(
        id=absence.id, child_id=absence.child_id, date=absence.day, day_part=absence.day_part,
        reason=absence.reason, note=absence.note, reported_by=reporter,
        reported_at=absence.reported_at,
        status="cancelled" if absence.cancelled_at else "active",
        cancelled_at=absence.cancelled_at,
        credit_minutes=earned.minutes if earned else None,
        credit_expires_on=earned.expires_on if earned else None)


class RepricedExtraDayOut(BaseModel):
    """An extra day-part the cancelled absence's credit paid, before and after the cancel."""

    request_id: int
    status: ExtraDayStatus
    date: date
    day_part: DayPart
    minutes: int
    credit_minutes_before: int
    credit_minutes: int
    invoice_cents_before: int
    invoice_cents: int


class CancelPreviewOut(BaseModel):
    """What cancelling the absence would do: the credit withdrawn and the extra days paid
    again from other credit or the invoice (`invoice_cents`: added to the invoices)."""

    absence_id: int
    credit_minutes: int | None
    extra_days: list[RepricedExtraDayOut]
    invoice_cents: int


def cancel_preview_out(absence: Absence, plan: list[Repricing]) -> CancelPreviewOut:
    days = [RepricedExtraDayOut(
        request_id=r.request.id, status=r.request.status, date=r.item.date,
        day_part=r.item.day_part, minutes=r.item.minutes,
        credit_minutes_before=r.item.credit_minutes, credit_minutes=r.credit_minutes,
        invoice_cents_before=r.item.invoice_cents, invoice_cents=r.invoice_cents)
        for r in plan]
    return CancelPreviewOut(
        absence_id=absence.id, credit_minutes=absence_out(absence, "").credit_minutes,
        extra_days=days, invoice_cents=sum(d.invoice_cents - d.invoice_cents_before
                                           for d in days))
