"""Whether the portal can be reached, as every request of the session finds out.

The transport core of each client reports the outcome of every request here (the portal
answered, or there was no answer), so the status bar's "Online"/"Offline" agrees with every
message in the window — not only with the request one service happens to repeat.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

__all__ = ["Connection"]


class Connection(QObject):
    """Signals: ``onlineChanged(bool)``."""

    onlineChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._online = True

    @property
    def online(self) -> bool:
        return self._online

    def report(self, reached: bool) -> None:
        """The outcome of one request: the portal answered (True) or could not be reached."""
        if reached != self._online:
            self._online = reached
            self.onlineChanged.emit(reached)

    def reset(self) -> None:
        """Logged out: nothing is known about the next portal yet."""
        self.report(True)
