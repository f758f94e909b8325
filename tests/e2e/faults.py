"""A fault-injecting proxy between the app and the real portal server, for the reliability tests.

It sits where a reverse proxy or a bad network would: as the app's ``httpx`` transport, in front
of a real HTTP connection to the server on loopback. Each rule matches a method and the end of a
path (or, when it ends in "/", every path under it) and does one thing to the next matching
requests:

* ``answer``  — the proxy answers itself (a 503 with ``Retry-After``, an HTML error page); the
  server never sees the request;
* ``refuse``  — the connection is refused, as if the server were down (it never sees it);
* ``drop``    — the server gets and handles the request, then the answer is lost (the
  connection drops, or the read times out): the app cannot know whether it arrived;
* ``no_range`` — the ``Range`` header is taken out, so the server sends the whole file (200);
* ``throttle`` — the body arrives in small pieces with a pause between them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import httpx

__all__ = ["FaultyProxy"]


@dataclass
class _Rule:
    method: str
    path_end: str
    times: int | None  # None: every matching request
    kind: str
    value: object
    hits: int = 0

    def matches(self, request: httpx.Request) -> bool:
        path = request.url.path
        # "/documents/" (ending in a slash) is every path under it; else the path's end.
        where = self.path_end in path if self.path_end.endswith("/") else \
            path.endswith(self.path_end)
        return (request.method == self.method and where
                and (self.times is None or self.hits < self.times))


@dataclass
class FaultyProxy(httpx.AsyncBaseTransport):
    """The app's transport; ``sent`` lists (method, path, range header) of every request the app
    sent (as the app sent it), in order."""

    _inner: httpx.AsyncHTTPTransport = field(default_factory=httpx.AsyncHTTPTransport)
    _rules: list[_Rule] = field(default_factory=list)
    sent: list[tuple[str, str, str | None]] = field(default_factory=list)

    # --- rules ------------------------------------------------------------------------------

    def answer(self, method: str, path_end: str, response: Callable[[], httpx.Response], *,
               times: int | None = None) -> _Rule:
        return self._add(method, path_end, times, "answer", response)

    def refuse(self, method: str, path_end: str, *, times: int | None = None) -> _Rule:
        return self._add(method, path_end, times, "refuse", None)

    def drop(self, method: str, path_end: str, *, times: int | None = 1,
             error: type[httpx.TransportError] = httpx.ReadError) -> _Rule:
        return self._add(method, path_end, times, "drop", error)

    def no_range(self, method: str, path_end: str, *, times: int | None = None) -> _Rule:
        return self._add(method, path_end, times, "no_range", None)

    def throttle(self, method: str, path_end: str, *, piece: int = 4096,
                 pause: float = 0.01) -> _Rule:
        return self._add(method, path_end, None, "throttle", (piece, pause))

    def clear(self) -> None:
        self._rules.clear()

    def _add(self, method: str, path_end: str, times: int | None, kind: str,
             value: object) -> _Rule:
        rule = _Rule(method, path_end, times, kind, value)
        self._rules.append(rule)
        return rule

    # --- the transport ----------------------------------------------------------------------

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, request.url.path, request.headers.get("range")))
        kinds: dict[str, object] = {}
        for rule in self._rules:
            if rule.matches(request) and rule.kind not in kinds:
                rule.hits += 1
                kinds[rule.kind] = rule.value
        if "refuse" in kinds:
            raise httpx.ConnectError("connection refused", request=request) \
                from ConnectionRefusedError(111, "Connection refused")
        if "answer" in kinds:
            response = kinds["answer"]()
            response.request = request
            return response
        if "no_range" in kinds and "range" in request.headers:
            del request.headers["range"]
        response = await self._inner.handle_async_request(request)
        if "drop" in kinds:
            await response.aread()  # the server has finished: only the answer is lost
            await response.aclose()
            raise kinds["drop"]("the answer was lost on the way", request=request)
        if "throttle" in kinds:
            piece, pause = kinds["throttle"]
            return httpx.Response(response.status_code, headers=response.headers,
                                  stream=_Slow(response, piece, pause), request=request)
        return response

    async def aclose(self) -> None:
        """Every client of the app closes its transport; the proxy outlives them all."""

    async def close(self) -> None:
        await self._inner.aclose()


class _Slow(httpx.AsyncByteStream):
    def __init__(self, response: httpx.Response, piece: int, pause: float) -> None:
        self._response = response
        self._piece = piece
        self._pause = pause

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.aiter_raw():
                for start in range(0, len(chunk), self._piece):
                    await asyncio.sleep(self._pause)
                    yield chunk[start:start + self._piece]
        finally:
            await self._response.aclose()

    async def aclose(self) -> None:
        await self._response.aclose()
