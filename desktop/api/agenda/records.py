"""Records of the agenda (``GET /agenda``): the planning's vocabulary (day-parts, absence
reasons) and one date range of planned day-parts, closing days, school holidays, absences and
extra days.

Shapes: docs/api.md ("Agenda"). :class:`Agenda` has ``to_json`` so the offline cache stores a
month exactly as the server sent it; :meth:`Agenda.day` answers "what happens on this date" from
an index built once, so painting a month never scans the whole list. Absences and extra days
(``desktop/api/absences``, ``desktop/api/extra_days``) change this planning and use its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import Any

from desktop.api.core.fields import Json, as_date, as_int, as_optional_str, as_str, as_time

__all__ = [
    "AbsenceReason",
    "Agenda",
    "AgendaAbsence",
    "AgendaExtraDay",
    "ClosingDay",
    "DayAgenda",
    "DayPart",
    "PlannedDayPart",
    "SchoolHoliday",
]


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
        return cls(as_date(data["date"]), as_int(data["child_id"]), DayPart(data["day_part"]),
                   as_time(data["start"]), as_time(data["end"]), as_int(data["group_id"]))

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
        return cls(as_date(data["date"]), None if location is None else as_int(location),
                   as_str(data["reason"]))

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
        return cls(as_str(data["name"]), as_date(data["first_date"]), as_date(data["last_date"]))

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
        return cls(as_int(data["id"]), as_date(data["date"]), as_int(data["child_id"]),
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
    decision_reason: str | None = None  # why the group rejected it

    @classmethod
    def from_json(cls, data: Json) -> AgendaExtraDay:
        return cls(as_int(data["request_id"]), as_date(data["date"]), as_int(data["child_id"]),
                   DayPart(data["day_part"]), as_str(data["status"]), as_time(data["start"]),
                   as_time(data["end"]), as_optional_str(data.get("decision_reason")))

    def to_json(self) -> dict[str, Any]:
        return {"request_id": self.request_id, "date": self.date.isoformat(),
                "child_id": self.child_id, "day_part": self.day_part.value,
                "status": self.status, "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M"), "decision_reason": self.decision_reason}


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
            first=as_date(data["from_date"]), last=as_date(data["to_date"]),
            cursor=as_str(data["cursor"]),
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
