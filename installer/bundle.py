"""What the desktop app's bundle carries: the rules ``ouderportaal.spec`` applies to PyInstaller's
analysis. Only the desktop app goes in: the parents never run the portal server, and Qt ships far
more than the app uses.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

__all__ = [
    "EXCLUDED_MODULES",
    "QT_TRANSLATIONS",
    "keep_data",
    "keep_qt_binary",
    "unlinked_libraries",
    "without_dangling_links",
]

#: Packages the analysis would otherwise pull in. The server and its stack (parents never run
#: it; ``--demo`` needs a source checkout); Pillow, Pygments and Click arrive only through
#: httpx's command-line tool (``httpx._main``, imported inside a try/except by httpx) and fpdf2;
#: the Qt modules the app does not import (their hooks would collect QML and Quick).
EXCLUDED_MODULES = (
    "server", "fastapi", "uvicorn", "starlette", "sqlalchemy", "alembic", "mako", "asyncpg",
    "aiosqlite", "argon2", "_argon2_cffi_bindings", "aiosmtplib", "multipart", "python_multipart",
    "pydantic", "pydantic_core", "email_validator", "annotated_doc", "typing_inspection",
    "fpdf", "fontTools", "defusedxml", "PIL", "pygments", "click", "rich", "httpx._main",
    "uvloop", "httptools", "watchfiles", "websockets", "yaml", "dotenv", "greenlet",
    "opentelemetry", "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "pdb",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.QtNetwork",
    "PySide6.QtMultimedia",
)

# Qt plug-in folders the app needs, and within some of them the plug-ins to keep (a name part
# of the file: libqjpeg.so, qjpeg.dll, libqjpeg.dylib). A folder not listed is left out: the
# app speaks TLS through Python's ssl (httpx), not QtNetwork, so no "tls" plug-ins; no Wayland
# (Qt uses X11 through XWayland), no evdev/eglfs (those are for kiosk devices).
_QT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    # "offscreen" runs the smoke test on a machine without a display (CI).
    "platforms": ("xcb", "offscreen", "windows", "cocoa"),
    # The desktop portal gives sandboxed (Flatpak-style) file dialogs; the GTK theme plug-in
    # is left out: it drags GTK, cairo and pango in (about 10 MB).
    "platformthemes": ("xdgdesktopportal",),
    # Compose keys and IBus: typing é, ë and other accents (not the virtual keyboard).
    "platforminputcontexts": ("compose", "ibus"),
    "styles": None,  # Windows 11 and macOS styles live here
    # Photos (JPEG, PNG built in, GIF, WebP), the SVG icons, .ico/.icns window icons.
    "imageformats": ("jpeg", "gif", "webp", "svg", "ico", "icns"),
    "iconengines": ("svg",),
    "printsupport": None,  # "Afdrukken" of invoices (CUPS on Linux)
    "xcbglintegrations": None,
}

#: Qt's own catalogue the app loads (desktop/i18n.py): button texts of standard dialogs.
QT_TRANSLATIONS = ("qtbase_nl.qm",)

_QT_PLUGIN_DIR = re.compile(r"(?:^|/)Qt6?/plugins/([^/]+)/([^/]+)$")
_QT_TRANSLATION = re.compile(r"(?:^|/)Qt6?/translations/([^/]+)$")

# Besides plug-ins, Qt libraries that only left-out parts use (the analysis collects them with
# their module's hook); the library closure below drops the rest of what they would pull in.
_UNUSED_QT_LIBRARIES = ("Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6WaylandClient",
                        "Qt6WaylandEgl", "Qt6EglFS", "Qt6WlShell", "Qt6PdfQuick")


def keep_qt_binary(destination: str) -> bool:
    """Whether a collected binary (its path inside the bundle) stays in the bundle."""
    path = destination.replace("\\", "/")
    plugin = _QT_PLUGIN_DIR.search(path)
    if plugin is not None:
        folder, name = plugin.groups()
        if folder not in _QT_PLUGINS:
            return False
        wanted = _QT_PLUGINS[folder]
        return wanted is None or any(part in name for part in wanted)
    name = PurePosixPath(path).name
    return not any(library in name for library in _UNUSED_QT_LIBRARIES)


def keep_data(destination: str) -> bool:
    """Whether a collected data file stays: of Qt's translations only :data:`QT_TRANSLATIONS`."""
    translation = _QT_TRANSLATION.search(destination.replace("\\", "/"))
    return translation is None or translation.group(1) in QT_TRANSLATIONS


def unlinked_libraries(
    binaries: Iterable[tuple[str, str, str]], linked: Callable[[str], Iterable[str]]
) -> set[str]:
    """The destinations of shared libraries that nothing the app loads links against.

    ``binaries`` are PyInstaller's entries (destination, source, type); ``linked(source)``
    lists the file names a binary links against, directly or not (``ldd``). What the app loads
    itself — Python extension modules, Qt plug-ins, libpython — is kept and its libraries with
    it. Dropping a plug-in leaves its libraries behind (the GTK theme's GTK, cairo and pango):
    this finds them.
    """
    entries = list(binaries)
    needed: set[str] = set()
    for destination, source, kind in entries:
        if _loaded_directly(destination, kind):
            needed.update(linked(source))
    return {destination for destination, _source, kind in entries
            if not _loaded_directly(destination, kind)
            and PurePosixPath(destination.replace("\\", "/")).name not in needed}


def _loaded_directly(destination: str, kind: str) -> bool:
    path = destination.replace("\\", "/")
    return (kind == "EXTENSION" or _QT_PLUGIN_DIR.search(path) is not None
            or PurePosixPath(path).name.startswith("libpython"))


def without_dangling_links(entries: Iterable[tuple[str, str, str]],
                           kept: set[str]) -> list[tuple[str, str, str]]:
    """``entries`` without the symbolic links whose target is not in ``kept`` (destinations).

    PyInstaller links each Qt library into the top folder; a library left out above would
    leave its link dangling.
    """
    def target(destination: str, source: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(destination), source))

    return [(destination, source, kind) for destination, source, kind in entries
            if kind != "SYMLINK" or target(destination, source) in kept]
