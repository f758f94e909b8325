"""The group day's attendance and the daily report (dagverslag / dagboek): docs/api.md, "Diary".

Every row carries the child's diary `revision` at its last change: the sync asks for what
changed after the revision it has (`GET /diary?since=`). A revision is taken under the child's
row lock (`server/diary/revisions.py`), so revisions commit in order and a sync never skips
one. Deleted entries stay as rows with `deleted_at` until the purge, so the sync can tell the
app they are gone."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime, str_enum


class EntryKind(StrEnum):
    """What a diary entry is: the staff's day text, one of the day's rhythm, or a note."""

    VERSLAG = "verslag"
    ETEN = "eten"
    DRINKEN = "drinken"
    SLAPEN = "slapen"
    LUIER = "luier"
    ACTIVITEIT = "activiteit"
    MEDICATIE = "medicatie"
    TEMPERATUUR = "temperatuur"
    ZONNEBRAND = "zonnebrand"
    NOTITIE = "notitie"


class Attendance(Base):
    """A child's arrival and departure on one day, in the group it was registered in."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("child_id", "day", name="uq_attendance_child_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("care_group.id"))
    day: Mapped[date]
    arrived_at: Mapped[time | None]
    left_at: Mapped[time | None]
    note: Mapped[str | None] = mapped_column(String(500))
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revision: Mapped[int]


class AttendanceChange(Base):
    """The history of an attendance: each registration or correction, what it set, by whom."""

    __tablename__ = "attendance_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    attendance_id: Mapped[int] = mapped_column(
        ForeignKey("attendance.id", ondelete="CASCADE"), index=True)
    arrived_at: Mapped[time | None]
    left_at: Mapped[time | None]
    note: Mapped[str | None] = mapped_column(String(500))
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DiaryEntry(Base):
    """One entry of a child's day: written by staff (any kind) or a parent (a note)."""

    __tablename__ = "diary_entry"
    __table_args__ = (Index("ix_diary_entry_child_day", "child_id", "day"),
                      Index("ix_diary_entry_child_revision", "child_id", "revision"))

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    day: Mapped[date]
    kind: Mapped[EntryKind] = mapped_column(str_enum(EntryKind, "entry_kind"))
    at: Mapped[time | None]
    text: Mapped[str | None] = mapped_column(String(4000))
    # The kind's own values (server/diary/rhythm.py): {"ml": 180}, {"until": "14:15"}, …
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    by_parent: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    edited_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revision: Mapped[int]
