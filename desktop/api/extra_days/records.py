"""Records of extra days (dag aanvragen, docs/api.md "Extra days"): what the wizard asks, the
server's cost preview, a submitted request with its decision, and — for the staff who decide —
the group's places on each requested day-part."""

from __future__ import annotations

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
    "CapacityDay",
    "ExtraDayDraft",
    "ExtraDayItem",
    "ExtraDayPayment",
    "ExtraDayPreview",
    "ExtraDayRequest",
    "ExtraDayStatus",
    "SkippedDay",
]


class ExtraDayPayment(StrEnum):
    """How an extra day is paid: absence credit only, on the invoice, or credit first."""

    CREDIT = "credit"
    INVOICE = "invoice"
    MIXED = "mixed"


class ExtraDayStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ExtraDayDraft:
    """What the extra-day wizard asks: these children, these days, this day-part (None: the
    whole day), paid this way. ``day_parts`` gives children their own day-part (a KDV child
    the whole day, a BSO child after school): (child id, day-part) pairs."""

    child_ids: tuple[int, ...]
    first_date: date
    last_date: date
    day_part: DayPart | None
    payment: ExtraDayPayment
    note: str = ""
    day_parts: tuple[tuple[int, DayPart | None], ...] = ()

    def part_of(self, child_id: int) -> DayPart | None:
        return dict(self.day_parts).get(child_id, self.day_part)

    def to_json(self) -> dict[str, Any]:
        return {"child_ids": list(self.child_ids), "first_date": self.first_date.isoformat(),
                "last_date": self.last_date.isoformat(),
                "day_part": None if self.day_part is None else self.day_part.value,
                "day_parts": {str(child): None if part is None else part.value
                              for child, part in self.day_parts},
                "payment": self.payment.value, "note": self.note or None}


@dataclass(frozen=True)
class ExtraDayItem:
    """One extra day-part with its cost: `credit_minutes` paid from credit, the rest invoiced."""

    child_id: int
    date: date
    day_part: DayPart
    start: time
    end: time
    minutes: int
    hourly_rate_cents: int
    credit_minutes: int
    invoice_cents: int

    def to_json(self) -> dict[str, Any]:
        return {"child_id": self.child_id, "date": self.date.isoformat(),
                "day_part": self.day_part.value, "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M"), "minutes": self.minutes,
                "hourly_rate_cents": self.hourly_rate_cents,
                "credit_minutes": self.credit_minutes, "invoice_cents": self.invoice_cents}

    @classmethod
    def from_json(cls, data: Json) -> ExtraDayItem:
        return cls(as_int(data["child_id"]), as_date(data["date"]), DayPart(data["day_part"]),
                   as_time(data["start"]), as_time(data["end"]), as_int(data["minutes"]),
                   as_int(data["hourly_rate_cents"]), as_int(data["credit_minutes"]),
                   as_int(data["invoice_cents"]))


@dataclass(frozen=True)
class SkippedDay:
    """A requested day left out, with why (weekend, closing_day, not_offered, ...)."""

    child_id: int
    date: date
    day_part: DayPart | None
    reason: str

    @classmethod
    def from_json(cls, data: Json) -> SkippedDay:
        part = data.get("day_part")
        return cls(as_int(data["child_id"]), as_date(data["date"]),
                   None if part is None else DayPart(part), as_str(data["reason"]))


@dataclass(frozen=True)
class ExtraDayPreview:
    """What a request would cost, computed by the server before anything is stored.
    ``credit_usable_minutes``: per child, the credit that can pay for these very day-parts
    (credit expiring before a requested day cannot), whatever the chosen payment."""

    items: tuple[ExtraDayItem, ...]
    skipped: tuple[SkippedDay, ...]
    total_minutes: int
    credit_minutes: int
    invoice_cents: int
    credit_available_minutes: dict[int, int]
    credit_usable_minutes: dict[int, int] = field(default_factory=dict)

    def minutes_of(self, child_id: int) -> int:
        """The minutes of care requested for one child."""
        return sum(i.minutes for i in self.items if i.child_id == child_id)

    @classmethod
    def from_json(cls, data: Json) -> ExtraDayPreview:
        return cls(tuple(ExtraDayItem.from_json(i) for i in data["items"]),
                   tuple(SkippedDay.from_json(s) for s in data["skipped"]),
                   as_int(data["total_minutes"]), as_int(data["credit_minutes"]),
                   as_int(data["invoice_cents"]),
                   {int(k): as_int(v) for k, v in data["credit_available_minutes"].items()},
                   {int(k): as_int(v)
                    for k, v in data.get("credit_usable_minutes", {}).items()})


@dataclass(frozen=True)
class ExtraDayRequest:
    """A submitted request for one child."""

    id: int
    child_id: int
    first_date: date
    last_date: date
    day_part: DayPart | None
    payment: ExtraDayPayment
    status: ExtraDayStatus
    items: tuple[ExtraDayItem, ...]
    credit_minutes: int
    invoice_cents: int
    submitted_by: str
    decision_reason: str | None
    child_name: str = ""  # the full name (staff have no family to look the child up in)
    note: str | None = None
    group_name: str = ""
    decided_by: str | None = None
    decided_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "child_id": self.child_id,
                "first_date": self.first_date.isoformat(),
                "last_date": self.last_date.isoformat(),
                "day_part": None if self.day_part is None else self.day_part.value,
                "payment": self.payment.value, "status": self.status.value,
                "items": [i.to_json() for i in self.items],
                "credit_minutes": self.credit_minutes, "invoice_cents": self.invoice_cents,
                "submitted_by": self.submitted_by, "decision_reason": self.decision_reason,
                "child_name": self.child_name, "note": self.note,
                "group_name": self.group_name, "decided_by": self.decided_by,
                "decided_at": self.decided_at.isoformat() if self.decided_at else None}

    @classmethod
    def from_json(cls, data: Json) -> ExtraDayRequest:
        part = data.get("day_part")
        return cls(as_int(data["id"]), as_int(data["child_id"]), as_date(data["first_date"]),
                   as_date(data["last_date"]), None if part is None else DayPart(part),
                   ExtraDayPayment(data["payment"]), ExtraDayStatus(data["status"]),
                   tuple(ExtraDayItem.from_json(i) for i in data["items"]),
                   as_int(data["credit_minutes"]), as_int(data["invoice_cents"]),
                   as_str(data["submitted_by"]), as_optional_str(data.get("decision_reason")),
                   as_optional_str(data.get("child_name")) or "",
                   as_optional_str(data.get("note")),
                   as_optional_str(data.get("group_name")) or "",
                   as_optional_str(data.get("decided_by")),
                   as_timestamp(decided) if (decided := data.get("decided_at")) else None)


@dataclass(frozen=True)
class CapacityDay:
    """The group's places on one requested day-part, for the staff who decide; ``asked_for``
    counts the group's other pending requests for it (they compete for the free places)."""

    date: date
    day_part: DayPart
    capacity: int
    occupied: int
    free: int
    asked_for: int = 0

    @classmethod
    def from_json(cls, data: Json) -> CapacityDay:
        return cls(as_date(data["date"]), DayPart(data["day_part"]), as_int(data["capacity"]),
                   as_int(data["occupied"]), as_int(data["free"]),
                   as_int(data.get("asked_for", 0)))
