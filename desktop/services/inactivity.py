"""Notices when nobody has used the app for a while (shared-PC inactivity lock)."""

from __future__ import annotations

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
    :meth:`stop` disarms it (e.g. while the lock screen is up).
    """

    timedOut = Signal()

    def __init__(self, app: QCoreApplication, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise, so the countdown really restarts at each input (a coarse timer may round).
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(minutes * 60_000)))
        self._timer.timeout.connect(self._expire)
        self._filtering = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self._filtering:
            self._app.installEventFilter(self)
            self._filtering = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._filtering:
            self._app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _USER_INPUT and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False  # never swallow the event

    def _expire(self) -> None:
        self.stop()
        self.timedOut.emit()
