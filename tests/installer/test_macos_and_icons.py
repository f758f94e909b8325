"""The macOS app's Info.plist and entitlements, and the icons made from the app's SVG."""

from __future__ import annotations

import plistlib
import struct

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

from installer.icons import ICNS_TYPES, ICO_SIZES, render_png
from installer.macos import ENTITLEMENTS, INFO_PLIST, info_plist
from installer.product import BUNDLE_ID, ROOT

ICONS = ROOT / "resources" / "icons"


def test_the_info_plist_and_entitlements_are_valid_property_lists() -> None:
    for path in (INFO_PLIST, ENTITLEMENTS):
        with path.open("rb") as file:
            assert isinstance(plistlib.load(file, fmt=plistlib.FMT_XML), dict), path


def test_the_app_says_who_it_is_in_which_version() -> None:
    entries = info_plist("1.4.2")
    assert entries["CFBundleIdentifier"] == BUNDLE_ID
    assert entries["CFBundleShortVersionString"] == entries["CFBundleVersion"] == "1.4.2"
    assert entries["NSHighResolutionCapable"] is True
    assert (ICONS / entries["CFBundleIconFile"]).is_file()
    assert set(entries["CFBundleLocalizations"]) == {"en", "nl"}
    plistlib.loads(plistlib.dumps(entries))  # what PyInstaller writes must serialise


def test_the_hardened_runtime_gets_no_more_exceptions_than_the_one_it_needs() -> None:
    with ENTITLEMENTS.open("rb") as file:
        entitlements = plistlib.load(file)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def _image(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data, "PNG")
    return image


def _close_to_the_svg(image: QImage, size: int) -> bool:
    fresh = _image(render_png(size))
    step = max(1, size // 16)
    differences = [
        abs(channel(image.pixelColor(x, y)) - channel(fresh.pixelColor(x, y)))
        for x in range(0, size, step) for y in range(0, size, step)
        for channel in (lambda c: c.red(), lambda c: c.green(), lambda c: c.blue(),
                        lambda c: c.alpha())
    ]
    return max(differences) <= 8


def _icns_entries(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = [], 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        entries.append((kind, data[offset + 8:offset + length]))
        offset += length
    assert offset == len(data)
    return entries


def test_the_icns_holds_every_size_macos_asks_for_drawn_from_the_svg(qapp) -> None:
    entries = _icns_entries((ICONS / "app.icns").read_bytes())
    assert [kind for kind, _png in entries] == list(ICNS_TYPES)
    for kind, png in entries:
        image = _image(png)
        size = ICNS_TYPES[kind]
        assert (image.width(), image.height()) == (size, size), kind
    kind, png = entries[2]
    assert _close_to_the_svg(_image(png), ICNS_TYPES[kind]), "app.icns is not app.svg: rerun " \
        "installer/icons.py"


def test_the_ico_holds_every_size_windows_shows(qapp) -> None:
    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _colours, _zero, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        image = _image(data[offset:offset + length])
        sizes.append(image.width())
        assert (width or 256, height or 256) == (image.width(), image.height())
    assert sizes == list(ICO_SIZES)
    assert _close_to_the_svg(_image(data[offset:offset + length]), 256)


@pytest.mark.parametrize("name", ["app.icns", "app.ico"])
def test_qt_reads_the_icons_too(qapp, name: str) -> None:
    data = QByteArray((ICONS / name).read_bytes())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    assert reader.imageCount() >= len(ICO_SIZES) and not reader.read().isNull()

