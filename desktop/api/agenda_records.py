"""Records of the agenda API: planned day-parts, closing days, school holidays and absences.

Shapes: docs/api.md ("Agenda", "Absences"). :class:`Agenda` has ``to_json`` so the offline cache
stores a month exactly as the server sent it; :meth:`Agenda.day` answers "what happens on this
date" from an index built once, so painting a month never scans the whole list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from desktop.api.records import _date, _int, _optional_str, _str, _timestamp

__all__ = [
    "Absence",
    "AbsenceDraft",
    "AbsenceReason",
    "Agenda",
    "AgendaAbsence",
    "AgendaExtraDay",
    "CapacityDay",
    "ChildCredit",
    "ClosingDay",
    "DayAgenda",
    "DayPart",
    "ExtraDayDraft",
    "ExtraDayItem",
    "ExtraDayPreview",
    "ExtraDayRequest",
    "ExtraDayStatus",
    "Payment",
    "PlannedDayPart",
    "QueuedAbsence",
    "SchoolHoliday",
    "SkippedDay",
]

Json = Mapping[str, Any]


class DayPart(StrEnum):
    """The day-parts of care; KDV has ochtend and middag, BSO vso, nso and vakantie."""

    OCHTEND = "ochtend"
    MIDDAG = "middag"
    VSO = "vso"
    NSO = "nso"
    VAKANTIE = "vakantie"


class AbsenceReason(StrEnum):
    ZIEK = "ziek"
    VAKANTIE = "vakantie"
    OVERIG = "overig"


def _time(value: Any) -> time:
    return time.fromisoformat(_str(value))


@dataclass(frozen=True)
class PlannedDayPart:
    """One day-part a child's contract plans on one date."""

    date: date
    child_id: int
    day_part: DayPart
    start: time
    end: time
    group_id: int

    @classmethod
    def from_json(cls, data: Json) -> PlannedDayPart:
        return cls(_date(data["date"]), _int(data["child_id"]), DayPart(data["day_part"]),
                   _time(data["start"]), _time(data["end"]), _int(data["group_id"]))

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "child_id": self.child_id,
                "day_part": self.day_part.value, "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M"), "group_id": self.group_id}

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


@dataclass(frozen=True)
class ClosingDay:
    """A day without care; ``location_id`` None means every location."""

    date: date
    location_id: int | None
    reason: str

    @classmethod
    def from_json(cls, data: Json) -> ClosingDay:
        location = data.get("location_id")
        return cls(_date(data["date"]), None if location is None else _int(location),
                   _str(data["reason"]))

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "location_id": self.location_id,
                "reason": self.reason}


@dataclass(frozen=True)
class SchoolHoliday:
    """A school holiday of the region (BSO gives holiday care, 40-week contracts pause)."""

    name: str
    first_date: date
    last_date: date

    @classmethod
    def from_json(cls, data: Json) -> SchoolHoliday:
        return cls(_str(data["name"]), _date(data["first_date"]), _date(data["last_date"]))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "first_date": self.first_date.isoformat(),
                "last_date": self.last_date.isoformat()}


@dataclass(frozen=True)
class AgendaAbsence:
    """An absent day-part. ``queued``: still in the outbox, waiting for a connection (no id)."""

    id: int | None
    date: date
    child_id: int
    day_part: DayPart
    reason: AbsenceReason
    queued: bool = False

    @classmethod
    def from_json(cls, data: Json) -> AgendaAbsence:
        return cls(_int(data["id"]), _date(data["date"]), _int(data["child_id"]),
                   DayPart(data["day_part"]), AbsenceReason(data["reason"]))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date.isoformat(), "child_id": self.child_id,
                "day_part": self.day_part.value, "reason": self.reason.value}


@dataclass(frozen=True)
class AgendaExtraDay:
    """An extra day-part requested for a child: pending, approved or rejected."""

    request_id: int
    date: date
    child_id: int
    day_part: DayPart
    status: str
    start: time
    end: time

    @classmethod
    def from_json(cls, data: Json) -> AgendaExtraDay:
        return cls(_int(data["request_id"]), _date(data["date"]), _int(data["child_id"]),
                   DayPart(data["day_part"]), _str(data["status"]), _time(data["start"]),
                   _time(data["end"]))

    def to_json(self) -> dict[str, Any]:
        return {"request_id": self.request_id, "date": self.date.isoformat(),
                "child_id": self.child_id, "day_part": self.day_part.value,
                "status": self.status, "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M")}


