"""Which arrivals become a desktop notification (docs/architecture.md, "Notifications").

The messages, the news, the extra days, the diary and the photos already say what arrived
since their previous sync (``replyArrived``, ``newsArrived``, ``decisionsArrived``,
``daysArrived``, ``photosArrived``, fed by the event stream and by their polling or page
visits). The :class:`Notifier` decides which of those the user is told about outside the
window, and keeps the one unread total the tray shows. Nobody is notified of

- a category the user switched off (``enabled(category)``; the preferences service answers,
  every category is on until it is wired),
- what they did themselves (their own news item; their own messages are never unread; their
  own diary notes are not news to the diary),
- the diary and the photos unless they are a parent (staff write and post them),
- the conversation that is open and on screen (``on_screen(conversation_id)``, which the
  window answers; until a window asks, nothing is on screen),
- anything while the shared-PC lock is up.

On a shared PC a notification is ``private``: its text says only "new message" (or "new in
the diary", "new photos"), never who wrote, which child or what (the next user may see it in
the system's notification list).

This module only decides; the tray icon and the words are the views'
(``desktop/views/tray.py``, ``desktop/models/notifications.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal

from desktop.api.diary.records import DiaryDay
from desktop.api.extra_days.records import ExtraDayRequest
from desktop.api.messages.records import Conversation
from desktop.api.news.records import NewsItem
from desktop.api.photos.records import Photo
from desktop.services.agenda.extra_days import ExtraDayService
from desktop.services.diary.service import DiaryService
from desktop.services.messages.service import MessagesService
from desktop.services.news import NewsService
from desktop.services.photos.service import PhotosService
from desktop.services.profile import ProfileService
from desktop.services.session.account import STAFF_ROLES
from desktop.services.session.service import SessionService

__all__ = ["CATEGORIES", "DECISIONS", "DIARY", "MESSAGES", "NEWS", "PHOTOS", "DiaryArrival",
           "Notification", "Notifier", "PhotosArrival", "all_enabled"]

#: The categories of the notification preferences (the same names on the server).
MESSAGES, NEWS, DECISIONS, DIARY, PHOTOS = "messages", "news", "decisions", "diary", "photos"
CATEGORIES = (MESSAGES, NEWS, DECISIONS, DIARY, PHOTOS)


@dataclass(frozen=True)
class DiaryArrival:
    """What one sync brought to a child's diary: the days, newest first."""

    child_id: int
    child_name: str
    days: tuple[date, ...]


@dataclass(frozen=True)
class PhotosArrival:
    """The photos of one activity that one sync brought."""

    activity_id: int
    activity_title: str
    count: int


Item = Conversation | NewsItem | ExtraDayRequest | DiaryArrival | PhotosArrival


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
                 extra_days: ExtraDayService, diary: DiaryService, photos: PhotosService,
                 profile: ProfileService, *,
                 enabled: Callable[[str], bool] = all_enabled,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._messages = messages
        self._news = news
        self._profile = profile
        self.enabled = enabled
        self.on_screen: Callable[[int], bool] = lambda _conversation_id: False
        messages.replyArrived.connect(self._reply_arrived)
        news.newsArrived.connect(self._news_arrived)
        extra_days.decisionsArrived.connect(self._decisions_arrived)
        diary.daysArrived.connect(self._days_arrived)
        photos.photosArrived.connect(self._photos_arrived)
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

    def _days_arrived(self, child_id: int, days: list[DiaryDay]) -> None:
        """One notification per sync of a child's diary, however many events led to it."""
        if self._is_parent():
            profile = self._profile.profile
            name = next((c.first_name for c in profile.children if c.id == child_id), "") \
                if profile is not None else ""
            self._tell(DIARY, DiaryArrival(child_id, name, tuple(d.day for d in days)))

    def _photos_arrived(self, photos: list[Photo]) -> None:
        if self._is_parent() and photos:
            self._tell(PHOTOS, PhotosArrival(photos[0].activity_id, photos[0].activity_title,
                                             len(photos)))

    def _is_parent(self) -> bool:
        account = self._session.account
        return account is not None and account.role not in STAFF_ROLES

    def _tell(self, category: str, item: Item) -> None:
        if self._session.account is None or self._session.is_locked:
            return
        if not self.enabled(category):
            return
        self.notify.emit(Notification(category, item, private=self._session.shared_pc))

    def _unread_changed(self, *_count: int) -> None:
        self.unreadChanged.emit(*self.unread)
