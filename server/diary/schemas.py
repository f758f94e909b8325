"""Request and response bodies of the group day and the diary (docs/api.md, "Group day and
diary")."""

from __future__ import annotations

from datetime import date, datetime
from datetime import time as Clock  # a field is called `time`
from typing import Annotated, Any

from pydantic import BaseModel, Field

from server.agenda.schemas import ChildId
from server.config import AMSTERDAM
from server.diary.group_day import ChildDay, GroupDay
from server.diary.rhythm import EntryContent
from server.diary.timeline import DiaryDay
from server.models import AbsenceReason, Attendance, DayPart, DiaryEntry, EntryKind
from server.validation import ApiDate, FreeText, PlainText

GroupId = Annotated[int, Field(ge=1, le=2_147_483_647)]
# A rhythm value: a short text, a number or a time ("14:15"); the kind says which (rhythm.py).
DetailValue = Annotated[PlainText, Field(max_length=200)] | int | float


def _clock(value: Clock | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


class AttendanceIn(BaseModel):
    """A child's arrival and departure as they should be now (null: not (yet) there)."""

    child_id: ChildId
    group_id: GroupId
    date: ApiDate
    arrived_at: Clock | None = None
    left_at: Clock | None = None
    note: FreeText | None = Field(default=None, max_length=500)


class AttendanceOut(BaseModel):
    child_id: int
    group_id: int
    date: date
    arrived_at: str | None
    left_at: str | None
    note: str | None
    changed_by: str
    changed_at: datetime


def attendance_out(attendance: Attendance, changed_by: str) -> AttendanceOut:
    return AttendanceOut(child_id=attendance.child_id, group_id=attendance.group_id,
                         date=attendance.day, arrived_at=_clock(attendance.arrived_at),
                         left_at=_clock(attendance.left_at), note=attendance.note,
                         changed_by=changed_by,
                         changed_at=attendance.changed_at.astimezone(AMSTERDAM))


class GroupDayPartOut(BaseModel):
    day_part: DayPart
    status: str = Field(description="`expected` or `absent`")
    absence_reason: AbsenceReason | None
    absence_note: str | None
    extra_day: bool


class GroupDayChildOut(BaseModel):
    child_id: int
    first_name: str
    last_name: str
    status: str = Field(description="`expected`, `arrived`, `left`, `absent`, `not_expected`")
    day_parts: list[GroupDayPartOut]
    arrived_at: str | None
    left_at: str | None
    note: str | None
    allergies: str | None
    diet: str | None
    medical_notes: str | None
    medication_consent: bool


class GroupDayCountOut(BaseModel):
    day_part: DayPart
    expected: int
    capacity: int


class GroupDayOut(BaseModel):
    group_id: int
    date: date
    children: list[GroupDayChildOut]
    counts: list[GroupDayCountOut]
    present: int = Field(description="children arrived and not gone home yet")


def _child_out(day: ChildDay) -> GroupDayChildOut:
    attendance, details = day.attendance, day.details
    parts = [GroupDayPartOut(
        day_part=part, status="absent" if part in day.absences else "expected",
        absence_reason=day.absences[part].reason if part in day.absences else None,
        absence_note=day.absences[part].note if part in day.absences else None,
        extra_day=part in day.extra) for part in day.parts]
    return GroupDayChildOut(
        child_id=day.child.id, first_name=day.child.first_name, last_name=day.child.last_name,
        status=day.status, day_parts=parts,
        arrived_at=_clock(attendance.arrived_at) if attendance else None,
        left_at=_clock(attendance.left_at) if attendance else None,
        note=attendance.note if attendance else None,
        allergies=details.allergies if details else None,
        diet=details.diet if details else None,
        medical_notes=details.medical_notes if details else None,
        medication_consent=day.child.consent_medication)


def group_day_out(day: GroupDay) -> GroupDayOut:
    children = [_child_out(c) for c in day.children]
    parts = sorted({p for c in day.children for p in c.parts} | set(day.places),
                   key=list(DayPart).index)
    counts = [GroupDayCountOut(
        day_part=part, capacity=day.places.get(part, 0),
        expected=sum(1 for c in day.children if part in c.parts and part not in c.absences))
        for part in parts]
    return GroupDayOut(group_id=day.group_id, date=day.day, children=children, counts=counts,
                       present=sum(1 for c in children if c.status == "arrived"))


class EntryEditIn(BaseModel):
    """What an entry says: its kind (kept on an edit), time, text and the kind's values."""

    kind: EntryKind
    time: Clock | None = None
    text: FreeText | None = Field(default=None, max_length=4000)
    details: dict[Annotated[str, Field(max_length=20)], DetailValue] = Field(
        default_factory=dict, max_length=5)

    def content(self) -> EntryContent:
        return EntryContent(self.kind, self.time, self.text, dict(self.details))


class EntryIn(EntryEditIn):
    """A diary entry for one or more children (staff: several at once)."""

    child_ids: list[ChildId] = Field(min_length=1, max_length=30)
    date: ApiDate


class EntryOut(BaseModel):
    id: int
    child_id: int
    date: date
    kind: EntryKind
    time: str | None
    text: str | None
    details: dict[str, Any]
    author_name: str
    author_role: str = Field(description="`staff` or `parent`")
    mine: bool
    created_at: datetime
    edited: bool
    deleted: bool


def entry_out(entry: DiaryEntry, author_name: str, user_id: int) -> EntryOut:
    return EntryOut(id=entry.id, child_id=entry.child_id, date=entry.day, kind=entry.kind,
                    time=_clock(entry.at), text=entry.text, details=entry.details,
                    author_name=author_name,
                    author_role="parent" if entry.by_parent else "staff",
                    mine=entry.author_id == user_id,
                    created_at=entry.created_at.astimezone(AMSTERDAM),
                    edited=entry.edited_at is not None, deleted=entry.deleted_at is not None)


class EntriesOut(BaseModel):
    entries: list[EntryOut]


class DiaryDayOut(BaseModel):
    date: date
    arrived_at: str | None
    left_at: str | None
    entries: list[EntryOut]


class DiaryPage(BaseModel):
    days: list[DiaryDayOut]
    revision: int = Field(description="the child's diary revision: send it as `since`")
    next_cursor: str | None


def day_out(day: DiaryDay, user_id: int) -> DiaryDayOut:
    attendance = day.attendance
    return DiaryDayOut(date=day.day, arrived_at=_clock(attendance.arrived_at) if attendance
                       else None, left_at=_clock(attendance.left_at) if attendance else None,
                       entries=[entry_out(e, name, user_id) for e, name in day.entries])
