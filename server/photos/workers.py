"""Image work off the event loop, bounded: `ImageWorkers.prepare` runs
`server.photos.images.prepare` on a pool of `Settings.image_workers` threads (Pillow releases
the GIL while it decodes, scales and encodes). A batch of 50 uploads queues for those threads;
the event loop keeps answering every other request meanwhile."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from server.photos.images import Limits, Prepared, prepare


class ImageWorkers:
    def __init__(self, workers: int, limits: Limits) -> None:
        self.limits = limits
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photos")

    async def prepare(self, data: bytes) -> Prepared:
        return await asyncio.get_running_loop().run_in_executor(
            self._pool, prepare, data, self.limits)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
