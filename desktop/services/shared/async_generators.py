"""Async generators the code abandoned are closed on the loop, as asyncio's own loop does.

``BaseEventLoop.run_forever`` installs asyncio's async-generator hooks; qasync's loop never
does. Without them an async generator left suspended — httpx's body iterators when a download's
loop body raised (a full disk) or was cancelled — is closed by the garbage collector, outside
any task, wherever it happens to run: httpcore's clean-up then fails ("exit cancel scope in a
different task") and its connection is not released. With the hook the generator's ``aclose``
runs as a task on the loop, the way an asyncio loop would run it.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncGenerator
from typing import Any

__all__ = ["close_abandoned_generators_on"]


def close_abandoned_generators_on(loop: asyncio.AbstractEventLoop) -> None:
    """From now on, a suspended async generator that is garbage is closed by a task on ``loop``
    (the collector may run in any thread, hence ``call_soon_threadsafe``)."""

    def finalize(generator: AsyncGenerator[Any, Any]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: the process is ending
            loop.call_soon_threadsafe(loop.create_task, generator.aclose())

    sys.set_asyncgen_hooks(finalizer=finalize)
