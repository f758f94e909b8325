"""Reading a child's diary day by day: the history page by page (newest day first) and the
incremental sync (the days changed after a revision). A day comes whole — its arrival and
departure and every entry that is not deleted — so the app replaces its copy of the day; a
day with nothing left comes empty, which tells the app to drop it (docs/api.md, "Group day
and diary")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, union
from sqlalchemy.ext.asyncio import AsyncSession

from server.diary.access import DiaryScope
from server.models import Attendance, DiaryEntry, User
from server.paging import DESC, Keyset, PageRequest


@dataclass(frozen=True)
class DiaryDay:
    day: date
    attendance: Attendance | None
    entries: list[tuple[DiaryEntry, str]]  # with the author's name


def _days_query(scope: DiaryScope, since: int | None,  # noqa: ANN202 (a select and its column)
                between: tuple[date, date] | None):
    child_id = scope.child.id
    entries = select(DiaryEntry.day.label("day")).where(DiaryEntry.child_id == child_id)
    attendance = select(Attendance.day.label("day")).where(Attendance.child_id == child_id)
    if since is None:  # the history: what is there; the sync also what went
        entries = entries.where(DiaryEntry.deleted_at.is_(None))
    else:
        entries = entries.where(DiaryEntry.revision > since)
        attendance = attendance.where(Attendance.revision > since)
    days = union(entries, attendance).subquery()
    query = select(days.c.day)
    if scope.first_day is not None:
        query = query.where(days.c.day >= scope.first_day)
    if scope.last_day is not None:
        query = query.where(days.c.day <= scope.last_day)
    if between is not None:
        query = query.where(days.c.day.between(*between))
    return query, days.c.day


async def diary_days(db: AsyncSession, scope: DiaryScope, paging: PageRequest, *,
                     since: int | None = None,
                     between: tuple[date, date] | None = None
                     ) -> tuple[list[DiaryDay], str | None]:
    """One page of the child's days (those `between` two days, inclusive), newest first,
    and the next page's cursor."""
    query, column = _days_query(scope, since, between)
    keyset = Keyset("diary", (column, DESC), types=[date])
    found = list((await db.scalars(keyset.select(query, paging))).all())
    shown, next_cursor = keyset.page(found, paging, lambda d: (d,))
    shown = [d for d in shown if scope.covers(d)]
    if not shown:
        return [], next_cursor
    child_id = scope.child.id
    attendance = {a.day: a for a in (await db.scalars(select(Attendance).where(
        Attendance.child_id == child_id, Attendance.day.in_(shown)))).all()}
    entries: dict[date, list[tuple[DiaryEntry, str]]] = {}
    for entry, name in await db.execute(
            select(DiaryEntry, User.name).join(User, User.id == DiaryEntry.author_id)
            .where(DiaryEntry.child_id == child_id, DiaryEntry.day.in_(shown),
                   DiaryEntry.deleted_at.is_(None))
            .order_by(DiaryEntry.day, DiaryEntry.at.is_(None).desc(), DiaryEntry.at,
                      DiaryEntry.id)):
        entries.setdefault(entry.day, []).append((entry, name))
    return [DiaryDay(d, attendance.get(d), entries.get(d, [])) for d in shown], next_cursor
