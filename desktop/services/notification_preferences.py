"""The account's notification preferences (docs/api.md, "Notifications"): which categories of
desktop notification to show, and the mails about unread messages. Stored on the portal, so
they follow the user to every computer; read at login and whenever the Account page shows.

The tray notifier asks :meth:`NotificationPreferencesService.enabled` before it shows a
notification. A choice that could not be saved (offline, the portal away, a refusal) is kept
here and counts at once; it is saved again when the portal can be reached again.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.account.records import CATEGORIES, NotificationPreferences
from desktop.api.core.errors import ConnectionProblem, PortalError, ServerError, SessionExpired
from desktop.api.core.transport import new_idempotency_key
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["CATEGORIES", "NotificationPreferencesService"]


class NotificationPreferencesService(QObject):
    """Signals: ``changed(NotificationPreferences)`` whenever what counts changed (loaded,
    chosen, saved); ``saved()`` once the portal has the choice; ``problem(message)`` when the
    preferences could not be loaded or a choice not saved (it is kept: see the module);
    ``problemSolved()``."""

    changed = Signal(object)
    saved = Signal()
    problem = Signal(str)
    problemSolved = Signal()

    def __init__(self, session: SessionService, *, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._stored: NotificationPreferences | None = None  # what the portal has
        self._unsaved: NotificationPreferences | None = None  # chosen, not saved yet
        self._key: str | None = None  # the unsaved choice's idempotency key
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._forget)
        session.sessionExpired.connect(self._forget)
        session.connection.onlineChanged.connect(self._online_changed)

    @property
    def preferences(self) -> NotificationPreferences | None:
        """What counts now: the unsaved choice if there is one, else the portal's."""
        return self._unsaved or self._stored

    @property
    def unsaved(self) -> bool:
        return self._unsaved is not None

    def enabled(self, category: str) -> bool:
        """Whether to show a desktop notification of ``category`` (one of
        :data:`CATEGORIES`). Until the preferences are known (offline at start) every
        category is on, as it is for an account that never chose; a category that is not the
        account's (staff have no ``diary``) is off."""
        chosen = self.preferences
        if chosen is None:
            return category in CATEGORIES
        return chosen.desktop.get(category, False)

    def load(self) -> None:
        if self._session.account is not None and self._unsaved is None:
            self._tasks.run("load", self._load(), self._load_failed)

    def choose(self, chosen: NotificationPreferences) -> None:
        """The user's new choice: it counts at once and is saved to the portal."""
        if chosen == self.preferences:
            return
        self._unsaved = chosen
        self._key = new_idempotency_key()
        self.changed.emit(chosen)
        self._save()

    def set_desktop(self, category: str, on: bool) -> None:
        current = self.preferences or NotificationPreferences(desktop={})
        self.choose(replace(current, desktop={**current.desktop, category: on}))

    def set_email(self, *, unread_messages: bool | None = None,
                  include_text: bool | None = None) -> None:
        current = self.preferences or NotificationPreferences(desktop={})
        self.choose(replace(
            current,
            email_unread_messages=current.email_unread_messages if unread_messages is None
            else unread_messages,
            email_include_text=current.email_include_text if include_text is None
            else include_text))

    def retry(self) -> None:
        """Save the unsaved choice again (the message bar's "Try again"), or load."""
        if self._unsaved is not None:
            self._save()
        else:
            self.load()

    # -- the work ------------------------------------------------------------------------------
    def _save(self) -> None:
        chosen, key = self._unsaved, self._key
        if chosen is not None and self._session.account is not None:
            self._tasks.run("save", self._send(chosen, key), self._save_failed)

    async def _send(self, chosen: NotificationPreferences, key: str | None) -> None:
        stored = await self._session.request(
            lambda client: client.account.set_notifications(chosen, key))
        if self._unsaved is chosen:  # not chosen again meanwhile (that one is on its way)
            self._unsaved = self._key = None
        self._stored = stored
        self.problemSolved.emit()
        self.saved.emit()
        self.changed.emit(self.preferences)

    async def _load(self) -> None:
        stored = await self._session.request(lambda client: client.account.notifications())
        self._stored = stored
        self.problemSolved.emit()
        if self._unsaved is None:
            self.changed.emit(stored)

    # -- outcomes ------------------------------------------------------------------------------
    def _save_failed(self, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return
        if isinstance(error, ConnectionProblem | ServerError):
            self.problem.emit(QCoreApplication.translate(
                "NotificationPreferences",
                "Your notification choices could not be saved: {reason} They count on this "
                "computer and are saved as soon as the portal can be reached.").format(
                reason=user_message(error)))
        else:
            self.problem.emit(QCoreApplication.translate(
                "NotificationPreferences",
                "Your notification choices could not be saved: {reason}").format(
                reason=user_message(error)))

    def _load_failed(self, error: PortalError) -> None:
        if isinstance(error, SessionExpired) and self._session.account is None:
            return
        self.problem.emit(user_message(error))

    def _online_changed(self, online: bool) -> None:
        if online:
            self._save()

    def _logged_in(self, *_args: object) -> None:
        self.load()

    def _forget(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._stored = self._unsaved = self._key = None

    async def aclose(self) -> None:
        await self._tasks.drain()
