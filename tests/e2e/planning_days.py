"""Test days chosen through the portal's own planning rules, never by weekday arithmetic on
today's date: a "next Monday" can be Easter Monday, Koningsdag or Whit Monday, and a test that
assumed it was a working day would fail on those weeks (issue 10, "Calendar-proof tests")."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.api.agenda.records import DayPart
from desktop.api.client import PortalClient
from desktop.api.core.errors import ProblemResponse
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment

SEARCH_DAYS = 60


async def planned_day(client: PortalClient, child_id: int, earliest: date,
                      day_part: DayPart, *, weekday: int | None = None) -> date:
    """The first day on or after `earliest` on which the agenda plans that child's day-part
    (closing days and school holidays already left out by the server), with no absence."""
    agenda = await client.agenda.fetch(earliest, earliest + timedelta(days=SEARCH_DAYS))
    assert agenda is not None
    absent = {(a.date, a.child_id, a.day_part) for a in agenda.absences}
    days = sorted(p.date for p in agenda.planned
                  if p.child_id == child_id and p.day_part is day_part
                  and (p.date, child_id, day_part) not in absent
                  and (weekday is None or p.date.weekday() == weekday))
    assert days, f"no planned {day_part} for child {child_id} after {earliest}"
    return days[0]


async def extra_day(client: PortalClient, child_id: int, earliest: date, day_part: DayPart,
                    payment: ExtraDayPayment = ExtraDayPayment.INVOICE, *,
                    weekday: int | None = None) -> date:
    """The first day on or after `earliest` that the portal would accept as an extra day for
    that child and day-part (its preview has the day as an item: open, offered, not planned,
    not requested yet)."""
    day = earliest
    while day <= earliest + timedelta(days=SEARCH_DAYS):
        if weekday is None or day.weekday() == weekday:
            try:
                preview = await client.extra_days.preview(ExtraDayDraft(
                    (child_id,), day, day, day_part, payment))
            except ProblemResponse:
                preview = None
            if preview is not None and [i.date for i in preview.items] == [day]:
                return day
        day += timedelta(days=1)
    raise AssertionError(f"no extra {day_part} possible for child {child_id} after {earliest}")
