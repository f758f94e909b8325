"""``client.finance``: the finance overview (documents and tariffs) and a document's PDF."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from urllib.parse import urlencode

from desktop.api.core.transport import Download, Transport
from desktop.api.finance.records import FinanceOverview

__all__ = ["FinanceEndpoints"]


class FinanceEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def overview(self, cursor: str | None = None) -> FinanceOverview | None:
        """Documents and tariffs; None when `cursor` is still current (keep the cache)."""
        path = "/finance" + ("?" + urlencode({"cursor": cursor}) if cursor else "")
        response = await self._core.request("GET", path)
        data = self._core.parse(response, dict)
        if data.get("unchanged"):
            return None
        return self._core.parse(response, FinanceOverview.from_json)

    @contextlib.asynccontextmanager
    async def document(self, url: str, offset: int = 0) -> AsyncIterator[Download]:
        """Stream a document's PDF (its ``url`` from the overview) from byte `offset` on."""
        async with self._core.download(url, offset, accept="application/pdf") as download:
            yield download
