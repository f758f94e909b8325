"""Records of the group day and the diary (docs/api.md, "Group day and diary"): the staff's
view of a group's day, a child's diary day by day, and what staff and parents write."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from desktop.api.agenda.records import DayPart
from desktop.api.core.fields import (
    Json,
    as_date,
    as_int,
    as_optional_str,
    as_str,
    as_time,
    as_timestamp,
)

__all__ = [
    "AttendanceChange",
    "AttendanceDraft",
    "ChildStatus",
    "DiaryDay",
    "DiaryEntry",
    "DiaryPage",
    "EntryDraft",
    "EntryKind",
    "GroupDay",
    "GroupDayChild",
    "GroupDayCount",
]


class EntryKind(StrEnum):
    """What a diary entry is (the server's `EntryKind`)."""

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


class ChildStatus(StrEnum):
    EXPECTED = "expected"
    ARRIVED = "arrived"
    LEFT = "left"
    ABSENT = "absent"
    NOT_EXPECTED = "not_expected"


# By value, without the Enum machinery: two years of a diary are thousands of entries.
_KINDS = {kind.value: kind for kind in EntryKind}


def _clock(value: Any) -> time | None:
    return None if value is None else as_time(value)


def _hhmm(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


@dataclass(frozen=True)
class GroupDayChild:
    child_id: int
    first_name: str
    last_name: str
    status: ChildStatus
    day_parts: tuple[DayPart, ...]
    absent_parts: tuple[DayPart, ...]
    absence_reason: str | None
    arrived_at: time | None
    left_at: time | None
    note: str | None
    allergies: str | None
    diet: str | None
    medical_notes: str | None
    medication_consent: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @classmethod
    def from_json(cls, data: Json) -> GroupDayChild:
        parts = data["day_parts"]
        absent = [p for p in parts if p["status"] == "absent"]
        return cls(
            child_id=as_int(data["child_id"]), first_name=as_str(data["first_name"]),
            last_name=as_str(data["last_name"]), status=ChildStatus(data["status"]),
            day_parts=tuple(DayPart(p["day_part"]) for p in parts),
            absent_parts=tuple(DayPart(p["day_part"]) for p in absent),
            absence_reason=as_optional_str(absent[0]["absence_reason"]) if absent else None,
            arrived_at=_clock(data["arrived_at"]), left_at=_clock(data["left_at"]),
            note=as_optional_str(data["note"]), allergies=as_optional_str(data["allergies"]),
            diet=as_optional_str(data["diet"]),
            medical_notes=as_optional_str(data["medical_notes"]),
            medication_consent=bool(data["medication_consent"]))


@dataclass(frozen=True)
class GroupDayCount:
    day_part: DayPart
    expected: int
    capacity: int


@dataclass(frozen=True)
class GroupDay:
    group_id: int
    day: date
    children: tuple[GroupDayChild, ...]
    counts: tuple[GroupDayCount, ...]
    present: int

    @classmethod
    def from_json(cls, data: Json) -> GroupDay:
        return cls(group_id=as_int(data["group_id"]), day=as_date(data["date"]),
                   children=tuple(GroupDayChild.from_json(c) for c in data["children"]),
                   counts=tuple(GroupDayCount(DayPart(c["day_part"]), as_int(c["expected"]),
                                              as_int(c["capacity"])) for c in data["counts"]),
                   present=as_int(data["present"]))


@dataclass(frozen=True)
class AttendanceDraft:
    """A child's arrival and departure as they should be now."""

    child_id: int
    group_id: int
    day: date
    arrived_at: time | None
    left_at: time | None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"child_id": self.child_id, "group_id": self.group_id,
                "date": self.day.isoformat(),
                "arrived_at": _hhmm(self.arrived_at), "left_at": _hhmm(self.left_at),
                "note": self.note}


@dataclass(frozen=True)
class EntryDraft:
    """A diary entry as written, for one or more children; also the outbox's payload."""

    child_ids: tuple[int, ...]
    day: date
    kind: EntryKind
    at: time | None
    text: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"child_ids": list(self.child_ids), "date": self.day.isoformat(),
                "kind": self.kind.value, "time": _hhmm(self.at), "text": self.text,
                "details": dict(self.details)}

    @classmethod
    def from_json(cls, data: Json) -> EntryDraft:
        return cls(child_ids=tuple(as_int(c) for c in data["child_ids"]),
                   day=as_date(data["date"]), kind=EntryKind(data["kind"]),
                   at=_clock(data["time"]), text=as_optional_str(data["text"]),
                   details=dict(data.get("details") or {}))


