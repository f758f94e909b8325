"""``client.events.stream(last_event_id)``: the portal's Server-Sent Events, read with
httpx-sse. Each event says what changed (its kind and a few ids); the services sync."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from httpx_sse import EventSource

from desktop.api.core.errors import classify_transport_error
from desktop.api.core.transport import Transport

__all__ = ["LiveEvent", "EventEndpoints"]

#: The portal sends a heartbeat every 15 s: three missed ones mean the stream is gone.
READ_TIMEOUT = 45.0


@dataclass(frozen=True)
class LiveEvent:
    id: str
    kind: str
    data: dict[str, Any]


class EventEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    @contextlib.asynccontextmanager
    async def stream(self, last_event_id: str | None = None
                     ) -> AsyncIterator[AsyncIterator[LiveEvent]]:
        headers = {"Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        async with self._core.stream("/events", headers, READ_TIMEOUT) as response:
            yield _events(EventSource(response))


async def _events(source: EventSource) -> AsyncIterator[LiveEvent]:
    try:
        async for event in source.aiter_sse():
            try:
                data = json.loads(event.data) if event.data else {}
            except ValueError:
                data = {}
            yield LiveEvent(event.id, event.event, data if isinstance(data, dict) else {})
    except httpx.TransportError as error:  # the stream broke off (server gone, network)
        raise classify_transport_error(error) from error
