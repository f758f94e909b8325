"""``client.finance``: the finance overview (documents and tariffs) and a document's PDF."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx

from desktop.api.core.paging import pages
from desktop.api.core.transport import Download, Transport
from desktop.api.finance.records import FinanceOverview

__all__ = ["FinanceEndpoints"]


class FinanceEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def overview(self, cursor: str | None = None) -> FinanceOverview | None:
        """Documents and tariffs; None when `cursor` is still current (keep the cache).

        The documents come in pages (each asked for with the previous page's ``next_cursor``);
        the overview holds them all, with the cursor of the listing as a whole."""
        first: httpx.Response | None = None
        documents: list[object] = []
        async for response, data in pages(self._core, "/finance",
                                          {"cursor": cursor} if cursor else None):
            if first is None:
                if data.get("unchanged"):
                    return None
                first = response
            documents.extend(data.get("documents") or ())
        assert first is not None
        return self._core.parse(first, lambda data: FinanceOverview.from_json(
            {**data, "documents": documents}))

    @contextlib.asynccontextmanager
    async def document(self, url: str, offset: int = 0) -> AsyncIterator[Download]:
        """Stream a document's PDF (its ``url`` from the overview) from byte `offset` on."""
        async with self._core.download(url, offset, accept="application/pdf") as download:
            yield download
