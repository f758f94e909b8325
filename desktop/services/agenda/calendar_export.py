"""Which day-parts a calendar export holds: the chosen children's care in the chosen range.

Planned day-parts that are reported absent are left out; approved extra days are in (that is
care the child gets). The UID of an event is stable (child, date, day-part), so importing a newer
export updates a calendar instead of doubling it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from desktop.api.agenda.records import Agenda, DayPart
from desktop.services.agenda.ical import CalendarEvent

__all__ = ["CalendarExport", "calendar_events"]


@dataclass(frozen=True)
class CalendarExport:
    """A written export: ``count`` events for ``children`` (names) asked for ``first`` to
    ``last``; ``covered_*`` is the part of that range the data came from (smaller only when
    the app was offline and used the months saved on this computer)."""

    path: Path
    count: int
    children: tuple[str, ...]
    first: date
    last: date
    covered_first: date
    covered_last: date

    @property
    def complete(self) -> bool:
        return (self.covered_first, self.covered_last) == (self.first, self.last)


def calendar_events(agendas: Iterable[Agenda], children: Mapping[int, str], first: date,
                    last: date, labels: Mapping[DayPart, str]) -> list[CalendarEvent]:
    """The events of ``children`` (id -> name) between ``first`` and ``last``, in time order;
    ``labels`` names the day-parts in the user's language."""
    events: dict[str, CalendarEvent] = {}  # by key: overlapping months yield a day once

    def add(child_id: int, day: date, part: DayPart, start: time, end: time) -> None:
        key = f"{child_id}-{day.isoformat()}-{part.value}"
        events[key] = CalendarEvent(day, start, end, children[child_id],
                                    labels.get(part, part.value), key)

    for agenda in agendas:
        for planned in agenda.planned:
            if planned.child_id in children and first <= planned.date <= last and \
                    agenda.day(planned.date).absence_of(planned.child_id,
                                                        planned.day_part) is None:
                add(planned.child_id, planned.date, planned.day_part, planned.start,
                    planned.end)
        for extra in agenda.extra_days:
            if extra.child_id in children and extra.status == "approved" and \
                    first <= extra.date <= last:
                add(extra.child_id, extra.date, extra.day_part, extra.start, extra.end)
    return sorted(events.values(), key=lambda e: (e.day, e.start, e.child_name))
