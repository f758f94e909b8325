"""``client.account``: the devices where the account is logged in, and logging one out."""

from __future__ import annotations

from desktop.api.account.records import AuthSession
from desktop.api.core.paging import all_pages
from desktop.api.core.transport import Transport, new_idempotency_key

__all__ = ["AccountEndpoints"]


class AccountEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def sessions(self) -> list[AuthSession]:
        """The account's logged-in devices, newest first (all pages)."""
        return await all_pages(self._core, "/auth/sessions", "sessions", AuthSession.from_json)

    async def end_session(self, session_id: str) -> None:
        await self._core.request("DELETE", f"/auth/sessions/{session_id}",
                                 idempotency_key=new_idempotency_key())
