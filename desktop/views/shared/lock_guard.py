"""Every window of a session obeys the lock: how (docs/architecture.md, "The lock covers every
window").

Two pieces, and the rule that ties them together:

- :class:`LockGuard` belongs to the main window (``MainWindow.lock_guard``). When the session
  locks, :meth:`LockGuard.engage` goes over every visible top-level window of the application:
  the session's own windows (:class:`SessionDialog`, :class:`SessionWizard`) are *hidden* and
  keep what was typed; everything else — Qt's file, print, progress and message dialogs, popup
  menus — is *cancelled*, as if the user had pressed Escape. While engaged it cancels any such
  dialog that still appears, and the session's own windows refuse to show: they are put aside
  and appear after :meth:`LockGuard.release`, in the order they were opened.
- :class:`SessionDialog` and :class:`SessionWizard` are the base classes of every dialog and
  wizard of the app. They find their guard through their parent chain (parent them to a widget
  of the main window), refuse to accept or submit while the lock is engaged, and may not be
  run with ``exec()``: a nested event loop ends when its dialog is hidden, which would turn
  "hidden by the lock" into "cancelled".

``tests/test_layering.py`` fails on a dialog or wizard class of ``desktop/views`` that does not
build on these, and ``tests/desktop/views/test_lock_covers_every_window.py`` opens every one
of them and locks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QProgressDialog,
    QWidget,
    QWizard,
)
from shiboken6 import isValid

__all__ = ["LockAware", "LockGuard", "SessionDialog", "SessionWizard"]

#: Window types the guard cancels while engaged; tool tips and popups of the lock screen
#: itself are left alone.
_WINDOW_TYPES = frozenset({Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet})


class LockGuard(QObject):
    """Hides the session's windows and cancels all other dialogs while the session is locked.

    ``window`` is the session's main window: the one window the lock leaves on screen (it shows
    the lock screen itself).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockGuard")
        self._window = window
        self._engaged = False
        self._put_aside: list[QWidget] = []

    @property
    def engaged(self) -> bool:
        return self._engaged

    @property
    def put_aside(self) -> list[QWidget]:
        """The session's windows waiting for the unlock, in the order they come back."""
        return [w for w in self._put_aside if isValid(w)]

    @staticmethod
    def of(widget: QWidget) -> LockGuard | None:
        """The guard of the main window ``widget`` belongs to (None before a session)."""
        current: QWidget | None = widget
        while current is not None:
            guard = getattr(current, "lock_guard", None)
            if isinstance(guard, LockGuard):
                return guard
            current = current.parentWidget()
        return None

    # --- the lock -----------------------------------------------------------------------------

    def engage(self) -> None:
        """The session locked: cover every other window (see the module docstring)."""
        if self._engaged:
            return
        self._engaged = True
        self._close_popups()
        app = QApplication.instance()
        windows = [w for w in QApplication.topLevelWidgets()
                   if w is not self._window and w.isVisible()]
        # Qt's own dialogs first: a file dialog's nested event loop ends before its parent,
        # a session window, is hidden.
        for window in windows:
            if not isinstance(window, LockAware):
                _cancel(window)
        for window in sorted((w for w in windows if isinstance(w, LockAware)), key=_depth):
            self._put_aside.append(window)
            window.hide()
        if app is not None:
            app.installEventFilter(self)

    def release(self) -> None:
        """Unlocked: the session's windows come back as they were left."""
        if not self._engaged:
            return
        self._stop_watching()
        waiting, self._put_aside = self.put_aside, []
        for window in waiting:
            window.show()
            window.raise_()  # above the main window, which the lock raised
        if waiting:
            waiting[-1].activateWindow()

    def end(self) -> None:
        """The session ended: nothing that was put aside comes back."""
        self._stop_watching()
        waiting, self._put_aside = self.put_aside, []
        for window in waiting:
            window.close()

    def put_aside_until_unlocked(self, window: QWidget) -> None:
        """``window`` wanted to show while locked: it appears after the unlock instead."""
        if window not in self._put_aside:
            self._put_aside.append(window)

    def forget(self, window: QWidget) -> None:
        """``window`` was closed: it does not come back after the unlock."""
        self._put_aside = [w for w in self._put_aside if w is not window and isValid(w)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # While engaged: a dialog that appears anyway (a message box from a task that ended,
        # Qt's own dialogs) is cancelled as soon as the event loop gets to it.
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and watched is not self._window
                and watched.windowType() in _WINDOW_TYPES
                and not isinstance(watched, LockAware) and self._belongs(watched)):
            QTimer.singleShot(0, self, lambda w=watched: self._cancel_if_engaged(w))
        return False

    # --- helpers ------------------------------------------------------------------------------

    def _belongs(self, window: QWidget) -> bool:
        # Only this session's windows (parented into the main window): the login window, shown
        # when a locked session ends, is not one of them. Unparented ones meet engage()'s sweep.
        parent = window.parentWidget()
        return parent is not None and LockGuard.of(parent) is self

    def _cancel_if_engaged(self, window: QWidget) -> None:
        if self._engaged and isValid(window) and window.isVisible():
            _cancel(window)

    def _close_popups(self) -> None:
        for _ in range(16):  # a popup can open another (a submenu); never loop forever
            popup = QApplication.activePopupWidget()
            if popup is None:
                return
            popup.close()

    def _stop_watching(self) -> None:
        self._engaged = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _cancel(window: QWidget) -> None:
    """Cancel a dialog the way Escape would (a file dialog answers "no file")."""
    if isinstance(window, QProgressDialog):
        window.cancel()  # the job stops and says how far it got
    elif isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def _depth(window: QWidget) -> int:
    depth, parent = 0, window.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


class LockAware:
    """What :class:`SessionDialog` and :class:`SessionWizard` share: a window that the lock
    hides and brings back, and that accepts nothing while the lock is engaged."""

    @property
    def lock_engaged(self) -> bool:
        guard = LockGuard.of(self)  # type: ignore[arg-type]
        return guard is not None and guard.engaged

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt API)
        guard = LockGuard.of(self)  # type: ignore[arg-type]
        if visible and guard is not None and guard.engaged:
            guard.put_aside_until_unlocked(self)  # type: ignore[arg-type]
            return
        super().setVisible(visible)  # type: ignore[misc]

    def done(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and self.lock_engaged:
            return  # nothing is submitted behind the lock screen
        self._leave_guard()
        super().done(result)  # type: ignore[misc]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self._leave_guard()
        super().closeEvent(event)  # type: ignore[misc]

    def exec(self) -> int:
        raise RuntimeError(
            f"{type(self).__name__} is a session window: open it with open() or show(), not "
            "exec() (the lock hides it, which would end exec() as if it were cancelled)")

    def _leave_guard(self) -> None:
        guard = LockGuard.of(self)  # type: ignore[arg-type]
        if guard is not None:
            guard.forget(self)  # type: ignore[arg-type]


class SessionDialog(LockAware, QDialog):
    """The base of every dialog of the app (see the module docstring)."""


class SessionWizard(LockAware, QWizard):
    """The base of every wizard of the app: its commit page cannot be passed while locked."""

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt API)
        if self.lock_engaged:
            return False
        return super().validateCurrentPage()
