"""One background task of a server process (the finance publisher, the unread-message mails):
started in the app's lifespan, cancelled and awaited at its end."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any


class BackgroundTask:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self, name: str, work: Coroutine[Any, Any, None]) -> None:
        self._task = asyncio.create_task(work, name=name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
