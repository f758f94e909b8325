"""Pages and helpers both agenda wizards share: choosing children, the day-or-period page and
the result page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.models.shared.formatting import day_part_label
from desktop.models.shared.records import Child, DayPart
from desktop.views.shared.date_field import DateField, Period
from desktop.views.shared.theme import mark

__all__ = ["ChildChoice", "ResultPage", "WhenPage", "first_open_day", "hint_label"]


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
    """One day or a period between ``earliest`` and ``latest`` of at most ``max_days`` days,
    and — when ``all_parts_text`` is given — a day-part out of ``parts`` (or all of them).

    "Up to and including" follows "From" (:class:`desktop.views.shared.date_field.Period`)."""

    def __init__(self, subtitle: str, start: date, earliest: date, latest: date | None,
                 max_days: int, all_parts_text: str | None,
                 parts: Sequence[DayPart] = tuple(DayPart),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("When"))
        self.setSubTitle(subtitle)
        self.one_day = QRadioButton(self.tr("One day"), self)
        self.one_day.setObjectName("oneDay")
        self.period = QRadioButton(self.tr("A period"), self)
        self.period.setObjectName("period")
        self.one_day.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_day)
        group.addButton(self.period)
        self.first = DateField(start, earliest, latest, self)
        self.first.setObjectName("firstDate")
        self.last = DateField(start, earliest, latest, self)
        self.last.setObjectName("lastDate")
        self.dates = Period(self.first, self.last, max_days, self)
        self.day_part = QComboBox(self)
        self.day_part.setObjectName("dayPart")
        self.day_part.setAccessibleName(self.tr("Day-part"))
        if all_parts_text is not None:
            self.day_part.addItem(all_parts_text, None)
            for part in parts:
                self.day_part.addItem(day_part_label(part.value).capitalize(), part.value)
        self.hint = hint_label(self)
        self.form = QFormLayout()
        self.form.addRow(self.one_day)
        self.form.addRow(self.period)
        self.first_label = QLabel(self.tr("Date"), self)
        self.first_label.setBuddy(self.first)
        self.form.addRow(self.first_label, self.first)
        self.last_label = QLabel(self.tr("Up to and including"), self)
        self.last_label.setBuddy(self.last)
        self.form.addRow(self.last_label, self.last)
        if all_parts_text is not None:
            self.form.addRow(self.tr("Day-part"), self.day_part)
        else:
            self.day_part.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.period.toggled.connect(self._mode_changed)
        self.dates.changed.connect(self._changed)
        self._mode_changed(False)

    def range(self) -> tuple[date, date]:
        first = self.first.day
        return first, (self.last.day if self.period.isChecked() else first)

    def part(self) -> DayPart | None:
        value = self.day_part.currentData()  # Qt hands the value back as a plain str
        return DayPart(value) if value else None

    def _mode_changed(self, period: bool) -> None:
        self.last.setVisible(period)
        self.last_label.setVisible(period)
        self.first_label.setText(self.tr("From") if period else self.tr("Date"))
        self._changed()

    def _changed(self) -> None:
        self.hint.setText(self.dates.problem(*self.range()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.dates.problem(*self.range())


def first_open_day(start: date, latest: date, is_closed: Callable[[date], bool]) -> date:
    """The first weekday from ``start`` on that is not closed (up to ``latest``)."""
    day = start
    while day < latest and (day.weekday() >= 5 or is_closed(day)):
        day += timedelta(days=1)
    return day


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
