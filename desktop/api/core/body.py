"""A request body of bytes sent in chunks, telling how far it got: the staff's per-file upload
progress (docs/api.md, "Photos": one photo per request).

httpx streams an async iterable chunk by chunk as the connection takes it, so the progress
follows the bytes handed to the socket. The body iterates afresh each time, so a request the
transport retries sends it again from the first byte, and its `Content-Length` is known, so
the portal can refuse a photo that is too large before it reads it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

__all__ = ["CHUNK", "ProgressBody"]

#: Bytes per chunk: small enough for a smooth bar on a slow line, large enough to cost nothing.
CHUNK = 64 * 1024


class ProgressBody:
    """``data`` in chunks; ``progress(sent, total)`` after each (and ``(0, total)`` first)."""

    def __init__(self, data: bytes, progress: Callable[[int, int], None],
                 chunk: int = CHUNK) -> None:
        self.data = data
        self._progress = progress
        self._chunk = chunk

    def __len__(self) -> int:
        return len(self.data)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        total = len(self.data)
        self._progress(0, total)
        view = memoryview(self.data)
        for start in range(0, total, self._chunk):
            yield bytes(view[start:start + self._chunk])
            self._progress(min(start + self._chunk, total), total)
