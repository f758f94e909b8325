"""``client.personal_data``: the family's personal data and its change requests (parents), the
change requests to decide (managers), and the care notes (staff and managers)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from desktop.api.core.paging import all_pages
from desktop.api.core.transport import Download, Transport, new_idempotency_key
from desktop.api.personal_data.records import (
    CareNotes,
    ChangeField,
    ChangeRequest,
    PersonalData,
)
from desktop.api.profile.records import PhotoConsent

__all__ = ["PersonalDataEndpoints"]


class PersonalDataEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def get(self) -> PersonalData:
        response = await self._core.request("GET", "/personal-data")
        return self._core.parse(response, PersonalData.from_json)

    async def change_contact(self, changes: dict[str, str | None]) -> PersonalData:
        """The caller's own phone numbers and notification e-mail, changed at once."""
        response = await self._core.request("PATCH", "/personal-data/contact", json=changes,
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, PersonalData.from_json)

    async def change_photo_consent(self, child_id: int, consent: PhotoConsent) -> PhotoConsent:
        """The child's three photo consents as they should become, changed at once (either
        parent); the answer is the consents as ``/me`` shows them."""
        response = await self._core.request(
            "PUT", f"/personal-data/children/{child_id}/photo-consent",
            idempotency_key=new_idempotency_key(),
            json={"portal": consent.portal, "website": consent.website,
                  "social_media": consent.social_media})
        return self._core.parse(response, PhotoConsent.from_json)

    async def propose(self, field: ChangeField, subject_id: int,
                      value: dict[str, Any]) -> ChangeRequest:
        response = await self._core.request(
            "POST", "/change-requests", idempotency_key=new_idempotency_key(),
            json={"field": field.value, "subject_id": subject_id, "value": value})
        return self._core.parse(response, ChangeRequest.from_json)

    async def withdraw(self, request_id: int) -> ChangeRequest:
        return await self._decide(request_id, "withdraw")

    async def approve(self, request_id: int) -> ChangeRequest:
        return await self._decide(request_id, "approve")

    async def reject(self, request_id: int, reason: str) -> ChangeRequest:
        return await self._decide(request_id, "reject", {"reason": reason})

    async def _decide(self, request_id: int, action: str,
                      body: dict[str, str] | None = None) -> ChangeRequest:
        response = await self._core.request("POST", f"/change-requests/{request_id}/{action}",
                                            json=body, idempotency_key=new_idempotency_key())
        return self._core.parse(response, ChangeRequest.from_json)

    async def change_requests(self, status: str | None = None) -> list[ChangeRequest]:
        """Every page of the change requests the caller sees, newest first."""
        return await all_pages(self._core, "/change-requests", "change_requests",
                               ChangeRequest.from_json,
                               {"status": status} if status else None)

    async def care_notes(self) -> list[CareNotes]:
        response = await self._core.request("GET", "/care-notes")
        return self._core.parse(response, lambda data: [CareNotes.from_json(c)
                                                        for c in data["children"]])

    @contextlib.asynccontextmanager
    async def export(self) -> AsyncIterator[Download]:
        """Stream "download my data": the family's data as a ZIP."""
        async with self._core.download("/personal-data/export",
                                       accept="application/zip") as download:
            yield download
