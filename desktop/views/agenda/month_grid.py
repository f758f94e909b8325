"""The agenda's month grid: six weeks of day cells, driven by the keyboard like a calendar.

The arrow keys move the selected day (also past the first or last week shown, into the next
month); Tab and Shift+Tab leave the grid like any other control, so the buttons after it stay
reachable without a mouse. Enter asks for the day's main action.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.views.agenda.day_delegate import DayDelegate

__all__ = ["MonthGrid"]

_STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}


class MonthGrid(QTableView):
    """Signals: ``dayStepped(days)`` for an arrow key (the page moves the selected day),
    ``dayActivated()`` for Enter on the selected day."""

    dayStepped = Signal(int)
    dayActivated = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setAccessibleName(self.tr("Month"))
        self.setModel(model)
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setShowGrid(True)
        self.setMinimumHeight(6 * 64)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.dayStepped.emit(step)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dayActivated.emit()
            event.accept()
            return
        super().keyPressEvent(event)
