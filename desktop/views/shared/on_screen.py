"""Whether something is really in front of the user: what a desktop notification skips and
what marks a conversation read (docs/architecture.md, "Notifications")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

__all__ = ["OnScreenWatch", "window_in_front"]


def window_in_front(window: QWidget) -> bool:
    """The window is shown, not minimised and the active one (not behind another program's)."""
    return window.isVisible() and not window.isMinimized() and window.isActiveWindow()


class OnScreenWatch(QObject):
    """Follows whether ``widget`` is in front of the user: visible (its page is the one shown,
    the shared-PC lock does not cover it) in a window that is in front.

    Signals: ``changed(bool)`` each time that turns."""

    changed = Signal(bool)

    #: The events after which it may have turned: on the widget (a section or the lock
    #: screen put in front of it) and on its window (shown, hidden, minimised, (de)activated).
    EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.WindowStateChange,
                        QEvent.Type.ActivationChange, QEvent.Type.WindowActivate,
                        QEvent.Type.WindowDeactivate})

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._window: QWidget | None = None
        self.on_screen = False
        widget.installEventFilter(self)

    def check(self) -> bool:
        """Look again (also after the widget moved into another window); returns the state."""
        window = self._widget.window()
        if window is not self._window:
            if self._window is not None and self._window is not self._widget:
                self._window.removeEventFilter(self)
            if window is not self._widget:
                window.installEventFilter(self)
            self._window = window
        on_screen = self._widget.isVisible() and window_in_front(window)
        if on_screen != self.on_screen:
            self.on_screen = on_screen
            self.changed.emit(on_screen)
        return on_screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.EVENTS:
            self.check()
        return False
