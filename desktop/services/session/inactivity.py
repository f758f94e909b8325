"""Notices when nobody has used the app for a while (shared-PC inactivity lock)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

__all__ = ["InactivityWatcher"]

# Input that proves a person is at the keyboard. Paint, timer and focus events do not count:
# a clock ticking in the status bar must not keep a shared PC unlocked.
_USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class InactivityWatcher(QObject):
    """Emits ``timedOut`` once after ``minutes`` without user input anywhere in the app.

    It watches the application's events through an event filter; :meth:`start` arms it and
    :meth:`stop` disarms it (e.g. while the lock screen is up). Input only records the time (a
    mouse move must stay cheap); when the timer fires it checks how long the app has really been
    idle and waits for the rest if someone used it meanwhile. ``clock`` (seconds, monotonic) is
    injectable for tests.
    """

    timedOut = Signal()

    def __init__(
        self,
        app: QCoreApplication,
        minutes: float,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._clock = clock
        self._idle_limit = max(0.001, minutes * 60.0)
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._check)
        self._filtering = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self._filtering:
            self._app.installEventFilter(self)
            self._filtering = True
        self._last_input = self._clock()
        self._arm(self._idle_limit)

    def stop(self) -> None:
        self._timer.stop()
        if self._filtering:
            self._app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _USER_INPUT:
            self._last_input = self._clock()
        return False  # never swallow the event

    def _check(self) -> None:
        remaining = self._idle_limit - (self._clock() - self._last_input)
        if remaining > 0:
            self._arm(remaining)  # someone used the app meanwhile: wait for the rest
            return
        self.stop()
        self.timedOut.emit()

    def _arm(self, seconds: float) -> None:
        self._timer.start(max(1, math.ceil(seconds * 1000)))
