"""The read-only table every list of records in the app uses (requests, documents, devices…)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

__all__ = ["row_table"]


def row_table(model: QAbstractItemModel, parent: QWidget, *, name: str = "",
              accessible_name: str = "", alternating: bool = True) -> QTableView:
    """A table of ``model`` that selects whole rows, one at a time, is not editable and shows no
    row numbers. Tab leaves it for the next control (the arrow keys move between rows)."""
    table = QTableView(parent)
    if name:
        table.setObjectName(name)
    if accessible_name:
        table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)
    return table
