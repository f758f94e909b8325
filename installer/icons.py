"""The installers' icons, made from the app's own ``resources/icons/app.svg``.

    uv run python installer/icons.py

rewrites ``resources/icons/app.icns`` (the macOS app) and ``app.ico`` (the Windows program,
installer and Start-menu entry), both holding PNG images at the sizes each system asks for.
deb.py renders the PNG of Linux' icon theme at build time with :func:`render_png`.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

__all__ = ["APP_SVG", "ICNS_TYPES", "ICO_SIZES", "icns", "ico", "render_png"]

APP_SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.svg"

#: The PNG-holding icns entry types and their pixel sizes (what ``iconutil`` writes for an
#: .iconset: 16–512 points at 1x and 2x).
ICNS_TYPES = {
    b"ic11": 32, b"ic12": 64, b"ic07": 128, b"ic13": 256,
    b"ic08": 256, b"ic14": 512, b"ic09": 512, b"ic10": 1024,
}
#: What Windows shows: lists and menus (16–48), large icons (64–128) and tiles (256).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(size: int, svg: Path = APP_SVG) -> bytes:
    """``svg`` rendered as a ``size``×``size`` PNG with a transparent background."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a usable SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def icns(svg: Path = APP_SVG) -> bytes:
    """An Apple icon file: ``icns``, its length, then (type, length, PNG) per entry."""
    entries = b"".join(
        kind + struct.pack(">I", 8 + len(png)) + png
        for kind, png in ((kind, render_png(size, svg)) for kind, size in ICNS_TYPES.items()))
    return b"icns" + struct.pack(">I", 8 + len(entries)) + entries


def ico(svg: Path = APP_SVG) -> bytes:
    """A Windows icon file with a PNG image per size in :data:`ICO_SIZES`."""
    images = [render_png(size, svg) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory = b""
    for size, png in zip(ICO_SIZES, images, strict=True):
        # Width and height 0 mean 256; one plane, 32 bits per pixel.
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png),
                                 offset)
        offset += len(png)
    return header + directory + b"".join(images)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for name, data in (("app.icns", icns()), ("app.ico", ico())):
        target = APP_SVG.with_name(name)
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
