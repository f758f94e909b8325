"""One card per thing a parent keeps up to date: a form of fields, the inline errors the portal
names per field, and — for what the location approves — the pending change ("in behandeling
bij de locatie", with withdraw) or the reason of a rejection.

Values are only replaced from the portal while the form is untouched: nothing typed is lost
when the data is fetched again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.personal_data import field_label, value_text
from desktop.models.shared.records import ChangeRequest
from desktop.views.shared.theme import announce, mark

__all__ = ["ContactsForm", "FieldForm", "Spec"]


@dataclass(frozen=True)
class Spec:
    key: str
    multiline: bool = False
    checkbox: bool = False
    placeholder: str = ""


class _Card(QFrame):
    """The frame, title, status line, general error and buttons every form shares."""

    submitted = Signal(dict)
    withdrawRequested = Signal(int)

    # What each form defines (Qt's metaclass rules out abc.ABC here): the value it holds, and
    # how the portal's value fills its fields.
    value: Callable[[], dict[str, Any]]
    _fill: Callable[[dict[str, Any]], None]

    def __init__(self, title: str, submit_text: str, approved: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark(self, "card")
        self._approved = approved
        self._pending: ChangeRequest | None = None
        self.dirty = False
        self.title = mark(QLabel(title, self), "subheading")
        self.status = mark(QLabel("", self), "notice")
        self.status.setObjectName("changeStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.error = mark(QLabel("", self), "error")
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.submit = mark(QPushButton(submit_text, self), "primary")
        self.submit.setObjectName("submitChange")
        self.withdraw = QPushButton(self.tr("Withdraw the change"), self)
        self.withdraw.setObjectName("withdrawChange")
        self.withdraw.hide()
        self.submit.clicked.connect(self._submit)
        self.withdraw.clicked.connect(self._withdraw)
        self.body = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(self.body)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- what a form may add ---------------------------------------------------------------------
    def _field_error(self, key: str, message: str) -> bool:
        return False

    def _clear_field_errors(self) -> None:
        pass

    def _describe(self, key: str, message: str) -> str:
        return message

    # -- shared --------------------------------------------------------------------------------
    def edited(self) -> None:
        self.dirty = True

    def set_value(self, value: dict[str, Any], *, force: bool = False) -> None:
        """The portal's value; kept out while the user is typing unless ``force``."""
        if self.dirty and not force:
            return
        self._fill(value)
        self.dirty = False

    def set_state(self, pending: ChangeRequest | None, rejected: ChangeRequest | None) -> None:
        """A change waiting for the location, or the last one it rejected."""
        self._pending = pending
        self.withdraw.setVisible(pending is not None)
        self.submit.setEnabled(pending is None)
        if pending is not None:
            changed = [f"{field_label(k)}: {value_text(k, v)}"
                       for k, v in pending.new_value.items()
                       if pending.old_value.get(k) != v]
            self.status.setText(self.tr("Pending with the location: {change}").format(
                change="; ".join(changed) or self.tr("no differences")))
            self.status.show()
        elif rejected is not None:
            self.status.setText(self.tr("The location rejected your last change: {reason}")
                                .format(reason=rejected.decision_reason or ""))
            self.status.show()
        else:
            self.status.hide()

    def show_refusal(self, message: str, errors: dict[str, str]) -> None:
        self.submit.setEnabled(self._pending is None)
        self._clear_field_errors()
        unplaced = [self._describe(field.removeprefix("value."), m)
                    for field, m in errors.items()
                    if not self._field_error(field.removeprefix("value."), m)]
        text = "\n".join([message, *unplaced]).strip()
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            announce(self.error)

    def done(self) -> None:
        """The portal took it: the form shows the portal's values again."""
        self.dirty = False
        self.submit.setEnabled(self._pending is None)
        self._clear_field_errors()
        self.error.hide()

    def _submit(self) -> None:
        self.submit.setEnabled(False)
        self.error.hide()
        self.submitted.emit(self.value())

    def _withdraw(self) -> None:
        if self._pending is not None:
            self.withdrawRequested.emit(self._pending.id)


