"""``client.profile``: who is logged in, with their family, children, groups and locations."""

from __future__ import annotations

from desktop.api.core.transport import Transport
from desktop.api.profile.records import Profile

__all__ = ["ProfileEndpoints"]


class ProfileEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def me(self) -> Profile:
        return self._core.parse(await self._core.request("GET", "/me"), Profile.from_json)
