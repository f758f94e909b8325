"""Notices when nobody has used the app for a while (shared-PC inactivity lock), also across
a suspend: a laptop that wakes after an hour is locked before anyone can use it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

__all__ = ["CHECK_EVERY_SECONDS", "InactivityWatcher"]

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

# What happens when a computer wakes up or the app comes back to the front: look at the clock.
_WAKE_UP = frozenset({QEvent.Type.ApplicationStateChange, QEvent.Type.ApplicationActivate})

#: At most this long between two looks at the wall clock. Qt's timers (and Python's monotonic
#: clock) stand still while the computer sleeps, so a timer set for "ten minutes" can fire ten
#: minutes *after* waking; a short period bounds that to seconds.
CHECK_EVERY_SECONDS = 15.0


class InactivityWatcher(QObject):
    """Emits ``timedOut`` once after ``minutes`` without user input anywhere in the app.

    It watches the application's events through an event filter; :meth:`start` arms it and
    :meth:`stop` disarms it (e.g. while the lock screen is up). Input only records the time (a
    mouse move must stay cheap). Idle time is the larger of the monotonic and the wall-clock
    time since the last input: the monotonic clock is immune to clock changes but stops during
    a suspend, the wall clock keeps running. It is checked on a timer (at most
    ``check_every`` seconds apart), when the app is activated, and on the first input after a
    long pause — that input is swallowed, so the click that wakes a laptop cannot press a
    button behind the coming lock screen. ``monotonic`` and ``wall`` (seconds) are injectable
    for tests.
    """

    timedOut = Signal()

    def __init__(
        self,
        app: QCoreApplication,
        minutes: float,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        check_every: float = CHECK_EVERY_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._monotonic = monotonic
        self._wall = wall
        self._check_every = check_every
        self._idle_limit = max(0.001, minutes * 60.0)
        self._last_input = (monotonic(), wall())
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
        self._last_input = (self._monotonic(), self._wall())
        self._arm(self._idle_limit)

    def stop(self) -> None:
        self._timer.stop()
        if self._filtering:
            self._app.removeEventFilter(self)
            self._filtering = False

    def idle_seconds(self) -> float:
        """How long nobody has used the app (sleep included)."""
        monotonic, wall = self._last_input
        return max(self._monotonic() - monotonic, self._wall() - wall)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in _USER_INPUT:
            if self.idle_seconds() >= self._idle_limit:
                self._time_out()
                return True  # the first touch after a long pause only wakes the lock screen
            self._last_input = (self._monotonic(), self._wall())
        elif kind in _WAKE_UP:
            self._check()
        return False

    def _check(self) -> None:
        if not self._filtering:
            return
        remaining = self._idle_limit - self.idle_seconds()
        if remaining > 0:
            self._arm(remaining)  # someone used the app meanwhile: wait for the rest
            return
        self._time_out()

    def _time_out(self) -> None:
        self.stop()
        self.timedOut.emit()

    def _arm(self, seconds: float) -> None:
        wait = min(seconds, self._check_every)
        self._timer.start(max(1, math.ceil(wait * 1000)))
