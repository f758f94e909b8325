"""What the messages report before their page is opened: the unread count after "Berichten"
in the navigation, and in the status bar whether updates arrive live or every few minutes
(the event stream is held for messages, news and decisions alike; desktop/services/live.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from desktop.views.shared.pages import Navigator, PageContext

if TYPE_CHECKING:
    from desktop.services.live import LiveUpdates
    from desktop.services.messages.service import MessagesService

__all__ = ["MessagesNotices"]

KEY = "messages"


class MessagesNotices(QObject):
    """Lives as long as its parent (the main window): the services outlive every window."""

    def __init__(self, messages: MessagesService, live: LiveUpdates, navigator: Navigator,
                 status: QLabel, parent: QObject) -> None:
        super().__init__(parent)
        self._navigator = navigator
        self.status = status
        self.status.setObjectName("liveStatus")
        messages.unreadChanged.connect(self._unread_changed)
        live.connectedChanged.connect(self._live_changed)
        self._unread_changed(messages.unread)
        self._live_changed(live.connected)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        label = QLabel(context.status_bar)
        context.status_bar.addWidget(label)
        cls(context.services.messages, context.services.live, context.navigator, label,
            context.parent)

    def _live_changed(self, connected: bool) -> None:
        self.status.setText("" if connected else self.tr(
            "No live connection: messages and news are checked every few minutes."))

    def _unread_changed(self, count: int) -> None:
        self._navigator.show_count(KEY, count)
