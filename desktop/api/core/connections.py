"""The HTTP transport of one portal client: closing it closes every connection it opened.

httpcore closes a pool's dead connections (the portal went away, a keep-alive ran out) in
whichever request next touches the pool. When that request's task is cancelled in the middle,
the loop stops halfway: the anyio shield around it does not hold against asyncio's own cancel,
and the remaining connections are dropped from the pool with their sockets still open until
the garbage collector finds them. The app cancels tasks on logout, on closing and when a new
action replaces an old one, so this happens — usually to the event stream's task, the one left
reconnecting after the portal stopped. The transport therefore holds the connections it
opened until they are closed, and closes whatever is left of them after the pool has closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["ClosingTransport"]


class ClosingTransport(httpx.AsyncHTTPTransport):
    """``httpx.AsyncHTTPTransport`` whose ``aclose`` also closes connections the pool lost."""

    def __init__(self, *, verify: ssl.SSLContext | bool = True) -> None:
        super().__init__(verify=verify)
        self._opened = _OpenedConnections(self._pool._network_backend)
        # httpx has no public way to give its pool a network backend: set the pool's own.
        self._pool._network_backend = self._opened

    async def aclose(self) -> None:
        try:
            await super().aclose()
        finally:
            # In a task of its own: a cancel of the closing task cannot stop it halfway too.
            await asyncio.shield(_close_all(self._opened.streams()))

    async def __aexit__(self, *exc_info: object) -> None:
        # httpx's own closes only the pool here (``async with httpx.AsyncClient(...)``).
        await self.aclose()


class _OpenedConnections(httpcore.AsyncNetworkBackend):
    """The pool's network backend, holding every stream it connected until it is closed (held
    strongly: a connection the pool dropped is garbage, and a weak reference would be gone)."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend
        self._open: set[_Stream] = set()

    def streams(self) -> list[httpcore.AsyncNetworkStream]:
        return list(self._open)

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._backend.connect_tcp(*args, **kwargs), self._open)

    async def connect_unix_socket(self, *args: Any, **kwargs: Any
                                  ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._backend.connect_unix_socket(*args, **kwargs), self._open)

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class _Stream(httpcore.AsyncNetworkStream):
    """A connected stream that leaves the open set when it is closed."""

    def __init__(self, stream: httpcore.AsyncNetworkStream, open_: set[_Stream]) -> None:
        self._stream = stream
        self._open = open_
        open_.add(self)

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        self._open.discard(self)
        await self._stream.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        tls = await self._stream.start_tls(ssl_context, server_hostname, timeout)
        self._open.discard(self)  # the TLS stream wraps this one's socket and closes it
        return _Stream(tls, self._open)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


async def _close_all(streams: Iterable[httpcore.AsyncNetworkStream]) -> None:
    for stream in streams:
        with contextlib.suppress(Exception):  # a stream the portal broke off may raise
            await stream.aclose()
