"""``client.news``: every page of the news, marking an item read, publishing (with an
uploaded picture and attachment), and downloading an item's files."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from urllib.parse import quote

from desktop.api.core.paging import pages
from desktop.api.core.transport import Download, Transport, new_idempotency_key
from desktop.api.messages.records import Attachment
from desktop.api.news.records import (
    NewsDraft,
    NewsFileDraft,
    NewsImage,
    NewsItem,
    NewsList,
    PublishAudiences,
)

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

    async def publish(self, draft: NewsDraft, idempotency_key: str,
                      image_id: int | None = None, attachment_id: int | None = None
                      ) -> NewsItem:
        """``idempotency_key``: one per item being written, so a retry after a lost answer
        publishes it once."""
        response = await self._core.request(
            "POST", "/news", json=draft.to_json(image_id, attachment_id),
            idempotency_key=idempotency_key)
        return self._core.parse(response, NewsItem.from_json)

    async def upload_image(self, file: NewsFileDraft, idempotency_key: str) -> NewsImage:
        response = await self._upload("news-images", file, idempotency_key)
        return self._core.parse(response, NewsImage.from_json)

    async def upload_attachment(self, file: NewsFileDraft, idempotency_key: str) -> Attachment:
        response = await self._upload("news-attachments", file, idempotency_key)
        return self._core.parse(response, Attachment.from_json)

    @contextlib.asynccontextmanager
    async def download(self, file: Attachment, offset: int = 0) -> AsyncIterator[Download]:
        """An item's picture or attachment, from ``offset`` on."""
        async with self._core.download(file.url, offset) as download:
            yield download

    async def _upload(self, path: str, file: NewsFileDraft, idempotency_key: str):  # noqa: ANN202
        return await self._core.request(
            "POST", f"/{path}?filename={quote(file.filename)}", content=file.data,
            idempotency_key=idempotency_key)
