"""The composition root of the desktop app and ``main()`` of the ``ouderportaal`` command.

The one place that creates the QApplication, starts the qasync loop (once), builds the services,
injects them into the windows and switches windows on the services' signals. Shutdown follows
stack-notes.md: the app does not quit when its last window closes; closing a window sets an
``asyncio.Event``, after which the services close their clients, the demo server stops and
``main()`` returns.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qasync
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from desktop.cache.credentials import CredentialStore
from desktop.cache.paths import default_data_root
from desktop.demo import DEMO_PASSWORD, DemoServer, demo_accounts, start_demo_server
from desktop.i18n import install_translators, ui_language
from desktop.services.agenda import AgendaService
from desktop.services.clients import ClientFactory
from desktop.services.crash import CrashReporter
from desktop.services.decisions import DecisionService
from desktop.services.devices import DevicesService
from desktop.services.extra_days import ExtraDayService
from desktop.services.finance import FinanceService
from desktop.services.password_reset import PasswordResetService
from desktop.services.profile import ProfileService
from desktop.services.session import SessionService
from desktop.views.crash_dialog import CrashDialog
from desktop.views.login import DemoLogin, LoginWindow
from desktop.views.main_window import MainWindow

__all__ = ["AppOptions", "DesktopApp", "main", "parse_args"]

log = logging.getLogger(__name__)

APP_NAME = "Ouderportaal"


@dataclass(frozen=True)
class AppOptions:
    """What the command line (or a test) asks of the app."""

    data_dir: Path
    portal: str = ""
    shared_pc: bool = False
    demo: DemoServer | None = None


class _CloseWatcher(QObject):
    """Calls ``on_close`` when a watched window is closed (hiding it does not count)."""

    def __init__(self, on_close, parent: QObject | None = None) -> None:
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
        clients = clients or ClientFactory(language=ui_language())
        self.session = SessionService(
            options.data_dir,
            clients=clients,
            credentials=credentials,
            settings=settings,
            shared_pc=options.shared_pc,
            app=app,
            on_crash=crash.report,
            parent=self,
        )
        self.resets = PasswordResetService(clients=clients, on_crash=crash.report, parent=self)
        self.profile = ProfileService(self.session, on_crash=crash.report, parent=self)
        self.devices = DevicesService(self.session, on_crash=crash.report, parent=self)
        self.agenda = AgendaService(self.session, self.profile, on_crash=crash.report,
                                    parent=self)
        self.extra_days = ExtraDayService(self.session, on_crash=crash.report, parent=self)
        self.finance = FinanceService(self.session, on_crash=crash.report, parent=self)
        self.profile.onlineChanged.connect(self.finance.connection_changed)
        self.decisions = DecisionService(self.session, on_crash=crash.report, parent=self)

        demo_logins: tuple[DemoLogin, ...] = ()
        portal = options.portal
        if options.demo is not None:
            portal = portal or options.demo.url
            demo_logins = tuple(
                DemoLogin(a.email, DEMO_PASSWORD, a.description) for a in demo_accounts()
            )
        self.login_window = LoginWindow(
            self.session,
            self.resets,
            initial_portal=portal,
            demo_logins=demo_logins,
            shared_pc=self.session.shared_pc,
        )
        # One main window per login, so nothing of the previous account lingers in it.
        self.main_window: MainWindow | None = None
        self._crash_dialogs: list[CrashDialog] = []
        self._shut_down = False

        self._close_watcher = _CloseWatcher(self.closed.set, self)
        self.login_window.installEventFilter(self._close_watcher)
        self.session.loggedIn.connect(self._show_main)
        self.session.loggedOut.connect(self._show_login)
        self.session.sessionExpired.connect(self._session_expired)
        crash.crashed.connect(self._show_crash)

    def start(self) -> None:
        self.login_window.show()

    def _show_main(self, _account: object) -> None:
        self._drop_main_window()
        window = MainWindow(self.session, self.profile, self.devices, self.agenda,
                            self.extra_days, finance=self.finance, decisions=self.decisions)
        window.closeRequested.connect(self.closed.set)
        window.switchAccountRequested.connect(self.session.switch_account)
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
        await self.profile.aclose()
        await self.devices.aclose()
        await self.agenda.aclose()
        await self.extra_days.aclose()
        await self.finance.aclose()
        await self.decisions.aclose()
        await self.resets.aclose()
        await self.session.aclose()
        for window in (self.login_window, *self._crash_dialogs):
            window.deleteLater()


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ouderportaal", description="Ouderportaal: the parent portal for childcare."
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the built-in demo portal and show its demo logins",
    )
    parser.add_argument(
        "--demo-data",
        type=Path,
        metavar="DIR",
        help="keep the demo portal's data in DIR (default: a temporary folder)",
    )
    parser.add_argument(
        "--shared-pc",
        action="store_true",
        help="shared computer: remember nothing, lock when idle, wipe at logout",
    )
    parser.add_argument(
        "--portal",
        default="",
        metavar="ADDRESS",
        help="organisation name or portal address to fill in",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="folder for remembered accounts and the offline cache",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the first window, check that it renders, print one line, exit",
    )
    return parser.parse_args(argv)


async def run(app: QApplication, args: argparse.Namespace) -> int:
    """The app's life on the running qasync loop."""
    crash = CrashReporter()
    crash.install(asyncio.get_running_loop())
    demo: DemoServer | None = None
    desktop: DesktopApp | None = None
    try:
        if args.demo:
            try:
                demo = await asyncio.to_thread(start_demo_server, args.demo_data)
            except ImportError:
                print("The demo portal is not part of this installation.", file=sys.stderr)
                return 2
        options = AppOptions(
            data_dir=args.data_dir or default_data_root(),
            portal=args.portal,
            shared_pc=args.shared_pc,
            demo=demo,
        )
        desktop = DesktopApp(options, app=app, crash=crash, settings=QSettings())
        desktop.start()
        if args.smoke_test:
            await asyncio.sleep(0)  # let the window lay itself out
            try:
                # Imported here: only this option needs the checks (not every start).
                from desktop.smoke_test import smoke_test

                print(await smoke_test(desktop.login_window, shared_pc=desktop.session.shared_pc))
            except (RuntimeError, ImportError) as error:
                print(f"smoke test failed: {error}", file=sys.stderr)
                return 1
            return 0
        await desktop.closed.wait()
        return 0
    finally:
        if desktop is not None:
            await desktop.aclose()
        if demo is not None:
            await asyncio.to_thread(demo.stop)
        crash.uninstall()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ouderportaal`` command; returns the exit code."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    translators = install_translators(app, ui_language())
    try:
        # asyncio.Runner with a loop factory rather than qasync.run(): on Python 3.11 the latter
        # swaps the global event-loop policy, so threads that start their own asyncio loop (the
        # embedded demo server) would get a Qt loop too.
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(run(app, args))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
