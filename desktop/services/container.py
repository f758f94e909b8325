"""Every service of the app, built once per run and handed to the windows as one value.

The windows and the section pages receive a :class:`Services` instead of a list of arguments
that grows with each feature: a new feature adds one field and one line in :meth:`Services.on`.
Fields are in the order they are built (a later service may listen to an earlier one); shutdown
closes them in the reverse order, so the session — which the others call — closes last.

Built in two steps, so the login window paints without the account's services
(docs/architecture.md, "Start-up"): :class:`LoginServices` is what the login window needs (the
session and the password reset); :meth:`Services.on` adds the services of a logged-in account.
Their modules are imported there, not at the top of this one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings

from desktop.cache.credentials import CredentialStore
from desktop.services.session.clients import ClientFactory
from desktop.services.session.password_reset import PasswordResetService
from desktop.services.session.service import SessionService
from desktop.services.shared.tasks import CrashHandler

if TYPE_CHECKING:
    from desktop.services.account_security import AccountSecurityService
    from desktop.services.agenda.extra_days import ExtraDayService
    from desktop.services.agenda.service import AgendaService
    from desktop.services.auth_sessions import AuthSessionsService
    from desktop.services.diary.group_day import GroupDayService
    from desktop.services.diary.service import DiaryService
    from desktop.services.finance.service import FinanceService
    from desktop.services.live import LiveUpdates
    from desktop.services.messages.service import MessagesService
    from desktop.services.news import NewsService
    from desktop.services.notification_preferences import NotificationPreferencesService
    from desktop.services.notifications import Notifier
    from desktop.services.pending_requests import PendingRequestsService
    from desktop.services.personal_data import PersonalDataService
    from desktop.services.photos.posting import PhotoPostingService
    from desktop.services.photos.service import PhotosService
    from desktop.services.profile import ProfileService
    from desktop.services.save_everything import SaveEverythingService
    from desktop.services.shared.outbox import OutboxDelivery
    from desktop.services.update_hint import UpdateHintService

__all__ = ["LoginServices", "Services"]


async def _close_in_reverse(container: object) -> None:
    for service in reversed(fields(container)):
        await getattr(container, service.name).aclose()


@dataclass(frozen=True)
class LoginServices:
    """The services of the login window, built before its first paint."""

    session: SessionService
    password_reset: PasswordResetService

    @classmethod
    def build(
        cls,
        data_dir: Path,
        *,
        clients: ClientFactory,
        credentials: CredentialStore | None = None,
        settings: QSettings | None = None,
        machine_settings: QSettings | None = None,
        shared_pc: bool = False,
        app: QCoreApplication | None = None,
        on_crash: CrashHandler | None = None,
        parent: QObject | None = None,
    ) -> LoginServices:
        session = SessionService(data_dir, clients=clients, credentials=credentials,
                                 settings=settings, machine_settings=machine_settings,
                                 shared_pc=shared_pc, app=app,
                                 on_crash=on_crash, parent=parent)
        password_reset = PasswordResetService(clients=clients, on_crash=on_crash, parent=parent)
        return cls(session=session, password_reset=password_reset)

    async def aclose(self) -> None:
        """Close both, the session last (a shared-PC session is logged out then)."""
        await _close_in_reverse(self)


@dataclass(frozen=True)
class Services:
    """One instance of each service (docs/architecture.md, "The desktop app")."""

    session: SessionService
    password_reset: PasswordResetService
    profile: ProfileService
    auth_sessions: AuthSessionsService
    outbox: OutboxDelivery
    agenda: AgendaService
    extra_days: ExtraDayService
    finance: FinanceService
    pending_requests: PendingRequestsService
    update_hint: UpdateHintService
    account_security: AccountSecurityService
    personal_data: PersonalDataService
    messages: MessagesService
    news: NewsService
    live: LiveUpdates
    notifications: Notifier
    photos: PhotosService
    photo_posting: PhotoPostingService
    group_day: GroupDayService
    diary: DiaryService
    notification_preferences: NotificationPreferencesService
    save_everything: SaveEverythingService

    @classmethod
    def build(cls, data_dir: Path, **options: Any) -> Services:
        """Both steps at once; ``options`` are those of :meth:`LoginServices.build`."""
        return cls.on(LoginServices.build(data_dir, **options),
                      on_crash=options.get("on_crash"), parent=options.get("parent"))

    @classmethod
    def on(cls, login: LoginServices, *, on_crash: CrashHandler | None = None,
           parent: QObject | None = None) -> Services:
        """The account's services on top of ``login``'s. Call it before the session's first
        ``loggedIn``: each service connects to the session's signals when it is made."""
        # Imported here: the login window does not need them (module docstring).
        from desktop.services.account_security import AccountSecurityService
        from desktop.services.agenda.extra_days import ExtraDayService
        from desktop.services.agenda.service import AgendaService
        from desktop.services.auth_sessions import AuthSessionsService
        from desktop.services.diary.group_day import GroupDayService
        from desktop.services.diary.service import DiaryService
        from desktop.services.finance.service import FinanceService
        from desktop.services.live import LiveUpdates
        from desktop.services.messages.service import MessagesService
        from desktop.services.news import NewsService
        from desktop.services.notification_preferences import NotificationPreferencesService
        from desktop.services.notifications import Notifier
        from desktop.services.pending_requests import PendingRequestsService
        from desktop.services.personal_data import PersonalDataService
        from desktop.services.photos.posting import PhotoPostingService
        from desktop.services.photos.service import PhotosService
        from desktop.services.profile import ProfileService
        from desktop.services.save_everything import SaveEverythingService
        from desktop.services.shared.outbox import OutboxDelivery
        from desktop.services.update_hint import UpdateHintService

        # Built in this order on purpose: each connects to the session's signals when it is
        # made, and Qt calls the slots of a signal in the order they were connected.
        session = login.session
        profile = ProfileService(session, on_crash=on_crash, parent=parent)
        auth_sessions = AuthSessionsService(session, on_crash=on_crash, parent=parent)
        outbox = OutboxDelivery(session, on_crash=on_crash, parent=parent)
        agenda = AgendaService(session, profile, outbox=outbox, on_crash=on_crash, parent=parent)
        extra_days = ExtraDayService(session, on_crash=on_crash, parent=parent)
        finance = FinanceService(session, on_crash=on_crash, parent=parent)
        pending_requests = PendingRequestsService(session, on_crash=on_crash, parent=parent)
        update_hint = UpdateHintService(session, on_crash=on_crash, parent=parent)
        messages = MessagesService(session, outbox, on_crash=on_crash, parent=parent)
        news = NewsService(session, on_crash=on_crash, parent=parent)
        # One service holds the event stream; each subscriber syncs what an event names.
        live = LiveUpdates(session, on_crash=on_crash, parent=parent)
        live.event.connect(messages.live_event)
        live.event.connect(news.live_event)
        live.event.connect(extra_days.live_event)
        photos = PhotosService(session, on_crash=on_crash, parent=parent)
        diary = DiaryService(session, outbox, on_crash=on_crash, parent=parent)
        live.event.connect(photos.live_event)
        live.event.connect(diary.live_event)
        # What arrives may become a desktop notification (the tray of each main window
        # shows them); every category is on until the preferences answer `enabled`.
        notification_preferences = NotificationPreferencesService(session, on_crash=on_crash,
                                                                  parent=parent)
        notifications = Notifier(session, messages, news, extra_days, diary, photos, profile,
                                 enabled=notification_preferences.enabled, parent=parent)
        return cls(session=session, password_reset=login.password_reset, profile=profile,
                   auth_sessions=auth_sessions, outbox=outbox, agenda=agenda,
                   extra_days=extra_days, finance=finance, pending_requests=pending_requests,
                   update_hint=update_hint,
                   account_security=AccountSecurityService(session, on_crash=on_crash,
                                                           parent=parent),
                   personal_data=PersonalDataService(session, on_crash=on_crash,
                                                     parent=parent),
                   messages=messages, news=news, live=live, notifications=notifications,
                   photos=photos,
                   photo_posting=PhotoPostingService(session, on_crash=on_crash,
                                                     parent=parent),
                   group_day=GroupDayService(session, on_crash=on_crash, parent=parent),
                   diary=diary,
                   notification_preferences=notification_preferences,
                   save_everything=SaveEverythingService(session, profile, photos, finance,
                                                         on_crash=on_crash, parent=parent))

    async def aclose(self) -> None:
        """Close every service, the session last (a shared-PC session is logged out then)."""
        await _close_in_reverse(self)
