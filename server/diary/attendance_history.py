"""`GET /attendance/history`: who registered or corrected a child's arrival and departure on a
day, and when — every `attendance_change`, newest first, page by page (docs/api.md, "Group day
and diary"). Readable by whoever may see that child's group day on that day: staff of its group
today and yesterday, the location manager any day; parents see times in the diary instead."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.diary.access import diary_scope
from server.diary.group_day import readable_day
from server.models import Attendance, AttendanceChange, User
from server.paging import DESC, Keyset, PageRequest
from server.problems import Problem

HISTORY = Keyset("attendance-history", (AttendanceChange.id, DESC))


class AttendanceChangeOut(BaseModel):
    arrived_at: str | None
    left_at: str | None
    note: str | None
    changed_by: str
    changed_at: datetime


class AttendanceHistoryPage(BaseModel):
    changes: list[AttendanceChangeOut]
    next_cursor: str | None


def _clock(value: object) -> str | None:
    return value.strftime("%H:%M") if value is not None else None  # type: ignore[attr-defined]


async def attendance_history(db: AsyncSession, user: User, child_id: int, day: date,
                             today: date, paging: PageRequest) -> AttendanceHistoryPage:
    if user.role.is_parent:
        raise Problem("forbidden")
    readable_day(user, day, today)
    scope = await diary_scope(db, user, child_id, today)
    if not scope.covers(day):
        raise Problem("not_found")
    query = (select(AttendanceChange, User.name)
             .join(Attendance, Attendance.id == AttendanceChange.attendance_id)
             .join(User, User.id == AttendanceChange.changed_by_id)
             .where(Attendance.child_id == child_id, Attendance.day == day))
    rows = list((await db.execute(HISTORY.select(query, paging))).all())
    shown, next_cursor = HISTORY.page(rows, paging, lambda row: (row[0].id,))
    return AttendanceHistoryPage(changes=[AttendanceChangeOut(
        arrived_at=_clock(change.arrived_at), left_at=_clock(change.left_at), note=change.note,
        changed_by=name, changed_at=change.changed_at.astimezone(AMSTERDAM))
        for change, name in shown], next_cursor=next_cursor)
