"""Turns bugs (unexpected exceptions) into a report the crash dialog can show and copy.

Expected failures (offline, wrong password, ...) never come here: they are PortalErrors routed to
the services' message signals. Whatever else escapes — from Qt slots through ``sys.excepthook``,
from asyncio tasks through the loop's exception handler — becomes one ``crashed`` signal.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import sys
import traceback
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal, qVersion

from desktop.api.core.version import app_version

__all__ = ["CrashReporter", "crash_report"]

log = logging.getLogger(__name__)


def crash_report(error: BaseException) -> str:
    """Version, platform and traceback as plain text (no locals, so no secrets)."""
    lines = [
        f"Ouderportaal {app_version()}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        "",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashReporter(QObject):
    """Collects unexpected exceptions; emits ``crashed(report_text)`` for each.

    :meth:`install` hooks ``sys.excepthook`` and the asyncio loop's exception handler;
    :meth:`uninstall` puts the previous hooks back.
    """

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous_hook: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self._excepthook
        self._loop = loop
        loop.set_exception_handler(self._loop_handler)

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self._loop is not None:
            self._loop.set_exception_handler(None)
            self._loop = None

    def report(self, error: BaseException) -> None:
        """Report one unexpected exception (services call this for failed tasks)."""
        text = crash_report(error)
        log.error("unexpected error\n%s", text)
        self.crashed.emit(text)

    def _excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        self.report(error)

    def _loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, BaseException):
            self.report(error)
        else:
            # No exception object (e.g. "task was destroyed but is pending"): still a bug,
            # but there is nothing to show a parent; keep asyncio's own log line.
            loop.default_exception_handler(context)