@dataclass(frozen=True)
class DiaryEntry:
    id: int
    child_id: int
    day: date
    kind: EntryKind
    at: time | None
    text: str | None
    details: dict[str, Any]
    author_name: str
    by_parent: bool
    mine: bool
    created_at: datetime
    edited: bool
    deleted: bool = False  # the answer to a delete; a day's entries never are

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "child_id": self.child_id, "date": self.day.isoformat(),
                "kind": self.kind.value, "time": _hhmm(self.at), "text": self.text,
                "details": dict(self.details), "author_name": self.author_name,
                "author_role": "parent" if self.by_parent else "staff", "mine": self.mine,
                "created_at": self.created_at.isoformat(), "edited": self.edited,
                "deleted": self.deleted}

    @classmethod
    def from_json(cls, data: Json) -> DiaryEntry:
        return cls(id=as_int(data["id"]), child_id=as_int(data["child_id"]),
                   day=as_date(data["date"]), kind=_KINDS[data["kind"]],
                   at=_clock(data["time"]), text=as_optional_str(data["text"]),
                   details=dict(data["details"]), author_name=as_str(data["author_name"]),
                   by_parent=data["author_role"] == "parent", mine=bool(data["mine"]),
                   created_at=as_timestamp(data["created_at"]), edited=bool(data["edited"]),
                   deleted=bool(data.get("deleted", False)))


@dataclass(frozen=True)
class DiaryDay:
    """One day of a child's diary, whole: arrival, departure and its entries in time order."""

    day: date
    arrived_at: time | None
    left_at: time | None
    entries: tuple[DiaryEntry, ...]

    @property
    def empty(self) -> bool:
        return not self.entries and self.arrived_at is None and self.left_at is None

    @functools.cached_property
    def fingerprint(self) -> str:
        """What the day says, except the reader's own entries: a day that changed since it was
        read is new again, a parent's own note does not make it so. The repr of plain values
        (the same in every run, unlike ``hash``), not JSON: leaving the Dagboek after two
        years of scrolling fingerprints every day on the GUI thread."""
        others = tuple((e.id, e.kind.value, _hhmm(e.at), e.text, sorted(e.details.items()),
                        e.edited) for e in self.entries if not e.mine)
        text = repr((_hhmm(self.arrived_at), _hhmm(self.left_at), others))
        return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "arrived_at": _hhmm(self.arrived_at),
                "left_at": _hhmm(self.left_at), "entries": [e.to_json() for e in self.entries]}

    @classmethod
    def from_json(cls, data: Json) -> DiaryDay:
        return cls(day=as_date(data["date"]), arrived_at=_clock(data["arrived_at"]),
                   left_at=_clock(data["left_at"]),
                   entries=tuple(DiaryEntry.from_json(e) for e in data["entries"]))


@dataclass(frozen=True)
class AttendanceChange:
    """One registration or correction of a child's day: what it set, by whom, when."""

    arrived_at: time | None
    left_at: time | None
    note: str | None
    changed_by: str
    changed_at: datetime

    @classmethod
    def from_json(cls, data: Json) -> AttendanceChange:
        return cls(arrived_at=_clock(data["arrived_at"]), left_at=_clock(data["left_at"]),
                   note=as_optional_str(data["note"]), changed_by=as_str(data["changed_by"]),
                   changed_at=as_timestamp(data["changed_at"]))


@dataclass(frozen=True)
class DiaryPage:
    days: tuple[DiaryDay, ...]
    revision: int
    next_cursor: str | None

    @classmethod
    def from_json(cls, data: Json) -> DiaryPage:
        cursor = data.get("next_cursor")
        return cls(days=tuple(DiaryDay.from_json(d) for d in data["days"]),
                   revision=as_int(data["revision"]),
                   next_cursor=cursor if isinstance(cursor, str) else None)
