"""Request and response bodies of the absence endpoints (docs/api.md, "Absences")."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from server.agenda.schemas import ChildDaysIn, RecordId
from server.models import Absence, AbsenceReason, DayPart


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
