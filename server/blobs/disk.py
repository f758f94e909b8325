"""Blobs as files under one folder: `<root>/<key>`, written atomically."""

from __future__ import annotations

import asyncio
import hashlib
import os
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

from server.blobs.store import BlobInfo, BlobMissing, check_key

CHUNK = 256 * 1024


class DiskBlobStore:
    """`server.blobs.store.BlobStore` on the local file system (one machine; several server
    processes on it share the folder). File work runs in threads, off the event loop.

    A put writes a temporary file next to the target, fsyncs it and renames it over the key, so
    a reader (or a crash) never sees half a blob; an interrupted put leaves only a `.tmp` file,
    which no key can name."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / check_key(key)

    async def put(self, key: str, data: bytes) -> BlobInfo:
        return await asyncio.to_thread(self._put, key, data)

    async def open(self, key: str, first: int = 0, last: int | None = None
                   ) -> AsyncIterator[bytes]:
        path = self.path(key)
        try:
            file = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError as exc:
            raise BlobMissing(key) from exc
        return _chunks(file, first, last)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, missing_ok=True)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path(key).is_file)

    def _put(self, key: str, data: bytes) -> BlobInfo:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            with temporary.open("wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        _sync_folder(target.parent)
        return BlobInfo(key, len(data), hashlib.sha256(data).hexdigest())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


async def _chunks(file: BinaryIO, first: int, last: int | None) -> AsyncIterator[bytes]:
    try:
        if first:
            await asyncio.to_thread(file.seek, first)
        left = None if last is None else last - first + 1
        while left is None or left > 0:
            chunk = await asyncio.to_thread(file.read, CHUNK if left is None else min(CHUNK, left))
            if not chunk:
                return
            if left is not None:
                left -= len(chunk)
            yield chunk
    finally:
        file.close()