class FieldForm(_Card):
    """A form of text fields (and at most a checkbox); errors shown under their field."""

    def __init__(self, title: str, specs: list[Spec], submit_text: str, *,
                 approved: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(title, submit_text, approved, parent)
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for row, spec in enumerate(specs):
            if spec.checkbox:
                widget: QLineEdit | QPlainTextEdit | QCheckBox = QCheckBox(
                    field_label(spec.key), self)
                widget.toggled.connect(self.edited)
            elif spec.multiline:
                widget = QPlainTextEdit(self)
                widget.setFixedHeight(64)
                widget.setTabChangesFocus(True)
                widget.textChanged.connect(self.edited)
            else:
                widget = QLineEdit(self)
                widget.setPlaceholderText(spec.placeholder)
                widget.textEdited.connect(self.edited)
            widget.setObjectName(spec.key)
            widget.setAccessibleName(field_label(spec.key))
            error = mark(QLabel("", self), "error")
            error.setObjectName(f"{spec.key}Error")
            error.setWordWrap(True)
            error.hide()
            if not spec.checkbox:
                label = mark(QLabel(field_label(spec.key), self), "fieldLabel")
                label.setBuddy(widget)
                grid.addWidget(label, row * 2, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row * 2, 1)
            grid.addWidget(error, row * 2 + 1, 1)
            self.fields[spec.key] = widget
            self.errors[spec.key] = error
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            else:
                text = (widget.toPlainText() if isinstance(widget, QPlainTextEdit)
                        else widget.text()).strip()
                out[key] = text or None
        return out

    def _fill(self, value: dict[str, Any]) -> None:
        for key, widget in self.fields.items():
            current = value.get(key)
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(current))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(current or "")
            else:
                widget.setText("" if current is None else str(current))
            widget.blockSignals(False)

    def _field_error(self, key: str, message: str) -> bool:
        label = self.errors.get(key)
        if label is None:
            return False
        label.setText(message)
        label.show()
        return True

    def _clear_field_errors(self) -> None:
        for label in self.errors.values():
            label.hide()


class ContactsForm(_Card):
    """A list of people (name, relation, phone) with rows to add and remove."""

    COLUMNS = ("name", "relation", "phone")

    def __init__(self, title: str, submit_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, submit_text, True, parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("contacts")
        self.table.setHorizontalHeaderLabels([field_label(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self.edited)
        self.add = QPushButton(self.tr("Add a person"), self)
        self.add.setObjectName("addContact")
        self.remove = QPushButton(self.tr("Remove the selected person"), self)
        self.remove.setObjectName("removeContact")
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self._remove_row)
        row = QHBoxLayout()
        row.addWidget(self.add)
        row.addWidget(self.remove)
        row.addStretch(1)
        self.body.addWidget(self.table)
        self.body.addLayout(row)

    def add_row(self, contact: dict[str, str] | None = None) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, key in enumerate(self.COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem((contact or {}).get(key, "")))
        self.table.blockSignals(False)
        if contact is None:
            self.edited()
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        return row

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited()

    def value(self) -> dict[str, Any]:
        contacts = []
        for row in range(self.table.rowCount()):
            cells = [(self.table.item(row, c).text() if self.table.item(row, c) else "").strip()
                     for c in range(3)]
            if any(cells):
                contacts.append(dict(zip(self.COLUMNS, cells, strict=True)))
        return {"contacts": contacts}

    def _fill(self, value: dict[str, Any]) -> None:
        self.table.setRowCount(0)
        for contact in value.get("contacts", []):
            self.add_row(contact)

    def _field_error(self, key: str, message: str) -> bool:
        # contacts.<row>.<column>: mark the cell, say it below.
        parts = key.split(".")
        if len(parts) != 3 or parts[0] != "contacts" or not parts[1].isdigit():
            return False
        row, column = int(parts[1]), self.COLUMNS.index(parts[2]) if parts[2] in \
            self.COLUMNS else 0
        item = self.table.item(row, column)
        if item is not None:
            item.setToolTip(message)
            self.table.setCurrentCell(row, column)
        # The general error line lists it with the row, so it is never hidden behind hover.
        return False

    def _describe(self, key: str, message: str) -> str:
        parts = key.split(".")
        if len(parts) == 3 and parts[1].isdigit():
            return self.tr("Person {row}, {field}: {message}").format(
                row=int(parts[1]) + 1, field=field_label(parts[2]).lower(), message=message)
        return message

    def _clear_field_errors(self) -> None:
        for row in range(self.table.rowCount()):
            for column in range(3):
                if (item := self.table.item(row, column)) is not None:
                    item.setToolTip("")
