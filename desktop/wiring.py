"""The composition root: the app's services, built once, injected into its windows.

:class:`DesktopApp` builds the :class:`desktop.services.container.Services`, the login window
and — after each login — a fresh main window, and switches between them on the session's
signals. No globals: everything a window needs comes in through the container. Shutdown
follows docs/architecture.md ("Qt and asyncio"): closing a window sets
:attr:`DesktopApp.closed`; :meth:`DesktopApp.aclose` then closes the windows and every service.

Start-up (docs/architecture.md): only what the login window needs is built before its first
paint. Once it has painted, :meth:`DesktopApp.prepare` gets the rest ready while the parent
reads it — the demo portal, the account's services, the main window's code, the HTTP stack —
and whatever is not ready when a session begins is made then.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.cache.credentials import CredentialStore
from desktop.demo import DEMO_PASSWORD, DemoServer, demo_accounts
from desktop.i18n import ui_language
from desktop.services.container import LoginServices, Services
from desktop.services.session.clients import ClientFactory
from desktop.services.shared.crash import CrashReporter
from desktop.services.shared.long_lived import freeze_long_lived
from desktop.services.shared.tasks import TaskRunner
from desktop.views.login.panels import DemoLogin
from desktop.views.login.window import LoginWindow

if TYPE_CHECKING:
    from desktop.services.session.service import SessionService
    from desktop.views.crash_dialog import CrashDialog
    from desktop.views.main_window import MainWindow
    from desktop.views.tray import TrayNotifications

__all__ = ["AppOptions", "DesktopApp"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppOptions:
    """What the command line (or a test) asks of the app."""

    data_dir: Path
    portal: str = ""
    shared_pc: bool = False
    demo: DemoServer | None = None
    #: Each photo listing, once shown, kept out of the garbage collector's full collections
    #: (:mod:`desktop.services.shared.long_lived`): the app's own process only, not a test's.
    freeze_long_lived: bool = False


class _WindowWatcher(QObject):
    """Calls ``on_close`` when the watched window is closed (hiding it does not count), and
    ``on_first_paint`` once, after it has been painted for the first time."""

    def __init__(self, on_close: Callable[[], None], on_first_paint: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_close = on_close
        self._on_first_paint: Callable[[], None] | None = on_first_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.Close:
            self._on_close()
        elif kind == QEvent.Type.Paint and self._on_first_paint is not None:
            first_paint, self._on_first_paint = self._on_first_paint, None
            QTimer.singleShot(0, self, first_paint)  # once this paint is done
        return False


def _main_window_class() -> type[MainWindow]:
    # Imported on first use: the login window paints without the main window's code.
    from desktop.views.main_window import MainWindow

    return MainWindow


class DesktopApp(QObject):
    """Services and windows of one running app; :attr:`closed` is set when the user quits."""

    def __init__(
        self,
        options: AppOptions,
        *,
        app: QApplication,
        crash: CrashReporter,
        clients: ClientFactory | None = None,
        credentials: CredentialStore | None = None,
        settings: QSettings | None = None,
        machine_settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.closed = asyncio.Event()
        self.crash = crash
        self._clients = clients or ClientFactory(language=ui_language())
        self._login = LoginServices.build(
            options.data_dir,
            clients=self._clients,
            credentials=credentials,
            settings=settings,
            machine_settings=machine_settings,
            shared_pc=options.shared_pc,
            app=app,
            on_crash=crash.report,
            parent=self,
        )
        self._services: Services | None = None
        self._demo = options.demo
        self._freeze_long_lived = options.freeze_long_lived
        self._tasks = TaskRunner(crash.report)
        session = self._login.session

        demo_logins: tuple[DemoLogin, ...] = ()
        demo_mail_folder: Path | None = None
        portal = options.portal
        if options.demo is not None:
            portal = portal or options.demo.url
            demo_logins = tuple(
                DemoLogin(a.email, DEMO_PASSWORD, a.description) for a in demo_accounts()
            )
            demo_mail_folder = options.demo.mail_folder
        self.login_window = LoginWindow(
            session,
            self._login.password_reset,
            initial_portal=portal,
            demo_logins=demo_logins,
            demo_mail_folder=demo_mail_folder,
            shared_pc=session.shared_pc,
        )
        # One main window per login, so nothing of the previous account lingers in it.
        self.main_window: MainWindow | None = None
        self.tray: TrayNotifications | None = None  # the main window's (none without a tray)
        self._crash_dialogs: list[CrashDialog] = []
        self._shut_down = False

        self._watcher = _WindowWatcher(self.closed.set, self._painted, self)
        self.login_window.installEventFilter(self._watcher)
        # A session that begins before prepare() got that far finds its services made here.
        session.loggingIn.connect(self._make_services)
        crash.crashed.connect(self._show_crash)

    @property
    def session(self) -> SessionService:
        """The session, there from the start (the account's services may not be made yet)."""
        return self._login.session

    @property
    def services(self) -> Services:
        """Every service; the account's are made on first use (see the module docstring)."""
        if self._services is None:
            self._services = Services.on(self._login, on_crash=self.crash.report, parent=self)
            session = self._services.session
            # After the account's services: they have taken in a new session (or the end of
            # one) by the time the windows are switched.
            session.loggedIn.connect(self._show_main)
            session.loggedOut.connect(self._show_login)
            session.sessionExpired.connect(self._session_expired)
            if self._freeze_long_lived:
                self._services.photos.listingChanged.connect(freeze_long_lived)
        return self._services

    def start(self) -> None:
        # Before anything shows: what a crashed shared-PC session left must be gone first.
        self.session.remove_leftovers()
        self.login_window.show()

    def _painted(self) -> None:
        if not self._shut_down:
            self._tasks.run("prepare", self.prepare())

    async def prepare(self) -> None:
        """Get ready for the first login while the login window is on screen: start the demo
        portal, make the account's services, load the main window's code and the HTTP stack.
        Each step gives the event loop a turn, so typing is never held up for long."""
        if self._demo is not None and not self._tasks.running("demo"):
            self._tasks.run("demo", self._start_demo(self._demo))
        self.services  # noqa: B018 (made on first use)
        await asyncio.sleep(0)
        _main_window_class()
        await asyncio.sleep(0)
        await self._clients.ready()

    async def _start_demo(self, demo: DemoServer) -> None:
        # Its address was taken at start: the login window shows it, and a login sent before
        # the portal is up waits for it instead of being refused.
        try:
            await asyncio.to_thread(demo.start)
            if not self._shut_down:
                self.login_window.portal_started()
        except Exception:  # noqa: BLE001 (any reason: the app goes on without the demo)
            log.exception("the demo portal did not start")
            if not self._shut_down:
                self.login_window.show_message(QCoreApplication.translate(
                    "Demo", "The demo portal could not be started. You can still log in to "
                    "your organisation's portal."))

    def _make_services(self, _account: object) -> None:
        self.services  # noqa: B018 (made on first use)

    def _show_main(self, _account: object) -> None:
        self._drop_main_window()
        window = _main_window_class()(self.services)
        window.closeRequested.connect(self.closed.set)
        window.switchAccountRequested.connect(self.services.session.switch_account)
        self.main_window = window
        from desktop.views.tray import TrayNotifications  # with the main window's code

        self.tray = TrayNotifications.attach(self.services.notifications,
                                             self.services.messages, window)
        window.show()
        self.login_window.hide()

    def _show_login(self) -> None:
        self.login_window.show()
        self._drop_main_window()

    def _drop_main_window(self) -> None:
        tray, self.tray = self.tray, None
        if tray is not None:
            tray.remove()  # a session's icon goes with it (a shared PC keeps nothing)
        window, self.main_window = self.main_window, None
        if window is not None:
            window.closeRequested.disconnect(self.closed.set)
            window.hide()  # not close(): closing the main window means quitting the app
            window.deleteLater()

    def _session_expired(self, message: str) -> None:
        self._show_login()
        self.login_window.show_message(message)

    def _show_crash(self, report: str) -> None:
        from desktop.views.crash_dialog import CrashDialog  # only a crash needs it

        parent = self.main_window if self.main_window is not None else self.login_window
        dialog = CrashDialog(report, parent)
        dialog.finished.connect(lambda _result: self._close_dialog(dialog))
        # It goes with its window too (logout, quit): then it must not be deleted again.
        dialog.destroyed.connect(lambda *_args: self._forget_dialog(dialog))
        self._crash_dialogs.append(dialog)
        dialog.open()

    def _close_dialog(self, dialog: CrashDialog) -> None:
        self._forget_dialog(dialog)
        dialog.deleteLater()

    def _forget_dialog(self, dialog: CrashDialog) -> None:
        if dialog in self._crash_dialogs:
            self._crash_dialogs.remove(dialog)

    async def aclose(self) -> None:
        """Close the services (a shared-PC session is logged out) and the windows."""
        if self._shut_down:
            return
        self._shut_down = True
        self.crash.crashed.disconnect(self._show_crash)
        await self._tasks.drain()
        self.login_window.hide()
        self._drop_main_window()
        await (self._services or self._login).aclose()
        for window in (self.login_window, *self._crash_dialogs):
            window.deleteLater()
