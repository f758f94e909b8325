"""What the messages report before their page is opened: the unread count after "Berichten"
in the navigation, and a fetch that failed in the message bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.views.shared.pages import Navigator, PageContext

if TYPE_CHECKING:
    from desktop.services.messages.service import MessagesService

__all__ = ["MessagesNotices"]

KEY = "messages"


class MessagesNotices(QObject):
    """Lives as long as its parent (the main window): the services outlive every window."""

    def __init__(self, messages: MessagesService, navigator: Navigator,
                 parent: QObject) -> None:
        super().__init__(parent)
        self._navigator = navigator
        messages.unreadChanged.connect(self._unread_changed)
        self._unread_changed(messages.unread)

    @classmethod
    def attach(cls, context: PageContext) -> None:
        cls(context.services.messages, context.navigator, context.parent)

    def _unread_changed(self, count: int) -> None:
        self._navigator.show_count(KEY, count)
