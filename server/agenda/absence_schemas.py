"""Request and response bodies of the absence endpoints (docs/api.md, "Absences")."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from server.agenda.credit_repricing import Repricing
from server.agenda.schemas import ChildDaysIn, RecordId
from server.models import Absence, AbsenceReason, DayPart, ExtraDayStatus


class AbsenceIn(ChildDaysIn):
    """Children away on these days; `day_part` null means every planned day-part."""

    reason: AbsenceReason


class CancelAbsencesIn(BaseModel):
    """The absences to cancel together (ids of one family)."""

    absence_ids: list[RecordId] = Field(min_length=1, max_length=100)


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
    """What cancelling the absences together would do: the credit withdrawn and the extra
    days paid again from other credit or the invoice (`invoice_cents`: added to the
    invoices)."""

    absence_ids: list[int]
    credit_minutes: int | None = Field(description="Credit withdrawn in all; null: none")
    extra_days: list[RepricedExtraDayOut]
    invoice_cents: int


class CancelPreviewCollector:
    """Gathers the plans `preview_cancel` sees (server/agenda/absences.py) before each is
    applied; an extra day-part two of the absences pay shows once, from how it is paid now
    to how it is paid after the last of them."""

    def __init__(self) -> None:
        self._absences: list[int] = []
        self._credit: list[int] = []
        self._days: dict[int, RepricedExtraDayOut] = {}

    def seen(self, absence: Absence, plan: list[Repricing]) -> None:
        self._absences.append(absence.id)
        if (minutes := absence_out(absence, "").credit_minutes) is not None:
            self._credit.append(minutes)
        for r in plan:
            before = self._days.get(r.item.id)
            self._days[r.item.id] = RepricedExtraDayOut(
                request_id=r.request.id, status=r.request.status, date=r.item.date,
                day_part=r.item.day_part, minutes=r.item.minutes,
                credit_minutes_before=before.credit_minutes_before if before
                else r.item.credit_minutes,
                credit_minutes=r.credit_minutes,
                invoice_cents_before=before.invoice_cents_before if before
                else r.item.invoice_cents,
                invoice_cents=r.invoice_cents)

    def out(self) -> CancelPreviewOut:
        days = sorted(self._days.values(), key=lambda d: d.date)  # stable: plan order
        return CancelPreviewOut(
            absence_ids=self._absences, credit_minutes=sum(self._credit) if self._credit
            else None, extra_days=days,
            invoice_cents=sum(d.invoice_cents - d.invoice_cents_before for d in days))
