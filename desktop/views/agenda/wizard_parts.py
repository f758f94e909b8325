"""Pages and helpers both agenda wizards share: choosing children, the day-or-period page and
the result page."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.models.shared.formatting import day_part_label
from desktop.models.shared.records import Child, DayPart
from desktop.views.shared.theme import mark

__all__ = ["ChildChoice", "ResultPage", "WhenPage", "hint_label"]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def hint_label(page: QWidget) -> QLabel:
    """The muted line under a page's fields that says why Next is not available yet."""
    label = mark(QLabel("", page), "muted")
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class ChildChoice(QWidget):
    """A check box per child (already checked when there is only one). Signal: ``changed()``
    when a box is toggled."""

    changed = Signal()

    def __init__(self, children: Iterable[Child], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for child in children:
            box = QCheckBox(child.first_name, self)
            box.setObjectName(f"child{child.id}")
            box.setProperty("childId", child.id)
            box.toggled.connect(self.changed)
            self.boxes.append(box)
            layout.addWidget(box)
        if len(self.boxes) == 1:
            self.boxes[0].setChecked(True)

    def child_ids(self) -> tuple[int, ...]:
        return tuple(int(b.property("childId")) for b in self.boxes if b.isChecked())


class WhenPage(QWizardPage):
    """One day or a period between `earliest` and `latest`, and a day-part (or all of them)."""

    def __init__(self, subtitle: str, start: date, earliest: date, latest: date | None,
                 max_days: int, all_parts_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("When"))
        self.setSubTitle(subtitle)
        self._max_days = max_days
        self.one_day = QRadioButton(self.tr("One day"), self)
        self.one_day.setObjectName("oneDay")
        self.period = QRadioButton(self.tr("A period"), self)
        self.period.setObjectName("period")
        self.one_day.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_day)
        group.addButton(self.period)
        self.first = QDateEdit(_qdate(start), self)
        self.first.setObjectName("firstDate")
        self.last = QDateEdit(_qdate(start), self)
        self.last.setObjectName("lastDate")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(_qdate(earliest))
            if latest is not None:
                edit.setMaximumDate(_qdate(latest))
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        self.day_part = QComboBox(self)
        self.day_part.setObjectName("dayPart")
        self.day_part.addItem(all_parts_text, None)
        for part in DayPart:
            self.day_part.addItem(day_part_label(part.value).capitalize(), part.value)
        self.hint = hint_label(self)
        form = QFormLayout()
        form.addRow(self.one_day)
        form.addRow(self.period)
        self.first_label = QLabel(self.tr("Date"), self)
        form.addRow(self.first_label, self.first)
        self.last_label = QLabel(self.tr("Up to and including"), self)
        form.addRow(self.last_label, self.last)
        form.addRow(self.tr("Day-part"), self.day_part)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.period.toggled.connect(self._mode_changed)
        self.first.dateChanged.connect(self._changed)
        self.last.dateChanged.connect(self._changed)
        self._mode_changed(False)

    def range(self) -> tuple[date, date]:
        first = _pydate(self.first.date())
        return first, (_pydate(self.last.date()) if self.period.isChecked() else first)

    def part(self) -> DayPart | None:
        value = self.day_part.currentData()  # Qt hands the value back as a plain str
        return DayPart(value) if value else None

    def _mode_changed(self, period: bool) -> None:
        self.last.setVisible(period)
        self.last_label.setVisible(period)
        self.first_label.setText(self.tr("From") if period else self.tr("Date"))
        self._changed()

    def _changed(self) -> None:
        first, last = self.range()
        if last < first:
            self.hint.setText(self.tr("The last day is before the first day."))
        elif (last - first).days >= self._max_days:
            self.hint.setText(self.tr("A period can be at most {n} days.").format(
                n=self._max_days))
        else:
            self.hint.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        first, last = self.range()
        return first <= last and (last - first).days < self._max_days


class ResultPage(QWizardPage):
    """The last page: "Sending…" until the service answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Result"))
        self.text = QLabel(self.tr("Sending…"), self)
        self.text.setObjectName("result")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self._finished = False

    def show_result(self, text: str) -> None:
        self.text.setText(text)
        self._finished = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._finished
