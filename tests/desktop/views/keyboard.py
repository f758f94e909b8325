"""Walking a window with the keyboard, as someone without a mouse (or with a screen reader) does.

``tab_chain`` presses Tab until the focus comes back where it started and records every stop;
``controls`` lists what a user must be able to reach (enabled, visible, focusable by Tab);
``problems_in_chain`` and ``unnamed_controls`` say, per widget, what is wrong in words a failing
test can print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

#: What a user operates: buttons, fields, lists and tables.
CONTROL_TYPES = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
                 QPlainTextEdit, QTextEdit)
#: Values a user types or picks: their accessible name must say what they are, not what they hold.
VALUE_TYPES = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QPlainTextEdit,
               QTextEdit)
MAX_STOPS = 300


def describe(widget: QWidget | None) -> str:
    """A widget in words a failure message can show: class, object name and text."""
    if widget is None:
        return "nothing"
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    name = widget.objectName() or "(no objectName)"
    parts = [type(widget).__name__, repr(name)]
    if isinstance(text, str) and text:
        parts.append(f"text {text[:40]!r}")
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    if parent is not None:
        parts.append(f"in {parent.objectName()!r}")
    return " ".join(parts)


def _focus_target(widget: QWidget) -> QWidget:
    # A combo box or spin box puts the focus on its line edit; the control is the owner.
    proxy = widget
    while proxy.focusProxy() is not None:
        proxy = proxy.focusProxy()
    return proxy


def _owner(widget: QWidget | None) -> QWidget | None:
    """The control a focused widget belongs to (a combo box's or spin box's line edit)."""
    current = widget
    while current is not None:
        parent = current.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)) and parent.focusProxy() is None:
            return parent
        if isinstance(parent, QAbstractItemView) and current is parent.viewport():
            return parent
        return current
    return None


def controls(window: QWidget) -> list[QWidget]:
    """The controls of ``window`` a keyboard user must reach: shown, enabled and focusable by
    Tab. Of a group of radio buttons (one Tab stop, arrows choose) only the checked one."""
    found = []
    for widget in window.findChildren(QWidget):
        is_link = isinstance(widget, QLabel) and _links(widget) > 0 and bool(
            widget.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        if not (isinstance(widget, CONTROL_TYPES) or is_link) or not widget.isVisibleTo(window):
            continue
        if not widget.isEnabled() or widget.window() is not window:
            continue
        if not _focus_target(widget).focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if _owner(widget) is not widget:
            continue  # e.g. a combo box's own line edit
        if isinstance(widget, QRadioButton) and widget.autoExclusive() \
                and not widget.isChecked() and widget.group() is not None:
            continue
        found.append(widget)
    return found


def tab_chain(qtbot, window: QWidget, start: QWidget | None = None) -> list[QWidget]:
    """Press Tab from ``start`` (default: what has the focus) until the focus is back there;
    the controls it stopped on, in order. A stop that Tab does not leave ends the walk."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    if start is not None:
        start.setFocus(Qt.FocusReason.TabFocusReason)
    first = _owner(QApplication.focusWidget())
    assert first is not None, f"nothing has the keyboard focus in {describe(window)}"
    stops = [first]
    repeats = 0
    for _ in range(MAX_STOPS):
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = _owner(QApplication.focusWidget())
        if now is first:
            return stops
        if now is stops[-1]:
            # Tab moves from link to link inside a label; anything else that keeps the focus
            # (or a label past its last link) is a trap.
            repeats += 1
            if repeats > _links(now):
                stops.append(now)
                return stops
            continue
        repeats = 0
        stops.append(now)
    return stops


def _links(widget: QWidget | None) -> int:
    if isinstance(widget, QLabel):
        return widget.text().count("<a ")
    return 0


def problems_in_chain(window: QWidget, stops: list[QWidget]) -> list[str]:
    """What is wrong with a Tab chain: a control Tab never reaches, or one it cannot leave."""
    problems = []
    for before, after in zip(stops, stops[1:], strict=False):
        if before is after:
            problems.append(f"Tab does not leave {describe(before)}")
    reached = set(map(id, stops))
    for control in controls(window):
        if id(control) not in reached:
            problems.append(f"Tab never reaches {describe(control)}")
    return problems


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls a screen reader cannot name: no name at all, only a symbol ("▶"), or — for a
    field, list or choice — only its current value instead of what it is."""
    problems = []
    for control in controls(window):
        name = accessible_name(control).strip()
        if not any(ch.isalpha() for ch in name):
            problems.append(f"{describe(control)} has no accessible name (it says {name!r})")
        elif isinstance(control, QComboBox) and not control.accessibleName() \
                and name == control.currentText():
            problems.append(f"{describe(control)} is only named by its value {name!r}: give "
                            "it an accessible name or a label buddy")
    return problems
