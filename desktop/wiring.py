"""The composition root: the app's services, built once, injected into its windows.

:class:`DesktopApp` builds the :class:`desktop.services.container.Services`, the login window
and — after each login — a fresh main window, and switches between them on the session's
signals. No globals: everything a window needs comes in through the container. Shutdown follows
stack-notes: closing a window sets :attr:`DesktopApp.closed`; :meth:`DesktopApp.aclose` then
closes the windows and every service.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from desktop.cache.credentials import CredentialStore
from desktop.demo import DEMO_PASSWORD, DemoServer, demo_accounts
from desktop.i18n import ui_language
from desktop.services.container import Services
from desktop.services.session.clients import ClientFactory
from desktop.services.shared.crash import CrashReporter
from desktop.views.crash_dialog import CrashDialog
from desktop.views.login.panels import DemoLogin
from desktop.views.login.window import LoginWindow
from desktop.views.main_window import MainWindow

__all__ = ["AppOptions", "DesktopApp"]


@dataclass(frozen=True)
class AppOptions:
    """What the command line (or a test) asks of the app."""

    data_dir: Path
    portal: str = ""
    shared_pc: bool = False
    demo: DemoServer | None = None


class _CloseWatcher(QObject):
    """Calls ``on_close`` when a watched window is closed (hiding it does not count)."""

    def __init__(self, on_close: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_close = on_close

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Close:
            self._on_close()
        return False


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
    ) -> None:
        super().__init__()
        self.closed = asyncio.Event()
        self.crash = crash
        self.services = Services.build(
            options.data_dir,
            clients=clients or ClientFactory(language=ui_language()),
            credentials=credentials,
            settings=settings,
            shared_pc=options.shared_pc,
            app=app,
            on_crash=crash.report,
            parent=self,
        )
        session = self.services.session

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
            self.services.password_reset,
            initial_portal=portal,
            demo_logins=demo_logins,
            demo_mail_folder=demo_mail_folder,
            shared_pc=session.shared_pc,
        )
        # One main window per login, so nothing of the previous account lingers in it.
        self.main_window: MainWindow | None = None
        self._crash_dialogs: list[CrashDialog] = []
        self._shut_down = False

        self._close_watcher = _CloseWatcher(self.closed.set, self)
        self.login_window.installEventFilter(self._close_watcher)
        session.loggedIn.connect(self._show_main)
        session.loggedOut.connect(self._show_login)
        session.sessionExpired.connect(self._session_expired)
        crash.crashed.connect(self._show_crash)

    def start(self) -> None:
        self.login_window.show()

    def _show_main(self, _account: object) -> None:
        self._drop_main_window()
        window = MainWindow(self.services)
        window.closeRequested.connect(self.closed.set)
        window.switchAccountRequested.connect(self.services.session.switch_account)
        self.main_window = window
        window.show()
        self.login_window.hide()

    def _show_login(self) -> None:
        self.login_window.show()
        self._drop_main_window()

    def _drop_main_window(self) -> None:
        window, self.main_window = self.main_window, None
        if window is not None:
            window.closeRequested.disconnect(self.closed.set)
            window.hide()  # not close(): closing the main window means quitting the app
            window.deleteLater()

    def _session_expired(self, message: str) -> None:
        self._show_login()
        self.login_window.show_message(message)

    def _show_crash(self, report: str) -> None:
        parent = self.main_window if self.main_window is not None else self.login_window
        dialog = CrashDialog(report, parent)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self._crash_dialogs.append(dialog)
        dialog.open()

    def _forget_dialog(self, dialog: CrashDialog) -> None:
        if dialog in self._crash_dialogs:
            self._crash_dialogs.remove(dialog)
        dialog.deleteLater()

    async def aclose(self) -> None:
        """Close the services (a shared-PC session is logged out) and the windows."""
        if self._shut_down:
            return
        self._shut_down = True
        self.crash.crashed.disconnect(self._show_crash)
        self.login_window.hide()
        self._drop_main_window()
        await self.services.aclose()
        for window in (self.login_window, *self._crash_dialogs):
            window.deleteLater()
