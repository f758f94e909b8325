"""``client.news``: every page of the news, marking an item read, and publishing."""

from __future__ import annotations

from desktop.api.core.paging import pages
from desktop.api.core.transport import Transport, new_idempotency_key
from desktop.api.news.records import NewsDraft, NewsItem, NewsList, PublishAudiences

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

    async def audiences(self) -> PublishAudiences:
        response = await self._core.request("GET", "/news/audiences")
        return self._core.parse(response, PublishAudiences.from_json)

    async def publish(self, draft: NewsDraft, idempotency_key: str) -> NewsItem:
        """``idempotency_key``: one per item being written, so a retry after a lost answer
        publishes it once."""
        response = await self._core.request("POST", "/news", json=draft.to_json(),
                                            idempotency_key=idempotency_key)
        return self._core.parse(response, NewsItem.from_json)
