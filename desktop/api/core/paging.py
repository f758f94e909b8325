"""Following the cursors of a paged list (docs/api.md, "Lists and paging").

Every list endpoint that can grow answers a page: its items under the list's own name and
``next_cursor`` (null on the last page). :func:`all_pages` asks for the pages one after another
until the server says there are no more, so an endpoint group returns the whole list and the
services above it never see pages. A page request is a GET: the transport retries it like any
other.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlencode

import httpx

from desktop.api.core.errors import ServerError
from desktop.api.core.fields import Json
from desktop.api.core.transport import Transport

__all__ = ["all_pages", "pages"]

Item = TypeVar("Item")


def _next_cursor(data: Json) -> str | None:
    # A server that does not page yet sends no next_cursor: its one answer is the whole list.
    cursor = data.get("next_cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise TypeError("next_cursor is not a string")
    return cursor or None


async def pages(core: Transport, path: str, params: Mapping[str, Any] | None = None
                ) -> AsyncIterator[tuple[httpx.Response, Json]]:
    """Each page of the list at ``path`` (with its response), the first one asked for with
    ``params``, every next one with the previous page's ``next_cursor`` as ``cursor``."""
    query = dict(params or {})
    seen: set[str] = set()
    while True:
        response = await core.request("GET", path + ("?" + urlencode(query) if query else ""))
        data, cursor = core.parse(response, lambda body: (dict(body), _next_cursor(body)))
        yield response, data
        if cursor is None:
            return
        if cursor in seen:  # a server that keeps sending the same page would never end
            raise ServerError(response.status_code, "invalid_response",
                              f"GET {path} repeated a page cursor")
        seen.add(cursor)
        query = {**query, "cursor": cursor}


async def all_pages(core: Transport, path: str, items: str, build: Callable[[Json], Item],
                    params: Mapping[str, Any] | None = None) -> list[Item]:
    """Every item of the list at ``path``; ``items`` names the list in each page."""
    collected: list[Item] = []
    async for response, _data in pages(core, path, params):
        collected.extend(core.parse(response, lambda body: [build(i) for i in body[items]]))
    return collected
