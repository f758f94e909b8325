"""``client.news``: every page of the news, and marking an item read."""

from __future__ import annotations

from desktop.api.core.paging import pages
from desktop.api.core.transport import Transport, new_idempotency_key
from desktop.api.news.records import NewsItem, NewsList

__all__ = ["NewsEndpoints"]


class NewsEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def list(self) -> NewsList:
        items: list[NewsItem] = []
        unread = 0
        async for response, _data in pages(self._core, "/news"):
            items.extend(self._core.parse(response, lambda body: [
                NewsItem.from_json(n) for n in body["news"]]))
            unread = self._core.parse(response, lambda body: int(body["unread"]))
        return NewsList(tuple(items), unread)

    async def mark_read(self, news_id: int) -> NewsItem:
        response = await self._core.request("POST", f"/news/{news_id}/read",
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, NewsItem.from_json)
