"""``client.extra_days``: the cost preview, requesting and withdrawing (parents), the pending
requests with their groups' free places, approving and rejecting (staff and managers)."""

from __future__ import annotations

from datetime import date

from desktop.api.agenda.records import DayPart
from desktop.api.core.paging import all_pages
from desktop.api.core.transport import Retry, Transport, new_idempotency_key
from desktop.api.extra_days.records import (
    CapacityDay,
    ExtraDayDraft,
    ExtraDayPreview,
    ExtraDayRequest,
)

__all__ = ["ExtraDayEndpoints"]


class ExtraDayEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def preview(self, draft: ExtraDayDraft) -> ExtraDayPreview:
        """The cost of a request, computed by the server; nothing is stored."""
        response = await self._core.request("POST", "/extra-days/preview", json=draft.to_json(),
                                            retry=Retry.SAFE)
        return self._core.parse(response, ExtraDayPreview.from_json)

    async def request(self, draft: ExtraDayDraft,
                      idempotency_key: str | None = None) -> list[ExtraDayRequest]:
        """Submit ``draft``; the same ``idempotency_key`` again is answered with the first
        result (the service keeps one key per draft, so a second submit is not a second
        request)."""
        response = await self._core.request("POST", "/extra-days", json=draft.to_json(),
                                            idempotency_key=idempotency_key
                                            or new_idempotency_key())
        return self._core.parse(response, _requests)

    async def list(self, status: str | None = None,
                   decided_on: date | None = None) -> list[ExtraDayRequest]:
        """The family's requests (parents) or their groups' (staff), newest first (all
        pages); `status` filters, and `decided_on` keeps those decided on that day (e.g.
        today's decisions)."""
        query = {"status": status, "decided_on": decided_on.isoformat() if decided_on else None}
        return await all_pages(self._core, "/extra-days", "requests", ExtraDayRequest.from_json,
                               {k: v for k, v in query.items() if v is not None})

    async def capacity(self, request_id: int) -> list[CapacityDay]:
        """The group's free places on each requested day-part (staff and managers)."""
        response = await self._core.request("GET", f"/extra-days/{request_id}/capacity")
        return self._core.parse(response, lambda data: [CapacityDay.from_json(d)
                                                        for d in data["days"]])

    async def approve(self, request_id: int,
                      only: list[tuple[date, DayPart]] | None = None,
                      reason: str | None = None) -> ExtraDayRequest:
        """Approve the request; with ``only``, just those day-parts — the others are rejected
        with ``reason`` (a partial approval: docs/api.md)."""
        body = None
        if only is not None:
            body = {"items": [{"date": day.isoformat(), "day_part": part.value}
                              for day, part in only], "reason": reason}
        return await self._decide(request_id, "approve", body)

    async def reject(self, request_id: int, reason: str) -> ExtraDayRequest:
        return await self._decide(request_id, "reject", {"reason": reason})

    async def withdraw(self, request_id: int) -> ExtraDayRequest:
        """Intrekken: the parent takes back a request that is still pending."""
        return await self._decide(request_id, "withdraw")

    async def _decide(self, request_id: int, action: str,
                      body: dict[str, object] | None = None) -> ExtraDayRequest:
        response = await self._core.request("POST", f"/extra-days/{request_id}/{action}",
                                            json=body, idempotency_key=new_idempotency_key())
        return self._core.parse(response, ExtraDayRequest.from_json)


def _requests(data: dict) -> list[ExtraDayRequest]:
    return [ExtraDayRequest.from_json(r) for r in data["requests"]]
