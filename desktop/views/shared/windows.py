"""Window sizes that fit the screen the window opens on.

Every window and dialog asks for the size it reads best at; on a small screen (a 1024×768
laptop, a scaled 800 px high display) it gets what the screen has room for instead, so no
button or title bar ends up below the taskbar.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["fit_to_screen"]

#: Room left for the window frame and title bar the window manager adds.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or smaller when its screen's available area
    (without taskbars and docks) is smaller. Also lowers a minimum size that would not fit."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        room_width = area.width() - FRAME_ALLOWANCE[0]
        room_height = area.height() - FRAME_ALLOWANCE[1]
        width, height = min(width, room_width), min(height, room_height)
        minimum = window.minimumSize()
        if minimum.width() > room_width or minimum.height() > room_height:
            window.setMinimumSize(min(minimum.width(), room_width),
                                  min(minimum.height(), room_height))
    window.resize(width, height)
