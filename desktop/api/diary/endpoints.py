"""``client.diary``: the group day and attendance (staff and managers), a child's diary page
by page and its changes since a revision, and writing entries (docs/api.md, "Group day and
diary")."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

from desktop.api.core.paging import all_pages
from desktop.api.core.transport import Download, Transport, new_idempotency_key
from desktop.api.diary.records import (
    AttendanceChange,
    AttendanceDraft,
    DiaryEntry,
    DiaryPage,
    EntryDraft,
    GroupDay,
)

__all__ = ["DiaryEndpoints"]


class DiaryEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def group_day(self, group_id: int, day: date) -> GroupDay:
        query = urlencode({"group_id": group_id, "date": day.isoformat()})
        response = await self._core.request("GET", f"/group-day?{query}")
        return self._core.parse(response, GroupDay.from_json)

    async def register(self, draft: AttendanceDraft) -> None:
        """Arrival and departure as in ``draft`` (a PUT of the whole state: safe to repeat)."""
        response = await self._core.request("PUT", "/attendance", json=draft.to_json(),
                                            idempotency_key=new_idempotency_key())
        self._core.parse(response, lambda _data: None)

    async def attendance_history(self, child_id: int, day: date) -> list[AttendanceChange]:
        """Every registration and correction of the child's ``day``, newest first."""
        return await all_pages(self._core, "/attendance/history", "changes",
                               AttendanceChange.from_json,
                               {"child_id": child_id, "date": day.isoformat()})

    async def page(self, child_id: int, *, cursor: str | None = None,
                   since: int | None = None, day: date | None = None,
                   limit: int = 50) -> DiaryPage:
        """One page of the child's days, newest first; with ``since`` the days changed after
        that revision; with ``day`` that one day."""
        query: dict[str, Any] = {"child_id": child_id, "limit": limit}
        for name, value in (("cursor", cursor), ("since", since),
                            ("date", day.isoformat() if day else None)):
            if value is not None:
                query[name] = value
        response = await self._core.request("GET", f"/diary?{urlencode(query)}")
        return self._core.parse(response, DiaryPage.from_json)

    async def write(self, draft: EntryDraft,
                    idempotency_key: str | None = None) -> list[DiaryEntry]:
        response = await self._core.request("POST", "/diary/entries", json=draft.to_json(),
                                            idempotency_key=idempotency_key
                                            or new_idempotency_key())
        return self._core.parse(response, lambda data: [DiaryEntry.from_json(e)
                                                        for e in data["entries"]])

    async def edit(self, entry_id: int, draft: EntryDraft) -> DiaryEntry:
        """Change one's own entry (its kind stays); it shows as edited."""
        body = {key: value for key, value in draft.to_json().items()
                if key in ("kind", "time", "text", "details")}
        response = await self._core.request("PATCH", f"/diary/entries/{entry_id}", json=body,
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, DiaryEntry.from_json)

    async def delete(self, entry_id: int) -> DiaryEntry:
        response = await self._core.request("DELETE", f"/diary/entries/{entry_id}",
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, DiaryEntry.from_json)

    @contextlib.asynccontextmanager
    async def pdf(self, child_id: int, first: date, last: date) -> AsyncIterator[Download]:
        """Stream "Dagboek opslaan als PDF" of the child from ``first`` to ``last`` (at most
        400 days, docs/api.md "Group day and diary")."""
        query = urlencode({"child_id": child_id, "from": first.isoformat(),
                           "to": last.isoformat()})
        async with self._core.download(f"/diary.pdf?{query}",
                                       accept="application/pdf") as download:
            yield download
