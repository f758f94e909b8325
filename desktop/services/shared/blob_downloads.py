"""One download per blob: whoever wants a file that is being downloaded shares that download.

The viewer opening a document while the background sync fetches it — and photos or attachments
opened while their sync runs, once those exist — must never start a second download of the
same file: two writers appending to one ``.part`` file interleave their bytes, every checksum
fails and the file is fetched again and again. A second caller awaits the download already
running (and gets its result or its error) instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

__all__ = ["BlobDownloads"]


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
