"""The look: every icon the views ask for exists and renders; the style sheet is applied."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from desktop.views.sections import SECTIONS
from desktop.views.shared import theme
from desktop.views.shared.message_bar import TONE_ICONS

VIEWS = Path(theme.__file__).resolve().parents[1]


def icon_names_in_code() -> set[str]:
    names = set()
    for path in VIEWS.rglob("*.py"):
        names.update(re.findall(r'icon\("([a-z-]+)"\)', path.read_text(encoding="utf-8")))
    names.update({"online", "offline", "eye-off"})  # picked at runtime by state
    names.update(TONE_ICONS.values())
    names.update(section.icon for section in SECTIONS)
    return names


def test_every_icon_the_views_use_is_drawn(qapp) -> None:
    names = icon_names_in_code()
    assert {"app", "user", "lock", "warning", "overview", "account"} <= names
    for name in sorted(names):
        assert theme.resource_path("icons", f"{name}.svg").is_file(), name
        pixmap = theme.icon(name).pixmap(QSize(24, 24))
        assert not pixmap.isNull(), name
        image = pixmap.toImage()
        assert any(image.pixelColor(x, y).alpha() > 0
                   for x in range(0, 24, 2) for y in range(0, 24, 2)), f"{name} is blank"


def test_the_style_sheet_points_at_existing_icons(qapp: QApplication) -> None:
    theme.apply_theme(qapp)
    sheet = qapp.styleSheet()
    assert "#2E7D6B" in sheet  # the theme's primary colour: the sheet is really applied
    for url in re.findall(r'url\("([^"]+)"\)', sheet):
        assert Path(url).is_file(), url
