"""Which arrivals become a desktop notification (docs/architecture.md, "Notifications").

The messages, the news and the extra days already say what arrived since their previous sync
(``replyArrived``, ``newsArrived``, ``decisionsArrived``, fed by the event stream and by their
polling). The :class:`Notifier` decides which of those the user is told about outside the
window, and keeps the one unread total the tray shows. Nobody is notified of

- a category the user switched off (``enabled(category)``; the preferences service answers,
  every category is on until it is wired),
- what they did themselves (their own news item; their own messages are never unread),
- the conversation that is open and on screen (``on_screen(conversation_id)``, which the
  window answers; until a window asks, nothing is on screen),
- anything while the shared-PC lock is up.

On a shared PC a notification is ``private``: its text says only "new message", never who
wrote or what (the next user may see it in the system's notification list).

This module only decides; the tray icon and the words are the views'
(``desktop/views/tray.py``, ``desktop/models/notifications.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.api.extra_days.records import ExtraDayRequest
from desktop.api.messages.records import Conversation
from desktop.api.news.records import NewsItem
from desktop.services.agenda.extra_days import ExtraDayService
from desktop.services.messages.service import MessagesService
from desktop.services.news import NewsService
from desktop.services.session.service import SessionService

__all__ = ["CATEGORIES", "DECISIONS", "MESSAGES", "NEWS", "Notification", "Notifier",
           "all_enabled"]

#: The categories of the notification preferences (the same names on the server).
MESSAGES, NEWS, DECISIONS = "messages", "news", "decisions"
CATEGORIES = (MESSAGES, NEWS, DECISIONS)

Item = Conversation | NewsItem | ExtraDayRequest


def all_enabled(_category: str) -> bool:
    """Every category on: the default until the preferences are wired."""
    return True


@dataclass(frozen=True)
class Notification:
    """One arrival to tell: its ``category``, the ``item`` it opens, and whether its text
    must hide who and what (``private``: a shared PC)."""

    category: str
    item: Item
    private: bool


class Notifier(QObject):
    """Signals: ``notify(Notification)``; ``unreadChanged(messages, news)`` — what waits
    unread, for the tray's badge and tooltip (0, 0 after logout)."""

    notify = Signal(object)
    unreadChanged = Signal(int, int)

    def __init__(self, session: SessionService, messages: MessagesService, news: NewsService,
                 extra_days: ExtraDayService, *,
                 enabled: Callable[[str], bool] = all_enabled,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._messages = messages
        self._news = news
        self.enabled = enabled
        self.on_screen: Callable[[int], bool] = lambda _conversation_id: False
        messages.replyArrived.connect(self._reply_arrived)
        news.newsArrived.connect(self._news_arrived)
        extra_days.decisionsArrived.connect(self._decisions_arrived)
        messages.unreadChanged.connect(self._unread_changed)
        news.unreadChanged.connect(self._unread_changed)

    @property
    def unread(self) -> tuple[int, int]:
        """(unread messages, unread news items)."""
        return self._messages.unread, self._news.unread

    async def aclose(self) -> None:
        """Nothing of its own to close (the container closes every service alike)."""

    def _reply_arrived(self, conversation: Conversation) -> None:
        if not self.on_screen(conversation.id):
            self._tell(MESSAGES, conversation)

    def _news_arrived(self, item: NewsItem) -> None:
        if not item.mine:
            self._tell(NEWS, item)

    def _decisions_arrived(self, requests: list[ExtraDayRequest]) -> None:
        for request in requests:
            self._tell(DECISIONS, request)

    def _tell(self, category: str, item: Item) -> None:
        if self._session.account is None or self._session.is_locked:
            return
        if not self.enabled(category):
            return
        self.notify.emit(Notification(category, item, private=self._session.shared_pc))

    def _unread_changed(self, *_count: int) -> None:
        self.unreadChanged.emit(*self.unread)
