"""What the bundle keeps of Qt and the libraries (installer/bundle.py), and that the exclusions
never cut into what the desktop app imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from installer.bundle import (
    EXCLUDED_MODULES,
    keep_data,
    keep_qt_binary,
    unlinked_libraries,
    without_dangling_links,
)
from tests.test_layering import imports_of, is_within, sources

PLUGINS = "PySide6/Qt/plugins"


@pytest.mark.parametrize("destination", [
    f"{PLUGINS}/platforms/libqxcb.so",
    f"{PLUGINS}/platforms/libqoffscreen.so",
    f"{PLUGINS}/platforms/qwindows.dll",
    f"{PLUGINS}/platforms/libqcocoa.dylib",
    f"{PLUGINS}/imageformats/libqjpeg.so",
    f"{PLUGINS}/imageformats/qsvg.dll",
    f"{PLUGINS}/imageformats/libqwebp.so",
    f"{PLUGINS}/iconengines/libqsvgicon.so",
    f"{PLUGINS}/printsupport/libcupsprintersupport.so",
    f"{PLUGINS}/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    f"{PLUGINS}/platforminputcontexts/libibusplatforminputcontextplugin.so",
    f"{PLUGINS}/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
    "PySide6/Qt/lib/libicudata.so.73",
])
def test_what_the_app_uses_stays(destination: str) -> None:
    assert keep_qt_binary(destination)
    assert keep_qt_binary(destination.replace("/", "\\"))  # Windows spells paths so


@pytest.mark.parametrize("destination", [
    f"{PLUGINS}/platforms/libqwayland-egl.so",
    f"{PLUGINS}/platforms/libqeglfs.so",
    f"{PLUGINS}/platforms/libqminimal.so",
    f"{PLUGINS}/platformthemes/libqgtk3.so",
    f"{PLUGINS}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    f"{PLUGINS}/imageformats/libqtiff.so",
    f"{PLUGINS}/imageformats/libqpdf.so",
    f"{PLUGINS}/tls/libqopensslbackend.so",
    f"{PLUGINS}/networkinformation/libqnetworkmanager.so",
    f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so",
    f"{PLUGINS}/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
])
def test_what_the_app_does_not_use_goes(destination: str) -> None:
    assert not keep_qt_binary(destination)


def test_of_qt_translations_only_the_dutch_base_catalogue_stays() -> None:
    assert keep_data("PySide6/Qt/translations/qtbase_nl.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qt_nl.qm")
    assert keep_data("desktop/translations/ouderportaal_nl.qm")  # the app's own


def test_a_library_stays_while_something_the_app_loads_links_it() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        (f"{PLUGINS}/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/src/libpango-1.0.so.0", "BINARY"),
    ]
    links = {
        "/src/QtGui.abi3.so": {"libQt6Gui.so.6"},
        "/src/libqxcb.so": {"libQt6Gui.so.6", "libxcb-cursor.so.0"},
    }
    unlinked = unlinked_libraries(binaries, lambda source: links.get(source, set()))
    # GTK's pango came with the GTK theme plug-in, which is gone: nothing links it now.
    assert unlinked == {"libpango-1.0.so.0"}


def test_a_link_to_a_library_left_out_goes_with_it() -> None:
    entries = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
    ]
    kept = {"PySide6/Qt/lib/libQt6Gui.so.6"}
    assert [entry[0] for entry in without_dangling_links(entries, kept)] == [
        "libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6"]


def test_nothing_the_desktop_app_imports_is_excluded() -> None:
    # The server is the one exclusion the app knows of: demo.py imports it lazily, for --demo.
    demo = Path("desktop") / "demo.py"
    excluded = [
        f"{path.name}:{imp.line} imports {imp.module}"
        for path in sources("desktop")
        for imp in imports_of(path)
        if any(is_within(imp.module, module) for module in EXCLUDED_MODULES)
        and not (path.as_posix().endswith(demo.as_posix()) and is_within(imp.module, "server"))
    ]
    assert not excluded, "\n".join(excluded)
