"""Dutch or English: the request's choice, and how a problem's values read in each language."""

from __future__ import annotations

from datetime import date
from typing import Any

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def wants_english(accept_language: str | None) -> bool:
    """English when the request asks for it first; Dutch otherwise (the portal's language)."""
    return (accept_language or "").strip().lower().startswith("en")


def date_text(iso: str, english: bool) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {(MONTHS_EN if english else MONTHS_NL)[day.month - 1]} {day.year}"


def wait_text(seconds: int, english: bool) -> str:
    if seconds < 120:
        unit = ("second" if seconds == 1 else "seconds") if english else (
            "seconde" if seconds == 1 else "seconden")
        return f"{seconds} {unit}"
    minutes = -(-seconds // 60)
    return f"{minutes} {'minutes' if english else 'minuten'}"


def duration_text(minutes: int, english: bool) -> str:
    hours, rest = divmod(minutes, 60)
    hour_text = f"{hours} {'hours' if english and hours != 1 else 'hour' if english else 'uur'}"
    if not rest:
        return hour_text
    minute_text = f"{rest} {'minutes' if english else 'minuten'}"
    if not hours:
        return minute_text
    return f"{hour_text} {'and' if english else 'en'} {minute_text}"


def worded_fields(fields: dict[str, Any], english: bool) -> dict[str, str]:
    """The `{…_text}` placeholders of the catalogue's details, worded from a problem's extra
    members (`retry_after` → `wait_text`, `dates` → `dates_text`, …)."""
    worded: dict[str, str] = {}
    if "retry_after" in fields:
        worded["wait_text"] = wait_text(int(fields["retry_after"]), english)
    if "access_ended_on" in fields:
        worded["ended_text"] = date_text(fields["access_ended_on"], english)
    if "date" in fields:
        worded["date_text"] = date_text(str(fields["date"]), english)
    if "dates" in fields:
        worded["dates_text"] = ", ".join(date_text(str(d), english) for d in fields["dates"])
    if "available_minutes" in fields:
        worded["available_text"] = duration_text(int(fields["available_minutes"]), english)
        worded["needed_text"] = duration_text(int(fields.get("needed_minutes", 0)), english)
    return worded
