"""A stand-in for ``QSystemTrayIcon`` (the tests' platforms have no tray; tests/desktop/views/
test_tray.py checks that)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

__all__ = ["FakeTray"]


class FakeTray(QObject):
    """QSystemTrayIcon's interface as the tray uses it, recording what it was asked."""

    messageClicked = Signal()
    activated = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown = False
        self.tooltip = ""
        self.icon = QIcon()
        self.messages: list[tuple[str, str]] = []

    def show(self) -> None:
        self.shown = True

    def hide(self) -> None:
        self.shown = False

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt API)
        self.tooltip = text

    def setIcon(self, icon: QIcon) -> None:  # noqa: N802 (Qt API)
        self.icon = icon

    def showMessage(self, title: str, text: str, _icon: QIcon, _ms: int) -> None:  # noqa: N802
        self.messages.append((title, text))
