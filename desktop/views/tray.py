"""The tray icon of a logged-in session: the unread count (badge and tooltip), the desktop
notifications the :class:`desktop.services.notifications.Notifier` decides on, and a click
on either that brings the main window up with the item open (docs/architecture.md,
"Notifications").

One per main window, so one per login: :meth:`TrayNotifications.remove` takes the icon away
when the session ends (a shared PC keeps nothing of it). Where the desktop has no tray
(``QSystemTrayIcon.isSystemTrayAvailable()`` is false: a bare X server, some Wayland
desktops) nothing is made; the counts in the navigation are there all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QSystemTrayIcon, QWidget

from desktop.models.notifications import notification_text, unread_tooltip
from desktop.models.sections import SectionsModel
from desktop.models.shared.records import Conversation, NewsItem
from desktop.services.messages.service import MessagesService
from desktop.services.notifications import DiaryArrival, Notification, Notifier, PhotosArrival
from desktop.views.shared.on_screen import window_in_front
from desktop.views.shared.pages import OPEN_ITEM, Intent
from desktop.views.shared.theme import icon

__all__ = ["TrayNotifications", "TrayWindow", "badge_icon", "section_on_screen", "system_tray",
           "target_of"]

#: The badge's size in pixels (the icon is drawn at this size and scaled by the desktop).
SIZE = 64
#: How long a notification stays up, in milliseconds (the desktop may shorten it).
SHOWN_MS = 8000


class TrayWindow(Protocol):
    """What the tray needs of the main window (a QWidget besides)."""

    sections: SectionsModel
    navigation: QListView

    def show_section(self, key: str, intent: Intent | None = None) -> None: ...
    @property
    def is_locked(self) -> bool: ...


def section_on_screen(window: TrayWindow) -> str | None:
    """The key of the section the user is looking at: None while the window is hidden,
    minimised, behind another program's window or locked."""
    if not isinstance(window, QWidget) or not window_in_front(window) or window.is_locked:
        return None
    return window.sections.key_at(window.navigation.currentIndex().row())


def system_tray(parent: QObject) -> QSystemTrayIcon | None:
    """The desktop's tray icon, or None where the desktop has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    return QSystemTrayIcon(parent)


def target_of(item: object) -> Intent | None:
    """The section and item a notification opens: the conversation, the news item, the
    agenda on the day of a decided extra day, the Dagboek on the child's newest day that
    arrived (``(child_id, day)``), or Foto's at the activity (its id)."""
    if isinstance(item, DiaryArrival):
        return Intent("diary", OPEN_ITEM, (item.child_id, item.days[0])) if item.days else None
    if isinstance(item, PhotosArrival):
        return Intent("photos", OPEN_ITEM, item.activity_id)
    if isinstance(item, Conversation):
        return Intent("messages", OPEN_ITEM, item.id)
    if isinstance(item, NewsItem):
        return Intent("news", OPEN_ITEM, item.id)
    first_date = getattr(item, "first_date", None)
    return Intent("agenda", OPEN_ITEM, first_date) if isinstance(first_date, date) else None


def badge_icon(base: QIcon, count: int) -> QIcon:
    """The app's icon with the unread count in a red disc at its top right (none at 0)."""
    pixmap = base.pixmap(SIZE, SIZE)
    if count <= 0:
        return QIcon(pixmap)
    pixmap = QPixmap(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRect(QPoint(SIZE - 38, 0), QPoint(SIZE - 1, 37))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(22 if count < 10 else 17)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")
    painter.end()
    return QIcon(pixmap)


class TrayNotifications(QObject):
    """The tray icon and its notifications for one main window (``attach`` makes it)."""

    def __init__(self, notifier: Notifier, messages: MessagesService, window: TrayWindow,
                 tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notifier = notifier
        self._messages = messages
        self._window = window
        self.tray = tray
        self._base = icon("app")
        self._last: Notification | None = None  # what a click opens
        self.count = -1
        notifier.notify.connect(self._notify)
        notifier.unreadChanged.connect(self._show_unread)
        tray.messageClicked.connect(self._message_clicked)
        tray.activated.connect(self._activated)
        notifier.on_screen = self._on_screen
        self._show_unread(*notifier.unread)
        tray.show()

    @classmethod
    def attach(cls, notifier: Notifier, messages: MessagesService, window: QWidget, *,
               make_tray: Callable[[QObject], QSystemTrayIcon | None] | None = None,
               ) -> TrayNotifications | None:
        """The tray of ``window`` (a :class:`TrayWindow`), or None without a tray
        (``make_tray``: :func:`system_tray` unless a test gives its own)."""
        tray = (make_tray or system_tray)(window)
        if tray is None:
            return None
        return cls(notifier, messages, window, tray, window)  # type: ignore[arg-type]

    def remove(self) -> None:
        """The session ended: the icon goes, and with it whatever a click would open."""
        self._notifier.notify.disconnect(self._notify)
        self._notifier.unreadChanged.disconnect(self._show_unread)
        self._notifier.on_screen = lambda _conversation_id: False
        self._last = None
        self.tray.hide()
        self.tray.deleteLater()
        self.deleteLater()

    # --- reactions ----------------------------------------------------------------------------

    def _on_screen(self, conversation_id: int) -> bool:
        return (section_on_screen(self._window) == "messages"
                and self._messages.opened == conversation_id)

    def _notify(self, notification: Notification) -> None:
        title, text = notification_text(notification)
        self._last = notification
        self.tray.showMessage(title, text, self._base, SHOWN_MS)

    def _show_unread(self, messages: int, news: int) -> None:
        count = messages + news
        self.tray.setToolTip(unread_tooltip(messages, news))
        if count != self.count:
            self.count = count
            self.tray.setIcon(badge_icon(self._base, count))

    def _message_clicked(self) -> None:
        self._bring_up(self._last)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self._bring_up(self._last)

    def _bring_up(self, notification: Notification | None) -> None:
        window = self._window
        if isinstance(window, QWidget):
            if window.isMinimized():
                window.showNormal()
            window.show()
            window.raise_()
            window.activateWindow()
        self._last = None
        # Behind the lock the item stays closed: the lock screen is what shows.
        intent = target_of(notification.item) if notification is not None else None
        if intent is not None and not window.is_locked:
            window.show_section(intent.section, intent)
