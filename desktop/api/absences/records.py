"""Records of absences (afmelden, docs/api.md "Absences" and "Absence credit"): a reported
absence, what the absence wizard sends, a report still waiting in the app's outbox, the
absence credit a child has earned, and what cancelling an absence would do to the extra days
its credit pays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.core.fields import (
    Json,
    as_date,
    as_int,
    as_optional_str,
    as_str,
    as_timestamp,
)
from desktop.api.extra_days.records import ExtraDayStatus

__all__ = ["Absence", "AbsenceDraft", "CancelPreview", "ChildCredit", "QueuedAbsence",
           "RepricedExtraDay"]


@dataclass(frozen=True)
class Absence:
    """An absence as ``/absences`` returns it; credit None when none was earned (or withdrawn)."""

    id: int
    child_id: int
    date: date
    day_part: DayPart
    reason: AbsenceReason
    note: str | None
    reported_by: str
    reported_at: datetime
    cancelled: bool
    credit_minutes: int | None
    credit_expires_on: date | None

    @classmethod
    def from_json(cls, data: Json) -> Absence:
        minutes = data.get("credit_minutes")
        expires = data.get("credit_expires_on")
        return cls(
            id=as_int(data["id"]), child_id=as_int(data["child_id"]), date=as_date(data["date"]),
            day_part=DayPart(data["day_part"]), reason=AbsenceReason(data["reason"]),
            note=as_optional_str(data.get("note")), reported_by=as_str(data["reported_by"]),
            reported_at=as_timestamp(data["reported_at"]),
            cancelled=as_str(data["status"]) == "cancelled",
            credit_minutes=None if minutes is None else as_int(minutes),
            credit_expires_on=None if expires is None else as_date(expires),
        )

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "child_id": self.child_id, "date": self.date.isoformat(),
                "day_part": self.day_part.value, "reason": self.reason.value, "note": self.note,
                "reported_by": self.reported_by, "reported_at": self.reported_at.isoformat(),
                "status": "cancelled" if self.cancelled else "active",
                "credit_minutes": self.credit_minutes,
                "credit_expires_on": None if self.credit_expires_on is None
                else self.credit_expires_on.isoformat()}


@dataclass(frozen=True)
class AbsenceDraft:
    """What the absence wizard asks the server: these children away on these days."""

    child_ids: tuple[int, ...]
    first_date: date
    last_date: date
    day_part: DayPart | None
    reason: AbsenceReason
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"child_ids": list(self.child_ids), "first_date": self.first_date.isoformat(),
                "last_date": self.last_date.isoformat(),
                "day_part": None if self.day_part is None else self.day_part.value,
                "reason": self.reason.value, "note": self.note or None}

    @classmethod
    def from_json(cls, data: Json) -> AbsenceDraft:
        part = data.get("day_part")
        return cls(tuple(as_int(c) for c in data["child_ids"]), as_date(data["first_date"]),
                   as_date(data["last_date"]), None if part is None else DayPart(part),
                   AbsenceReason(data["reason"]), data.get("note") or "")


@dataclass(frozen=True)
class QueuedAbsence:
    """A report still in the outbox: waiting for a connection, or refused by the server later
    (``refusal`` holds the server's message; it stays until the parent dismisses it)."""

    outbox_id: int
    draft: AbsenceDraft
    created_at: datetime
    refusal: str | None = None

    @property
    def refused(self) -> bool:
        return self.refusal is not None


@dataclass(frozen=True)
class ChildCredit:
    """A child's usable absence credit in minutes, and the last day any of it can pay for
    (credit only pays for extra days on or before its expiry date). ``expiries`` lists
    (expires on, minutes left), soonest first: what lapses when."""

    child_id: int
    available_minutes: int
    usable_until: date | None
    expiries: tuple[tuple[date, int], ...] = ()

    def expiring_before(self, day: date) -> list[tuple[date, int]]:
        """The credit that expires before ``day``, so it cannot pay for care on that day."""
        return [(expires, minutes) for expires, minutes in self.expiries if expires < day]

    @classmethod
    def from_json(cls, data: Json) -> ChildCredit:
        expiries = sorted((as_date(c["expires_on"]), as_int(c["available_minutes"]))
                          for c in data.get("credits", [])
                          if as_int(c["available_minutes"]) > 0)
        return cls(as_int(data["child_id"]), as_int(data["available_minutes"]),
                   max((e for e, _m in expiries), default=None), tuple(expiries))


@dataclass(frozen=True)
class RepricedExtraDay:
    """An extra day-part the absence's credit pays, before and after cancelling it."""

    request_id: int
    status: ExtraDayStatus
    date: date
    day_part: DayPart
    minutes: int
    credit_minutes_before: int
    credit_minutes: int
    invoice_cents_before: int
    invoice_cents: int

    @property
    def moved_minutes(self) -> int:
        """Minutes that move from absence credit to the invoice."""
        return self.credit_minutes_before - self.credit_minutes

    @classmethod
    def from_json(cls, data: Json) -> RepricedExtraDay:
        return cls(as_int(data["request_id"]), ExtraDayStatus(data["status"]),
                   as_date(data["date"]), DayPart(data["day_part"]), as_int(data["minutes"]),
                   as_int(data["credit_minutes_before"]), as_int(data["credit_minutes"]),
                   as_int(data["invoice_cents_before"]), as_int(data["invoice_cents"]))


@dataclass(frozen=True)
class CancelPreview:
    """What cancelling absences together would do (``GET /absences/cancel-preview``): the
    credit they earned is withdrawn, and each extra day that credit pays is paid again from
    other credit or on the invoice (``invoice_cents``: the extra amount in all)."""

    absence_ids: tuple[int, ...]
    credit_minutes: int | None
    extra_days: tuple[RepricedExtraDay, ...]
    invoice_cents: int

    @classmethod
    def from_json(cls, data: Json) -> CancelPreview:
        minutes = data.get("credit_minutes")
        return cls(tuple(as_int(i) for i in data["absence_ids"]),
                   None if minutes is None else as_int(minutes),
                   tuple(RepricedExtraDay.from_json(d) for d in data["extra_days"]),
                   as_int(data["invoice_cents"]))
