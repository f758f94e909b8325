"""F6 and Shift+F6: the keyboard focus moves between the panes of the main window (navigation,
message bar, page), as in browsers and file managers; Tab moves within them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["first_focusable", "focus_next_pane"]


def first_focusable(pane: QWidget) -> QWidget | None:
    """The first widget of ``pane`` that Tab would stop on (the pane itself if it takes focus)."""
    if pane.focusPolicy() & Qt.FocusPolicy.TabFocus and pane.isEnabled():
        return pane
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if pane.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
        widget = widget.nextInFocusChain()
    return None


def focus_next_pane(panes: Sequence[QWidget | None], step: int = 1) -> None:
    """Focus the first control of the next (``step`` 1) or previous visible pane after the one
    that has the focus."""
    shown = [p for p in panes if p is not None and p.isVisible()]
    focused = QApplication.focusWidget()
    current = next((i for i, p in enumerate(shown)
                    if focused is not None and (p is focused or p.isAncestorOf(focused))), -1)
    for offset in range(1, len(shown) + 1):
        target = first_focusable(shown[(current + step * offset) % len(shown)])
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