@dataclass(frozen=True)
class DayAgenda:
    """Everything on one date, for all children of the agenda."""

    date: date
    planned: tuple[PlannedDayPart, ...] = ()
    absences: tuple[AgendaAbsence, ...] = ()
    closing_days: tuple[ClosingDay, ...] = ()
    school_holiday: str | None = None
    extra_days: tuple[AgendaExtraDay, ...] = ()

    def absence_of(self, child_id: int, part: DayPart) -> AgendaAbsence | None:
        return next((a for a in self.absences
                     if a.child_id == child_id and a.day_part is part), None)


@dataclass(frozen=True)
class Agenda:
    """The agenda of a date range (one month in the app) as ``GET /agenda`` returned it."""

    first: date
    last: date
    cursor: str
    planned: tuple[PlannedDayPart, ...] = ()
    closing_days: tuple[ClosingDay, ...] = ()
    school_holidays: tuple[SchoolHoliday, ...] = ()
    absences: tuple[AgendaAbsence, ...] = ()
    extra_days: tuple[AgendaExtraDay, ...] = ()
    _days: dict[date, DayAgenda] = field(default_factory=dict, init=False, repr=False,
                                         compare=False, hash=False)

    @classmethod
    def from_json(cls, data: Json) -> Agenda:
        return cls(
            first=_date(data["from_date"]), last=_date(data["to_date"]),
            cursor=_str(data["cursor"]),
            planned=tuple(PlannedDayPart.from_json(p) for p in data["planned"]),
            closing_days=tuple(ClosingDay.from_json(c) for c in data["closing_days"]),
            school_holidays=tuple(SchoolHoliday.from_json(h)
                                  for h in data.get("school_holidays", ())),
            absences=tuple(AgendaAbsence.from_json(a) for a in data["absences"]),
            extra_days=tuple(AgendaExtraDay.from_json(e) for e in data.get("extra_days", ())),
        )

    def to_json(self) -> dict[str, Any]:
        return {"from_date": self.first.isoformat(), "to_date": self.last.isoformat(),
                "cursor": self.cursor, "unchanged": False,
                "planned": [p.to_json() for p in self.planned],
                "closing_days": [c.to_json() for c in self.closing_days],
                "school_holidays": [h.to_json() for h in self.school_holidays],
                "absences": [a.to_json() for a in self.absences if not a.queued],
                "extra_days": [e.to_json() for e in self.extra_days]}

    def with_absences(self, absences: tuple[AgendaAbsence, ...]) -> Agenda:
        """A copy with other absences (the app adds the ones still waiting in the outbox)."""
        return Agenda(self.first, self.last, self.cursor, self.planned, self.closing_days,
                      self.school_holidays, absences, self.extra_days)

    def day(self, day: date) -> DayAgenda:
        """What happens on `day` (empty outside the range)."""
        if not self._days:
            self._days.update(self._index())
        return self._days.get(day) or DayAgenda(day)

    def _index(self) -> dict[date, DayAgenda]:
        planned: dict[date, list[PlannedDayPart]] = {}
        for p in self.planned:
            planned.setdefault(p.date, []).append(p)
        absences: dict[date, list[AgendaAbsence]] = {}
        for a in self.absences:
            absences.setdefault(a.date, []).append(a)
        closing: dict[date, list[ClosingDay]] = {}
        for c in self.closing_days:
            closing.setdefault(c.date, []).append(c)
        extra: dict[date, list[AgendaExtraDay]] = {}
        for e in self.extra_days:
            extra.setdefault(e.date, []).append(e)
        days = set(planned) | set(absences) | set(closing) | set(extra)
        holidays: dict[date, str] = {}
        for h in self.school_holidays:
            for d in _dates(max(h.first_date, self.first), min(h.last_date, self.last)):
                holidays[d] = h.name
        days |= set(holidays)
        return {d: DayAgenda(d, tuple(planned.get(d, ())), tuple(absences.get(d, ())),
                             tuple(closing.get(d, ())), holidays.get(d),
                             tuple(extra.get(d, ()))) for d in days}


