"""Writing a child's planning as an iCalendar file (RFC 5545), without extra dependencies.

Times are written in UTC (``Z``), converted from Dutch local time, so every calendar program
places them right without a VTIMEZONE block. UIDs are stable (child, date, day-part), so
importing a newer export updates events instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.cache.disk import write_atomically

__all__ = ["CalendarEvent", "calendar_text", "write_calendar"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class CalendarEvent:
    """One planned day-part of one child."""

    day: date
    start: time
    end: time
    child_name: str
    day_part: str
    key: str


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode()
        limit = 75 if not parts else 74
        if len(current) + len(piece) > limit:
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _utc(day: date, moment: time) -> str:
    local = datetime.combine(day, moment, tzinfo=AMSTERDAM)
    return local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(events: Iterable[CalendarEvent], organisation: str,
                  stamp: datetime | None = None) -> str:
    now = (stamp or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ouderportaal//Agenda//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        summary = f"{event.child_name} – {event.day_part}"
        lines += ["BEGIN:VEVENT", f"UID:{event.key}@ouderportaal", f"DTSTAMP:{now}",
                  f"DTSTART:{_utc(event.day, event.start)}", f"DTEND:{_utc(event.day, event.end)}",
                  f"SUMMARY:{_escape(summary)}"]
        if organisation:
            lines.append(f"LOCATION:{_escape(organisation)}")
        lines += ["TRANSP:OPAQUE", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_calendar(path: Path, events: list[CalendarEvent], organisation: str) -> int:
    """Write the file atomically (a half-written calendar never replaces a good one);
    returns the number of events. Raises :class:`desktop.cache.disk.DiskProblem` when the disk
    refuses it."""
    write_atomically(Path(path), calendar_text(events, organisation).encode())
    return len(events)
