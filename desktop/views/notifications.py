"""The "Meldingen" block of the Account page: a checkbox per category of desktop
notification the app gives (``desktop.services.notifications.CATEGORIES``; only the account's
own, as the portal lists them: parents all five, staff messages and news), and the mails
about unread messages. Loaded from and saved to the portal through
``NotificationPreferencesService``; a choice that could not be saved stays checked as chosen
and the message bar says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from desktop.models.shared.records import NotificationPreferences
from desktop.services.notifications import CATEGORIES
from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.pages import Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.notification_preferences import NotificationPreferencesService

__all__ = ["NotificationsPanel"]

SOURCE = "notifications"

LABELS = {
    "messages": QT_TRANSLATE_NOOP("NotificationsPanel", "New messages"),
    "news": QT_TRANSLATE_NOOP("NotificationsPanel", "News"),
    "decisions": QT_TRANSLATE_NOOP("NotificationsPanel", "Decisions on your requests"),
    "diary": QT_TRANSLATE_NOOP("NotificationsPanel", "New in the diary"),
    "photos": QT_TRANSLATE_NOOP("NotificationsPanel", "New photos"),
}


class NotificationsPanel(QWidget):
    def __init__(self, service: NotificationPreferencesService, messages: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationPreferences")
        self._service = service
        self._messages = messages

        title = mark(QLabel(self.tr("Notifications"), self), "subheading")
        desktop_hint = mark(QLabel(self.tr(
            "Show a notification on this computer for:"), self), "muted")
        desktop_hint.setWordWrap(True)
        self.status = mark(QLabel(self.tr("Loading your notification choices…"), self),
                           "muted")
        self.status.setObjectName("notificationsStatus")
        self.categories: dict[str, QCheckBox] = {}
        for category in CATEGORIES:
            box = QCheckBox(QCoreApplication.translate("NotificationsPanel", LABELS[category]),
                            self)
            box.setObjectName(f"notify_{category}")
            box.hide()
            box.clicked.connect(lambda on, c=category: service.set_desktop(c, on))
            self.categories[category] = box
        self.email_unread = QCheckBox(self.tr(
            "E-mail me when a message has stayed unread for a while"), self)
        self.email_unread.setObjectName("emailUnreadMessages")
        self.email_text = QCheckBox(self.tr("Include the message itself in that e-mail"), self)
        self.email_text.setObjectName("emailIncludeText")
        self.email_text.setToolTip(self.tr(
            "Without it the e-mail only says who wrote about which child; you read the message "
            "in the app."))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(desktop_hint)
        for box in self.categories.values():
            layout.addWidget(box)
        layout.addSpacing(6)
        layout.addWidget(self.email_unread)
        email_text_row = QVBoxLayout()
        email_text_row.setContentsMargins(24, 0, 0, 0)
        email_text_row.addWidget(self.email_text)
        layout.addLayout(email_text_row)

        self.email_unread.clicked.connect(
            lambda on: service.set_email(unread_messages=on))
        self.email_text.clicked.connect(lambda on: service.set_email(include_text=on))
        service.changed.connect(self.show_preferences)
        service.problem.connect(self._problem)
        service.problemSolved.connect(self._solved)
        self._set_enabled(False)
        if service.preferences is not None:
            self.show_preferences(service.preferences)

    @classmethod
    def from_context(cls, context: PageContext) -> NotificationsPanel:
        return cls(context.services.notification_preferences, context.messages, context.parent)

    def activate(self, intent: Intent | None = None) -> None:
        """Shown with the Account page: fetch them (another computer may have changed them)."""
        self._service.load()

    def _set_enabled(self, enabled: bool) -> None:
        for box in (*self.categories.values(), self.email_unread):
            box.setEnabled(enabled)
        self.email_text.setEnabled(enabled and self.email_unread.isChecked())

    def show_preferences(self, chosen: NotificationPreferences) -> None:
        self.status.hide()
        for category, box in self.categories.items():
            box.setVisible(category in chosen.desktop)
            box.setChecked(chosen.desktop.get(category, False))
        self.email_unread.setChecked(chosen.email_unread_messages)
        self.email_text.setChecked(chosen.email_include_text)
        self._set_enabled(True)

    def _problem(self, text: str) -> None:
        if self._service.preferences is None:
            self.status.setText(self.tr("Your notification choices could not be loaded."))
        self._messages.show_message(text, source=SOURCE, action_text=self.tr("Try again"),
                                    action=self._service.retry)

    def _solved(self) -> None:
        self._messages.clear(SOURCE)
