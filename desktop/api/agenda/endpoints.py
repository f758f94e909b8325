"""``client.agenda``: the family's agenda of a date range, revalidated with its cursor."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from desktop.api.agenda.records import Agenda
from desktop.api.core.transport import Transport

__all__ = ["AgendaEndpoints"]


class AgendaEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def fetch(self, first: date, last: date, cursor: str | None = None) -> Agenda | None:
        """The agenda of `first`..`last`; None when `cursor` is still current (keep the cache)."""
        params = {"from": first.isoformat(), "to": last.isoformat()}
        if cursor:
            params["cursor"] = cursor
        response = await self._core.request("GET", "/agenda?" + urlencode(params))
        data = self._core.parse(response, dict)
        if data.get("unchanged"):
            return None
        return self._core.parse(response, Agenda.from_json)
