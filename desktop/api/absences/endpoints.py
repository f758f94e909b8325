"""``client.absences``: report absence, the family's absences, cancel them (after their
preview), absence credit."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from desktop.api.absences.records import Absence, AbsenceDraft, CancelPreview, ChildCredit
from desktop.api.core.paging import all_pages
from desktop.api.core.transport import Transport, new_idempotency_key

__all__ = ["AbsenceEndpoints"]


class AbsenceEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def report(self, draft: AbsenceDraft, idempotency_key: str) -> list[Absence]:
        """Report absence; the caller's key makes a repeated delivery answer the first result
        (the app's outbox keeps the key with the queued report)."""
        response = await self._core.request("POST", "/absences", json=draft.to_json(),
                                            idempotency_key=idempotency_key)
        return self._core.parse(response, lambda data: [Absence.from_json(a)
                                                        for a in data["absences"]])

    async def list(self) -> list[Absence]:
        """Every absence of the family, newest day first (all pages)."""
        return await all_pages(self._core, "/absences", "absences", Absence.from_json)

    async def cancel_preview(self, absence_ids: Sequence[int]) -> CancelPreview:
        """What cancelling these absences together would do to the credit and the extra days
        it pays; raises the refusal the cancel itself would give (too late, already cancelled,
        invoiced)."""
        query = urlencode([("absence_ids", absence_id) for absence_id in absence_ids])
        response = await self._core.request("GET", "/absences/cancel-preview?" + query)
        return self._core.parse(response, CancelPreview.from_json)

    async def cancel(self, absence_ids: Sequence[int]) -> list[Absence]:
        """Afmelding annuleren: these day-parts (one report's day, every child) are planned
        again — all of them or, when the portal refuses one, none."""
        response = await self._core.request("POST", "/absences/cancel",
                                            json={"absence_ids": list(absence_ids)},
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, lambda data: [Absence.from_json(a)
                                                        for a in data["absences"]])

    async def credit(self) -> list[ChildCredit]:
        response = await self._core.request("GET", "/credit")
        return self._core.parse(response, lambda data: [ChildCredit.from_json(c)
                                                        for c in data["children"]])
