"""The app's look: the style sheet and icons in ``resources/``.

``resources/`` sits beside ``desktop/`` in the source tree and in the PyInstaller bundle (the
spec copies it there); an installed wheel carries it inside the package as
``desktop/resources`` (pyproject.toml maps it there).
"""

from __future__ import annotations

import functools
import re
from html import escape
from pathlib import Path

from PySide6.QtGui import QAccessible, QAccessibleEvent, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

__all__ = ["LINK_COLOUR", "RESOURCES", "announce", "apply_theme", "icon", "link", "mark",
           "resource_path"]

# Rich-text links take their colour from the markup, not from the style sheet.
LINK_COLOUR = "#1F6F5D"

_PACKAGE = Path(__file__).resolve().parents[2]
RESOURCES = next(
    (folder for folder in (_PACKAGE / "resources", _PACKAGE.parent / "resources")
     if folder.is_dir()),
    _PACKAGE.parent / "resources",
)

# Set on the QApplication once the sheet is applied, so every window can ask for the theme
# without applying it twice (re-applying a sheet re-polishes every widget).
_APPLIED_PROPERTY = "ouderportaalTheme"

# When resources/ is missing (a broken install), fall back to a standard icon per name
# (QStyle.StandardPixmap names: that enum is made only when a fallback is needed).
_FALLBACK_ICONS = {
    "app": "SP_ComputerIcon",
    "overview": "SP_DirHomeIcon",
    "account": "SP_FileDialogInfoView",
    "warning": "SP_MessageBoxWarning",
    "error": "SP_MessageBoxCritical",
    "info": "SP_MessageBoxInformation",
    "close": "SP_DialogCloseButton",
}


def resource_path(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def apply_theme(app: QApplication) -> None:
    """Apply resources/style.qss to ``app`` (once) and set the window icon."""
    if app.property(_APPLIED_PROPERTY):
        return
    sheet = resource_path("style.qss")
    if sheet.is_file():
        # url() in a sheet is relative to the working directory; anchor it at resources/.
        icons = resource_path("icons").as_posix()
        text = re.sub(r"url\(icons/([^)]+)\)", lambda m: f'url("{icons}/{m.group(1)}")',
                      sheet.read_text(encoding="utf-8"))
        app.setStyleSheet(text)
    app.setWindowIcon(icon("app"))
    app.setProperty(_APPLIED_PROPERTY, True)


def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg``, or a standard Qt icon if it is missing."""
    path = resource_path("icons", f"{name}.svg")
    if path.is_file():
        return _svg_icon(str(path))
    app = QApplication.instance()
    fallback = _FALLBACK_ICONS.get(name)
    if fallback is None or not isinstance(app, QApplication):
        return QIcon()
    return app.style().standardIcon(getattr(QStyle.StandardPixmap, fallback))


@functools.cache
def _svg_icon(path: str) -> QIcon:
    # One QIcon per file: it keeps the pixmaps it rendered, so each size is drawn once (the
    # header, the navigation and the cards ask for the same few icons again and again).
    return QIcon(path)


def mark(widget: QWidget, kind: str) -> QWidget:
    """Give ``widget`` a style variant from style.qss (property ``kind``) and re-polish it."""
    widget.setProperty("kind", kind)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    return widget


def announce(widget: QWidget) -> None:
    """Tell screen readers that ``widget`` (an error or message) just appeared."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


def link(href: str, text: str) -> str:
    """``text`` as a link to ``href`` in the app's link colour, for a rich-text label (both
    escaped: no markup can come in through a name or a path)."""
    return f'<a style="color: {LINK_COLOUR}" href="{escape(href)}">{escape(text)}</a>'