def _dates(first: date, last: date) -> list[date]:
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


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
            id=_int(data["id"]), child_id=_int(data["child_id"]), date=_date(data["date"]),
            day_part=DayPart(data["day_part"]), reason=AbsenceReason(data["reason"]),
            note=_optional_str(data.get("note")), reported_by=_str(data["reported_by"]),
            reported_at=_timestamp(data["reported_at"]),
            cancelled=_str(data["status"]) == "cancelled",
            credit_minutes=None if minutes is None else _int(minutes),
            credit_expires_on=None if expires is None else _date(expires),
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
        return cls(tuple(_int(c) for c in data["child_ids"]), _date(data["first_date"]),
                   _date(data["last_date"]), None if part is None else DayPart(part),
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


class Payment(StrEnum):
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
    whole day), paid this way."""

    child_ids: tuple[int, ...]
    first_date: date
    last_date: date
    day_part: DayPart | None
    payment: Payment
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"child_ids": list(self.child_ids), "first_date": self.first_date.isoformat(),
                "last_date": self.last_date.isoformat(),
                "day_part": None if self.day_part is None else self.day_part.value,
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
        return cls(_int(data["child_id"]), _date(data["date"]), DayPart(data["day_part"]),
                   _time(data["start"]), _time(data["end"]), _int(data["minutes"]),
                   _int(data["hourly_rate_cents"]), _int(data["credit_minutes"]),
                   _int(data["invoice_cents"]))


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
        return cls(_int(data["child_id"]), _date(data["date"]),
                   None if part is None else DayPart(part), _str(data["reason"]))


@dataclass(frozen=True)
class ExtraDayPreview:
    """What a request would cost, computed by the server before anything is stored."""

    items: tuple[ExtraDayItem, ...]
    skipped: tuple[SkippedDay, ...]
    total_minutes: int
    credit_minutes: int
    invoice_cents: int
    credit_available_minutes: dict[int, int]

    @classmethod
    def from_json(cls, data: Json) -> ExtraDayPreview:
        return cls(tuple(ExtraDayItem.from_json(i) for i in data["items"]),
                   tuple(SkippedDay.from_json(s) for s in data["skipped"]),
                   _int(data["total_minutes"]), _int(data["credit_minutes"]),
                   _int(data["invoice_cents"]),
                   {int(k): _int(v) for k, v in data["credit_available_minutes"].items()})


@dataclass(frozen=True)
class ExtraDayRequest:
    """A submitted request for one child."""

    id: int
    child_id: int
    first_date: date
    last_date: date
    day_part: DayPart | None
    payment: Payment
    status: ExtraDayStatus
    items: tuple[ExtraDayItem, ...]
    credit_minutes: int
    invoice_cents: int
    submitted_by: str
    decision_reason: str | None
    child_name: str = ""  # the full name (staff have no family to look the child up in)
    note: str | None = None
    group_name: str = ""

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
                "group_name": self.group_name}

    @classmethod
    def from_json(cls, data: Json) -> ExtraDayRequest:
        part = data.get("day_part")
        return cls(_int(data["id"]), _int(data["child_id"]), _date(data["first_date"]),
                   _date(data["last_date"]), None if part is None else DayPart(part),
                   Payment(data["payment"]), ExtraDayStatus(data["status"]),
                   tuple(ExtraDayItem.from_json(i) for i in data["items"]),
                   _int(data["credit_minutes"]), _int(data["invoice_cents"]),
                   _str(data["submitted_by"]), _optional_str(data.get("decision_reason")),
                   _optional_str(data.get("child_name")) or "", _optional_str(data.get("note")),
                   _optional_str(data.get("group_name")) or "")


@dataclass(frozen=True)
class CapacityDay:
    """The group's places on one requested day-part, for the staff who decide."""

    date: date
    day_part: DayPart
    capacity: int
    occupied: int
    free: int

    @classmethod
    def from_json(cls, data: Json) -> CapacityDay:
        return cls(_date(data["date"]), DayPart(data["day_part"]), _int(data["capacity"]),
                   _int(data["occupied"]), _int(data["free"]))


@dataclass(frozen=True)
class ChildCredit:
    """A child's usable absence credit in minutes, and the last day any of it can pay for
    (credit only pays for extra days on or before its expiry date)."""

    child_id: int
    available_minutes: int
    usable_until: date | None

    @classmethod
    def from_json(cls, data: Json) -> ChildCredit:
        expiries = [_date(c["expires_on"]) for c in data.get("credits", [])
                    if _int(c["available_minutes"]) > 0]
        return cls(_int(data["child_id"]), _int(data["available_minutes"]),
                   max(expiries, default=None))
