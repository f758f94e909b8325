"""``main()`` of the ``ouderportaal`` command: the Qt application, the qasync loop, the run.

The one place that creates the QApplication and starts the qasync loop (once); the services and
windows come from the composition root (:mod:`desktop.wiring`), the command line from
:mod:`desktop.arguments`. Shutdown follows docs/architecture.md ("Qt and asyncio"): the app
does not quit when its last window closes; closing a window sets an ``asyncio.Event``, after
which the services close their clients, the demo server stops and ``main()`` returns.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.arguments import parse_args
from desktop.cache.paths import default_data_root
from desktop.demo import DemoServer, open_demo_server
from desktop.i18n import install_translators, ui_language
from desktop.services.shared.async_generators import close_abandoned_generators_on
from desktop.services.shared.crash import CrashReporter
from desktop.wiring import AppOptions, DesktopApp

__all__ = ["main", "run"]

log = logging.getLogger(__name__)

APP_NAME = "Ouderportaal"


async def run(app: QApplication, args: argparse.Namespace) -> int:
    """The app's life on the running qasync loop."""
    crash = CrashReporter()
    crash.install(asyncio.get_running_loop())
    close_abandoned_generators_on(asyncio.get_running_loop())
    demo: DemoServer | None = None
    desktop: DesktopApp | None = None
    try:
        if args.demo:
            try:
                # Only its address now; it starts once the login window has painted.
                demo = open_demo_server(args.demo_data)
            except ImportError:
                print("The demo portal is not part of this installation.", file=sys.stderr)
                return 2
        options = AppOptions(
            data_dir=args.data_dir or default_data_root(),
            portal=args.portal,
            shared_pc=args.shared_pc,
            demo=demo,
            freeze_long_lived=True,  # this is the app's own process
        )
        # The user's settings, and the computer's: an office's shared-PC switch lives there
        # (README, "Shared PCs") and a user's own value cannot turn it off.
        machine = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.SystemScope,
                            APP_NAME, APP_NAME)
        desktop = DesktopApp(options, app=app, crash=crash, settings=QSettings(),
                             machine_settings=machine)
        desktop.start()
        if args.smoke_test:
            await asyncio.sleep(0)  # let the window lay itself out
            # What a start loads on the side comes into the checks (and the installer's list
            # of the modules the app needs).
            await desktop.prepare()
            try:
                # Imported here: only this option needs the checks (not every start).
                from desktop.smoke_test import smoke_test

                print(await smoke_test(desktop.login_window,
                                       shared_pc=desktop.services.session.shared_pc))
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
