"""Test days chosen through the portal's own planning rules, never by weekday arithmetic on
today's date: a "next Monday" can be Easter Monday, Koningsdag or Whit Monday, and a test that
assumed it was a working day would fail on those weeks (issue 10, "Calendar-proof tests").

The async helpers take a logged-in client; `planned` and `extra` log in as the demo's Sanne
and name the children by first name, for the synchronous tests."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, timedelta
from typing import Any

from desktop.api.agenda.records import DayPart
from desktop.api.client import PortalClient
from desktop.api.core.errors import ProblemResponse
from desktop.api.extra_days.records import ExtraDayDraft, ExtraDayPayment

SANNE = "sanne.devries@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"
SEARCH_DAYS = 60


async def planned_day(client: PortalClient, earliest: date, *needs: tuple[int, DayPart],
                      weekday: int | None = None) -> date:
    """The first day on or after `earliest` on which the agenda plans every (child, day-part)
    of `needs` (closing days and school holidays already applied by the server), none of them
    reported absent."""
    agenda = await client.agenda.fetch(earliest, earliest + timedelta(days=SEARCH_DAYS))
    assert agenda is not None
    absent = {(a.date, a.child_id, a.day_part) for a in agenda.absences}
    planned = {(p.date, p.child_id, p.day_part) for p in agenda.planned} - absent
    days = sorted({p.date for p in agenda.planned
                   if all((p.date, child, part) in planned for child, part in needs)
                   and (weekday is None or p.date.weekday() == weekday)})
    assert days, f"nothing planned for {needs} in {SEARCH_DAYS} days after {earliest}"
    return days[0]


async def extra_day(client: PortalClient, child_id: int, earliest: date,
                    day_part: DayPart | None,
                    payment: ExtraDayPayment = ExtraDayPayment.INVOICE) -> date:
    """The first day on or after `earliest` that the portal accepts whole as an extra day for
    that child and day-part (None: the whole day): the preview has every asked day-part of that
    day as an item and skips none (open, offered, not planned, not requested yet)."""
    wanted = 2 if day_part is None else 1
    day = earliest
    while day <= earliest + timedelta(days=SEARCH_DAYS):
        try:
            preview = await client.extra_days.preview(ExtraDayDraft(
                (child_id,), day, day, day_part, payment))
        except ProblemResponse:
            preview = None
        if preview is not None and not preview.skipped and \
                [i.date for i in preview.items] == [day] * wanted:
            return day
        day += timedelta(days=1)
    raise AssertionError(f"no extra {day_part} possible for child {child_id} after {earliest}")


def _as_sanne(run: Callable[[Coroutine[Any, Any, Any]], Any], url: str,
              use: Callable[[PortalClient, dict[str, int]], Coroutine[Any, Any, Any]]) -> Any:
    async def go() -> Any:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            children = {c.first_name: c.id for c in (await client.profile.me()).children}
            return await use(client, children)
    return run(go())


def planned(run, url: str, earliest: date, *needs: tuple[str, DayPart],  # noqa: ANN001
            weekday: int | None = None) -> date:
    """`planned_day` for Sanne's children by first name."""
    return _as_sanne(run, url, lambda client, kids: planned_day(
        client, earliest, *((kids[name], part) for name, part in needs), weekday=weekday))


def extra(run, url: str, child: str, earliest: date, day_part: DayPart | None,  # noqa: ANN001
          payment: ExtraDayPayment = ExtraDayPayment.INVOICE) -> date:
    """`extra_day` for one of Sanne's children by first name."""
    return _as_sanne(run, url, lambda client, kids: extra_day(
        client, kids[child], earliest, day_part, payment))
