"""One background task of a server process (the finance publisher, the unread-message mails):
started in the app's lifespan and stopped at its end.

`stop()` does not cancel a round of work that is under way: a task cancelled inside a database
call leaves the driver closing that connection in a task of its own, which the process's event
loop would then end while it is still pending. The work checks `stopping` between its steps
and waits with `pause()`, which returns at once when the task is asked to stop; only a round
that has not ended after `STOP_GRACE` seconds is cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any

STOP_GRACE = 30.0


class BackgroundTask:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def start(self, name: str, work: Coroutine[Any, Any, None]) -> None:
        self._stop.clear()
        self._task = asyncio.create_task(work, name=name)

    async def pause(self, seconds: float, woken: asyncio.Event | None = None) -> None:
        """Wait `seconds`, less when `woken` is set or the task is asked to stop."""
        waits = [asyncio.ensure_future(self._stop.wait())]
        if woken is not None:
            waits.append(asyncio.ensure_future(woken.wait()))
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        self._stop.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(task), STOP_GRACE)
        if not task.done():
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
