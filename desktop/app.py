"""``main()`` of the ``ouderportaal`` command: the Qt application, the qasync loop, the run.

The one place that creates the QApplication and starts the qasync loop (once); the services and
windows come from the composition root (:mod:`desktop.wiring`), the command line from
:mod:`desktop.arguments`. Shutdown follows stack-notes.md: the app does not quit when its last
window closes; closing a window sets an ``asyncio.Event``, after which the services close their
clients, the demo server stops and ``main()`` returns.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QWidget

from desktop.arguments import parse_args
from desktop.cache.paths import default_data_root
from desktop.demo import DemoServer, start_demo_server
from desktop.i18n import install_translators, ui_language
from desktop.services.shared.crash import CrashReporter
from desktop.wiring import AppOptions, DesktopApp

__all__ = ["main", "run", "smoke_test"]

log = logging.getLogger(__name__)

APP_NAME = "Ouderportaal"


def smoke_test(window: QWidget) -> str:
    """Check that fonts exist and that ``window`` renders text; returns a one-line summary.

    A bundle without fonts still starts and exits 0 while drawing empty boxes (stack-notes.md),
    so "it started" is not enough: the grabbed window must contain more than one colour.
    """
    families = QFontDatabase.families()
    if not families:
        raise RuntimeError("no fonts available: text would not be visible")
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    if image.isNull() or image.width() == 0 or image.height() == 0:
        raise RuntimeError("the window did not render")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }
    if len(colours) < 2:
        raise RuntimeError("the window rendered as a blank area")
    pdf_pixels = _smoke_test_pdf()
    return (
        f"smoke test ok: {window.windowTitle() or type(window).__name__} rendered "
        f"{image.width()}x{image.height()}, {len(families)} font families, "
        f"a PDF page rendered with QtPdf ({pdf_pixels} dark pixels), "
        f"platform {QGuiApplication.platformName()}"
    )


def _smoke_test_pdf() -> int:
    """Write a one-page PDF with Qt and render it with QtPdf (the invoice viewer): a bundle
    without the QtPdf library would only fail when a parent opens an invoice."""
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "smoke.pdf")
        writer = QPdfWriter(path)
        painter = QPainter(writer)
        font = painter.font()
        font.setPointSize(48)
        painter.setFont(font)
        painter.drawText(200, 1200, "Factuur")
        painter.end()
        document = QPdfDocument()
        if document.load(path) != QPdfDocument.Error.None_ or document.pageCount() != 1:
            raise RuntimeError("QtPdf could not open a PDF")
        rendered = document.render(0, QSize(200, 280))
        document.close()
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))  # the rendered page is transparent where nothing is drawn
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    dark = sum(1 for x in range(page.width()) for y in range(page.height())
               if QColor(page.pixel(x, y)).lightness() < 128)
    if not 0 < dark < page.width() * page.height() // 2:
        raise RuntimeError("QtPdf rendered no text")
    return dark


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
                print(smoke_test(desktop.login_window))
            except RuntimeError as error:
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
