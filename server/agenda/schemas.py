"""Request and response bodies of the agenda (`GET /agenda`), and the request body part the
absence and extra-day endpoints share (docs/api.md, "Agenda")."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, Field

from server.models import AbsenceReason, DayPart, ExtraDayStatus
from server.validation import ApiDate, FreeText

# Ids are 32-bit integer columns on PostgreSQL; larger numbers cannot name anything.
RecordId = Annotated[int, Field(ge=1, le=2_147_483_647)]
ChildId = RecordId


class ChildDaysIn(BaseModel):
    """These children from `first_date` to `last_date` (default: that one day), on one
    day-part or (null) the default of the endpoint."""

    child_ids: list[ChildId] = Field(min_length=1, max_length=20)
    first_date: ApiDate
    last_date: ApiDate | None = None
    day_part: DayPart | None = None
    note: FreeText | None = Field(default=None, max_length=500)


class PlannedDayPartOut(BaseModel):
    """One planned day-part of one child."""

    date: date
    child_id: int
    day_part: DayPart
    start: str
    end: str
    group_id: int
    contract_id: int


class ClosingDayOut(BaseModel):
    date: date
    location_id: int | None
    reason: str


class SchoolHolidayOut(BaseModel):
    """A school holiday of the region: BSO gives holiday care, 40-week contracts pause."""

    name: str
    first_date: date
    last_date: date


class AgendaAbsenceOut(BaseModel):
    """An active absence: the child is not expected on that planned day-part."""

    id: int
    date: date
    child_id: int
    day_part: DayPart
    reason: AbsenceReason


class AgendaExtraDayOut(BaseModel):
    """A requested extra day-part: pending, approved or rejected (withdrawn ones vanish); a
    rejection carries the group's reason, which the day panel shows."""

    request_id: int
    date: date
    child_id: int
    day_part: DayPart
    start: str
    end: str
    status: ExtraDayStatus
    decision_reason: str | None = None


class AgendaResponse(BaseModel):
    """The agenda for a range. When `unchanged` is true the caller's cursor is still current
    and the lists are empty: keep the cached copy."""

    from_date: date
    to_date: date
    cursor: str
    unchanged: bool
    planned: list[PlannedDayPartOut]
    closing_days: list[ClosingDayOut]
    school_holidays: list[SchoolHolidayOut]
    absences: list[AgendaAbsenceOut]
    extra_days: list[AgendaExtraDayOut]
