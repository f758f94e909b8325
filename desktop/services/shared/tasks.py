"""Named asyncio tasks for the services: the one place where async work is started from Qt.

Habits from style.md, in code: a new user action cancels the previous one of the same name
(typing a new organisation cancels the old check), every task is referenced until it ends (an
unreferenced task can be garbage-collected mid-flight), and every failure is routed — expected
ones (a :class:`PortalError`, or a :class:`DiskProblem`: a full or read-only disk) to the caller's
handler (which emits a translated message), anything else to the crash reporter. Nothing is
swallowed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from desktop.api.core.errors import PortalError
from desktop.cache.disk import DiskProblem
from desktop.cache.queued_writes import OutboxTooNew

__all__ = ["EXPECTED", "ErrorHandler", "ExpectedError", "TaskRunner"]

log = logging.getLogger(__name__)

#: Failures that are not bugs: the portal's or the network's, the disk's refusals, and writes
#: queued by a newer version of the app (after going back to an older one).
ExpectedError = PortalError | DiskProblem | OutboxTooNew
EXPECTED = (PortalError, DiskProblem, OutboxTooNew)
ErrorHandler = Callable[[ExpectedError], None]
CrashHandler = Callable[[BaseException], None]


class TaskRunner:
    """Runs coroutines as named tasks on the running (qasync) loop.

    ``on_crash`` receives unexpected exceptions; without one they go to the loop's exception
    handler, which :class:`desktop.services.shared.crash.CrashReporter` replaces in the app.
    """

    def __init__(self, on_crash: CrashHandler | None = None) -> None:
        self._on_crash = on_crash
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._live: set[asyncio.Task[Any]] = set()  # including cancelled ones still unwinding

    def run(
        self,
        name: str,
        coro: Coroutine[Any, Any, Any],
        on_error: ErrorHandler | None = None,
    ) -> asyncio.Task[Any]:
        """Start ``coro`` as task ``name``, cancelling a still running task of that name."""
        self.cancel(name)
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks[name] = task
        self._live.add(task)
        task.add_done_callback(lambda done: self._finished(name, done, on_error))
        return task

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def cancel(self, name: str) -> None:
        task = self._tasks.pop(name, None)
        if task is not None and not task.done():
            task.cancel()

    def cancel_all(self) -> None:
        for name in list(self._tasks):
            self.cancel(name)

    async def drain(self) -> None:
        """Cancel every task and wait until all have ended (clean shutdown)."""
        self.cancel_all()
        await self.join()

    async def join(self) -> None:
        """Wait (without cancelling) until every task started so far has ended, including
        cancelled ones that are still unwinding (their ``finally`` blocks may emit signals)."""
        while tasks := [t for t in self._live if not t.done()]:
            await asyncio.gather(*tasks, return_exceptions=True)

    def _finished(self, name: str, task: asyncio.Task[Any], on_error: ErrorHandler | None) -> None:
        self._live.discard(task)
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if isinstance(error, EXPECTED) and on_error is not None:
            on_error(error)
            return
        self._crash(task, error, name)

    def _crash(self, task: asyncio.Task[Any], error: BaseException, name: str) -> None:
        if self._on_crash is not None:
            self._on_crash(error)
            return
        task.get_loop().call_exception_handler(
            {"message": f"unexpected error in task {name!r}", "exception": error}
        )
