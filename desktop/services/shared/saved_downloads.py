"""A download the user saves to a file of their choice ("Mijn gegevens downloaden", "Dagboek
opslaan als PDF"): a partial file beside the target until the last byte, flushed, then
renamed — an interrupted download or a full disk never leaves half a file under the chosen
name, and the disk's refusal is a :class:`desktop.cache.disk.DiskProblem`."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cache.disk import fsync_directory, writing

if TYPE_CHECKING:
    from desktop.api.core.transport import Download
    from desktop.services.session.service import SessionService

__all__ = ["save_download"]

Opened = Callable[[Any], AbstractAsyncContextManager["Download"]]
Progress = Callable[[int, int], None]


async def save_download(session: SessionService, opened: Opened, target: Path,
                        progress: Progress | None = None) -> None:
    """Stream ``opened(client)`` into ``target``; ``progress(received, total)`` per chunk
    (total 0 while unknown)."""
    partial = target.with_name(f".{target.name}.part")

    async def save(client: Any) -> None:
        async with opened(client) as download:
            received = 0
            with writing(partial), open(partial, "wb") as handle:
                async for chunk in download.chunks:
                    handle.write(chunk)
                    received += len(chunk)
                    if progress is not None:
                        progress(received, download.total or 0)
                handle.flush()
                os.fsync(handle.fileno())

    try:
        await session.request(save)
        with writing(target):
            os.replace(partial, target)
            fsync_directory(target.parent)
    finally:
        partial.unlink(missing_ok=True)
