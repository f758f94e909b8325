"""The qasync loop for Qt tests (docs/architecture.md, "Qt and asyncio"), registered by
tests/conftest.py.

Not autouse: the plain async tests of desktop/api, desktop/cache and the server keep
pytest-asyncio's own loop; the service and end-to-end suites make ``loop`` autouse in their
conftest."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest
import qasync

from desktop.services.shared.async_generators import close_abandoned_generators_on


@pytest.fixture(scope="session")
def qt_loop(qapp) -> Iterator[qasync.QEventLoop]:
    """One loop for the whole run: never stopped or closed while Qt runs (docs/architecture.md)."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    close_abandoned_generators_on(loop)  # as the app does (desktop/app.py)
    # Our own executor for asyncio.to_thread, so its threads can be joined at the end.
    executor = qasync.QThreadExecutor(2)
    loop.set_default_executor(executor)
    yield loop
    executor.shutdown(wait=True)
    asyncio.events._set_running_loop(None)


@pytest.fixture
def loop(qt_loop: qasync.QEventLoop) -> Iterator[qasync.QEventLoop]:
    """The qasync loop, current (and counted as running) for the duration of the test."""
    asyncio.set_event_loop(qt_loop)
    asyncio.events._set_running_loop(qt_loop)  # what qasync does for an already running app
    yield qt_loop
    # pytest-asyncio refuses to start its loop while another one counts as running.
    asyncio.events._set_running_loop(None)


@pytest.fixture
def run(qtbot, loop) -> Callable[[Coroutine[Any, Any, Any]], Any]:
    """Run a coroutine on the qasync loop while Qt processes events; returns its result."""

    def run_coroutine(coro: Coroutine[Any, Any, Any], timeout: int = 20_000) -> Any:
        task = loop.create_task(coro)
        qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    return run_coroutine
