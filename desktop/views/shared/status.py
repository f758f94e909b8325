"""The status bar's contents: online/offline (icon + words, never colour alone) and last sync."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.models.shared.formatting import format_moment
from desktop.views.shared.theme import icon

__all__ = ["ConnectionStatus", "LastSynced"]


class ConnectionStatus(QWidget):
    """"Online" with a check, or "Offline — showing saved data" with a cross."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionStatus")
        self._icon = QLabel(self)
        self._icon.setFixedSize(18, 18)
        self._text = QLabel(self)
        self._text.setObjectName("connectionText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self._icon)
        layout.addWidget(self._text)
        self.set_online(True)

    @property
    def text(self) -> str:
        return self._text.text()

    def set_online(self, online: bool) -> None:
        name = "online" if online else "offline"
        self._icon.setPixmap(icon(name).pixmap(QSize(16, 16)))
        text = self.tr("Online") if online else self.tr("Offline — showing saved data")
        self._text.setText(text)
        self.setAccessibleName(text)


class LastSynced(QLabel):
    """"Last updated: today 14:05"; re-rendered every minute so "today" turns into "yesterday"."""

    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lastSynced")
        self._clock = clock
        self._when: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(60_000)
        self._timer.timeout.connect(self._render)
        self._timer.start()
        self._render()

    def set_last_synced(self, when: datetime | None) -> None:
        self._when = when
        self._render()

    def _render(self) -> None:
        if self._when is None:
            self.setText(self.tr("Not updated yet"))
        else:
            moment = format_moment(self._when, self._clock())
            self.setText(self.tr("Last updated: {moment}").format(moment=moment))
