"""``ouderportaal --smoke-test``: does this installation have what the app needs at run time?

An installed bundle can start and exit 0 while it lacks something a parent only meets later: no
fonts (every text an empty box), no QtPdf (the invoice viewer), no image plug-ins (photos, the
SVG icons), no CA certificates (every login fails with "connection not safe"). Each check goes
through the code path the app itself uses and raises :class:`SmokeTestFailed` naming what is
missing; an import that fails raises ``ImportError`` (both end the smoke test with exit code 1).
``installer/build.py`` runs this against the built bundle, the installers' checks against the
installed app.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import keyring
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageReader,
    QImageWriter,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget

from desktop.api.core.transport import tls_context
from desktop.cache.credentials import CredentialStore
from desktop.views.finance.viewer import PdfViewer
from desktop.views.shared.theme import icon

__all__ = ["IMAGE_FORMATS", "SmokeTestFailed", "smoke_test"]

#: Image formats the app must decode: photos (JPEG, PNG, GIF, WebP) and its SVG icons.
IMAGE_FORMATS = ("jpeg", "png", "gif", "webp", "svg")

# How long the PDF viewer gets to lay out and paint its page: rounds of the event loop.
_PAINT_ROUNDS = 50
_PAINT_WAIT = 0.02  # seconds


class SmokeTestFailed(RuntimeError):
    """Something the app needs at run time is missing; the message says what."""


async def smoke_test(window: QWidget, *, shared_pc: bool = False) -> str:
    """Run every check on the app's first ``window``; returns a one-line summary.

    A coroutine on the app's qasync loop: the PDF viewer paints from the event loop, and
    turning that loop by hand (``processEvents``) inside a running task would re-enter it.
    """
    families = _check_fonts()
    size = _check_renders(window)
    pdf_pixels = await _check_pdf_viewer()
    formats = _check_image_decode()
    certificates = _check_tls()
    keyring = _keyring_summary()
    return (
        f"smoke test ok: {window.windowTitle() or type(window).__name__} rendered "
        f"{size.width()}x{size.height()}, {families} font families, "
        f"the PDF viewer showed a page ({pdf_pixels} dark pixels), "
        f"images decoded ({', '.join(formats)}), {certificates} CA certificates, "
        f"keyring {keyring}, {'shared PC' if shared_pc else 'personal PC'}, "
        f"platform {QGuiApplication.platformName()}"
    )


def _check_fonts() -> int:
    families = QFontDatabase.families()
    if not families:
        raise SmokeTestFailed("no fonts available: text would not be visible")
    return len(families)


def _check_renders(window: QWidget) -> QSize:
    """The window must render as more than one colour (fonts missing draw nothing)."""
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    if image.isNull() or image.width() == 0 or image.height() == 0:
        raise SmokeTestFailed("the window did not render")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    }
    if len(colours) < 2:
        raise SmokeTestFailed("the window rendered as a blank area")
    return image.size()


async def _check_pdf_viewer() -> int:
    """Open a PDF in the app's own viewer (QtPdf, QtPdfWidgets) and count the dark pixels of
    its page: a bundle without QtPdf would only fail when a parent opens an invoice."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "smoke.pdf"
        _write_pdf(path)
        viewer = PdfViewer(path, "Factuur", path.name, save_copy=lambda _target: None)
        try:
            if viewer.error != QPdfDocument.Error.None_ or viewer.page_count != 1:
                raise SmokeTestFailed("QtPdf could not open a PDF")
            viewer.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            viewer.resize(QSize(400, 500))
            viewer.show()
            dark = sampled = 0
            for _round in range(_PAINT_ROUNDS):
                await asyncio.sleep(_PAINT_WAIT)
                # The viewport only, so the scroll bars' arrows do not count as text.
                dark, sampled = _dark_pixels(viewer.view.viewport().grab().toImage())
                if dark:
                    break
        finally:
            viewer.hide()
            viewer.document.close()
            viewer.deleteLater()
    if not 0 < dark < sampled // 2:
        raise SmokeTestFailed("the PDF viewer showed no text")
    return dark


def _write_pdf(path: Path) -> None:
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    font = painter.font()
    font.setPointSize(48)
    painter.setFont(font)
    painter.drawText(200, 1200, "Factuur")
    painter.end()


def _dark_pixels(image: QImage) -> tuple[int, int]:
    """How many of the sampled pixels of ``image`` are dark, and how many were sampled."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    points = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    dark = sum(1 for x, y in points if QColor(image.pixel(x, y)).lightness() < 100)
    return dark, len(points)


def _check_image_decode() -> tuple[str, ...]:
    """Every format in :data:`IMAGE_FORMATS` has its plug-in, a JPEG photo decodes to the
    colour it was written with, and the app's SVG icon renders."""
    supported = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = [name for name in IMAGE_FORMATS if name not in supported]
    if missing:
        raise SmokeTestFailed(f"no image plug-in for {', '.join(missing)}")
    photo = QImage(64, 48, QImage.Format.Format_RGB32)
    photo.fill(QColor(200, 40, 40))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, b"jpeg").write(photo):
        raise SmokeTestFailed("a JPEG could not be written")
    buffer.close()
    decoded = QImage.fromData(data, "jpeg")
    red = QColor(decoded.pixel(32, 24)).red() if not decoded.isNull() else 0
    if decoded.size() != photo.size() or not 180 <= red <= 220:
        raise SmokeTestFailed("a JPEG photo did not decode")
    logo = icon("app").pixmap(QSize(64, 64)).toImage()
    if logo.isNull() or not any(logo.pixelColor(x, y).alpha() for x in range(0, 64, 4)
                                for y in range(0, 64, 4)):
        raise SmokeTestFailed("the app's SVG icon did not render")
    return IMAGE_FORMATS


def _check_tls() -> int:
    """The CA certificates the portal clients verify the portal against (certifi's bundle)."""
    try:
        context = tls_context()
    except OSError as error:
        raise SmokeTestFailed(f"no CA certificates to verify the portal: {error}") from error
    count = context.cert_store_stats()["x509_ca"]
    if not count:
        raise SmokeTestFailed("no CA certificates to verify the portal")
    return count


def _keyring_summary() -> str:
    """Which OS keyring "remember me" would use. Not a failure when there is none: a shared
    or headless machine may have no secure store, and the app then remembers nothing."""
    store = CredentialStore()
    secure = store.is_secure()
    backend = type(keyring.get_keyring())
    return f"{backend.__module__}.{backend.__qualname__} ({'secure' if secure else 'not used'})"
