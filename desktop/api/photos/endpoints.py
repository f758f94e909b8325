"""``client.photos``: the family's photos, a rendition's bytes, and posting them (staff)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import date

from desktop.api.core.body import ProgressBody
from desktop.api.core.fields import as_bool
from desktop.api.core.paging import all_pages, pages
from desktop.api.core.transport import Download, Transport
from desktop.api.photos.records import (
    Activity,
    Photo,
    PhotoListing,
    Rendition,
    TaggableChild,
)

__all__ = ["PhotoEndpoints"]

#: Photos per page: the most the server gives (docs/api.md, "Lists and paging").
PAGE_SIZE = 200


class PhotoEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def listing(self) -> PhotoListing:
        """Every photo the family may see (all pages) and its last day of photos.

        Each page's records are built in a worker thread: 20,000 photos are some 100,000
        objects, and built on the event loop's thread (the GUI thread in the app) they stalled
        the grid's scrolling during a sync (benchmarks/photos.py)."""
        photos: list[Photo] = []
        until = None
        async for response, _data in pages(self._core, "/photos", {"limit": PAGE_SIZE}):
            page = await asyncio.to_thread(self._core.parse, response, PhotoListing.from_json)
            photos.extend(page.photos)
            until = page.available_until
        return PhotoListing(tuple(photos), until)

    async def set_heart(self, photo_id: int, hearted: bool, key: str) -> bool:
        """Put the parent's heart on the photo (or take it off); the answer says which."""
        response = await self._core.request("PUT" if hearted else "DELETE",
                                            f"/photos/{photo_id}/heart", idempotency_key=key)
        return self._core.parse(response, lambda body: as_bool(body["hearted"]))

    @contextlib.asynccontextmanager
    async def file(self, photo: Photo, rendition: Rendition,
                   offset: int = 0) -> AsyncIterator[Download]:
        """Stream one rendition's bytes from byte `offset` on."""
        async with self._core.download(photo.url(rendition), offset,
                                       accept=photo.file(rendition).media_type) as download:
            yield download

    # --- posting (staff and managers) ---------------------------------------------------------

    async def activities(self) -> list[Activity]:
        return await all_pages(self._core, "/activities", "activities", Activity.from_json)

    async def create_activity(self, group_id: int, day: date, title: str, caption: str | None,
                              key: str) -> Activity:
        response = await self._core.request("POST", "/activities", idempotency_key=key, json={
            "group_id": group_id, "date": day.isoformat(), "title": title, "caption": caption})
        return self._core.parse(response, Activity.from_json)

    async def activity_photos(self, activity_id: int) -> list[Photo]:
        """The activity's photos with every tag and the parents' heart count (staff)."""
        return await all_pages(self._core, f"/activities/{activity_id}/photos", "photos",
                               Photo.from_json)

    async def children(self, activity_id: int) -> list[TaggableChild]:
        response = await self._core.request("GET", f"/activities/{activity_id}/children")
        return self._core.parse(response, lambda body: [
            TaggableChild.from_json(c) for c in body["children"]])

    async def upload(self, activity_id: int, data: bytes, child_ids: list[int],
                     key: str, progress: Callable[[int, int], None] | None = None) -> Photo:
        """Post one photo (the bytes as they are; the server decides the type by content);
        ``progress(sent, total)`` follows its bytes out."""
        query = "&".join(f"child_id={c}" for c in child_ids)
        response = await self._core.request(
            "POST", f"/activities/{activity_id}/photos" + (f"?{query}" if query else ""),
            content=data if progress is None else ProgressBody(data, progress),
            content_type="application/octet-stream", idempotency_key=key)
        return self._core.parse(response, Photo.from_json)

    async def set_tags(self, photo_id: int, child_ids: list[int], key: str) -> Photo:
        """Replace the children on a photo (a child taken off no longer sees it)."""
        response = await self._core.request("PUT", f"/photos/{photo_id}/tags",
                                            json={"child_ids": child_ids}, idempotency_key=key)
        return self._core.parse(response, Photo.from_json)
