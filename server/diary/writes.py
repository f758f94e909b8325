"""The writes of the group day and the diary: registering arrival and departure (with their
history), writing, editing and deleting diary entries. Each takes the children's diary
revisions (`take_revisions`), so the sync sees every change (docs/api.md, "Group day and
diary")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import Settings
from server.diary.access import (
    diary_scope,
    not_in_future,
    parent_day,
    take_revisions,
    writable_day,
)
from server.diary.group_day import group_day
from server.diary.live import tell_families
from server.diary.rhythm import PARENT_KINDS, EntryContent, check_content
from server.models import Attendance, AttendanceChange, DiaryEntry, EntryKind, User
from server.problems import Problem


@dataclass(frozen=True)
class AttendanceDraft:
    """What staff register for a child in a group on a day; `None` clears a time."""

    child_id: int
    group_id: int
    day: date
    arrived_at: time | None
    left_at: time | None
    note: str | None


async def register_attendance(db: AsyncSession, settings: Settings, user: User,
                              draft: AttendanceDraft) -> Attendance:
    """Arrival and departure as they are now; a correction keeps what was there before in
    `attendance_change`. A child the group does not expect that day needs a note."""
    now = settings.now()
    writable_day(user, draft.day, now)
    for moment in (draft.arrived_at, draft.left_at):
        not_in_future(draft.day, moment, now)
    if draft.left_at is not None and (draft.arrived_at is None
                                      or draft.left_at < draft.arrived_at):
        raise Problem("attendance_departure_before_arrival")
    day = await group_day(db, user, draft.group_id, draft.day)
    child_day = next((d for d in day.children if d.child.id == draft.child_id), None)
    if child_day is None:
        raise Problem("not_found")
    if not child_day.parts and not (draft.note or "").strip():
        raise Problem("attendance_not_expected")
    revision = (await take_revisions(db, [draft.child_id]))[draft.child_id]
    attendance = await db.scalar(select(Attendance).where(
        Attendance.child_id == draft.child_id, Attendance.day == draft.day))
    if attendance is None:
        attendance = Attendance(child_id=draft.child_id, day=draft.day)
        db.add(attendance)
    attendance.group_id = draft.group_id
    attendance.arrived_at, attendance.left_at = draft.arrived_at, draft.left_at
    attendance.note = draft.note
    attendance.changed_by_id, attendance.changed_at = user.id, now
    attendance.revision = revision
    await db.flush()
    db.add(AttendanceChange(attendance_id=attendance.id, arrived_at=draft.arrived_at,
                            left_at=draft.left_at, note=draft.note, changed_by_id=user.id,
                            changed_at=now))
    await tell_families(db, [draft.child_id], draft.day, now)
    await db.commit()
    return attendance


async def write_entries(db: AsyncSession, settings: Settings, user: User, child_ids: list[int],
                        day: date, content: EntryContent) -> list[DiaryEntry]:
    """One entry per child ("iedereen fruit gegeten om 10:00"), all or none."""
    content = check_content(content)
    now = settings.now()
    today = settings.today()
    scopes = [await diary_scope(db, user, child_id, today) for child_id in child_ids]
    if user.role.is_parent:
        if content.kind not in PARENT_KINDS:
            raise Problem("forbidden")
        parent_day(day, today)
    else:
        writable_day(user, day, now)
        not_in_future(day, content.at, now)
        if not all(scope.covers(day) for scope in scopes):
            raise Problem("forbidden")
    if content.kind is EntryKind.MEDICATIE and not all(
            scope.child.consent_medication for scope in scopes):
        raise Problem("diary_medication_no_consent")
    revisions = await take_revisions(db, child_ids)
    entries = [DiaryEntry(child_id=child_id, day=day, kind=content.kind, at=content.at,
                          text=content.text, details=content.details, author_id=user.id,
                          by_parent=user.role.is_parent, created_at=now,
                          revision=revisions[child_id])
               for child_id in dict.fromkeys(child_ids)]
    db.add_all(entries)
    await tell_families(db, child_ids, day, now)
    await db.commit()
    return entries


async def own_entry(db: AsyncSession, settings: Settings, user: User,
                    entry_id: int) -> DiaryEntry:
    """An entry the caller may see (else `not_found`) and wrote (else `forbidden`): parents
    never change the staff's entries, nor staff the parents'."""
    entry = await db.get(DiaryEntry, entry_id)
    if entry is None or entry.deleted_at is not None:
        raise Problem("not_found")
    scope = await diary_scope(db, user, entry.child_id, settings.today())
    if not scope.covers(entry.day):
        raise Problem("not_found")
    if entry.author_id != user.id:
        raise Problem("forbidden")
    if not user.role.is_parent:
        writable_day(user, entry.day, settings.now())
    return entry


async def edit_entry(db: AsyncSession, settings: Settings, user: User, entry_id: int,
                     content: EntryContent) -> DiaryEntry:
    entry = await own_entry(db, settings, user, entry_id)
    if content.kind is not entry.kind:
        raise Problem("validation_error",
                      errors=[{"field": "kind", "message": "an entry keeps its kind"}])
    content = check_content(content)
    if not user.role.is_parent:
        not_in_future(entry.day, content.at, settings.now())
    revision = (await take_revisions(db, [entry.child_id]))[entry.child_id]
    entry.at, entry.text, entry.details = content.at, content.text, content.details
    entry.edited_at, entry.revision = settings.now(), revision
    await tell_families(db, [entry.child_id], entry.day, settings.now())
    await db.commit()
    return entry


async def delete_entry(db: AsyncSession, settings: Settings, user: User,
                       entry_id: int) -> DiaryEntry:
    entry = await own_entry(db, settings, user, entry_id)
    revision = (await take_revisions(db, [entry.child_id]))[entry.child_id]
    entry.deleted_at, entry.revision = settings.now(), revision
    await tell_families(db, [entry.child_id], entry.day, settings.now())
    await db.commit()
    return entry
