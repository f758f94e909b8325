"""The date field every form in the app uses: a long, readable date with a calendar popup.

Qt's ``QDateEdit`` opens its calendar only with the mouse, and its arrow keys change one section
within its range (the day stops at the 31st). Parents expect what combo boxes do: Alt+Down or
F4 opens the calendar, Up/Down move a whole day (or month, or year) across month ends, and
Tab goes to the next field instead of stepping through the day, month and year.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QTimeEdit, QWidget

from desktop.models.shared.formatting import WEEKDAY_DATE_FORMAT

__all__ = ["DateField", "Period", "TimeField", "pydate", "qdate"]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A date between ``earliest`` and ``latest`` (None: no limit), shown as
    ``Monday 7 December 2026`` like every other date in the app."""

    def __init__(self, day: date, earliest: date | None = None, latest: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(qdate(day), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(WEEKDAY_DATE_FORMAT)
        if earliest is not None:
            self.setMinimumDate(qdate(earliest))
        if latest is not None:
            self.setMaximumDate(qdate(latest))
        self.setToolTip(self.tr("Alt+Down opens the calendar; Up and Down change the day"))

    @property
    def day(self) -> date:
        return pydate(self.date())

    def set_day(self, day: date) -> None:
        self.setDate(qdate(day))

    def open_calendar(self) -> None:
        """Show the calendar below the field, keyboard focus in it (Enter picks the day)."""
        calendar = self.calendarWidget()
        calendar.setSelectedDate(self.date())
        popup = calendar.window()  # Qt's own popup frame, which sets the date on a choice
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        calendar.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        # Tab leaves the field, as everywhere else; Left and Right move between its parts.
        return QAbstractSpinBox.focusNextPrevChild(self, next)

    def stepBy(self, steps: int) -> None:
        section = self.currentSection()
        current = self.date()
        if section == QDateTimeEdit.Section.MonthSection:
            moved = current.addMonths(steps)
        elif section == QDateTimeEdit.Section.YearSection:
            moved = current.addYears(steps)
        else:
            moved = current.addDays(steps)
        self.setDate(max(self.minimumDate(), min(self.maximumDate(), moved)))
        self.setCurrentSection(section)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.date() > self.minimumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class TimeField(QTimeEdit):
    """A time of day as ``14:15``; Tab leaves the field (Left and Right move between the hour
    and the minutes), as in :class:`DateField`."""

    def __init__(self, moment: time, parent: QWidget | None = None) -> None:
        super().__init__(QTime(moment.hour, moment.minute), parent)
        self.setDisplayFormat("HH:mm")

    @property
    def moment(self) -> time:
        value = self.time()
        return time(value.hour(), value.minute())

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return QAbstractSpinBox.focusNextPrevChild(self, next)


class Period(QObject):
    """A "From" and an "Up to and including" field that belong together: moving the first day
    moves the last one along (the period keeps its length), and :meth:`problem` says what is
    wrong with the period. Signal: ``changed()`` after either field changed."""

    changed = Signal()

    def __init__(self, first: DateField, last: DateField, max_days: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first, self.last = first, last
        self.max_days = max_days
        self._length = max(timedelta(0), last.day - first.day)
        first.dateChanged.connect(self._first_changed)
        last.dateChanged.connect(self._last_changed)

    def problem(self, first: date, last: date) -> str:
        """Why ``first``..``last`` cannot be asked for ("" when it can)."""
        if last < first:
            return QCoreApplication.translate("Period", "The last day is before the first day.")
        if (last - first).days >= self.max_days:
            return QCoreApplication.translate(
                "Period", "A period can be at most {n} days.").format(n=self.max_days)
        return ""

    def _first_changed(self) -> None:
        self.last.set_day(self.first.day + self._length)
        self.changed.emit()

    def _last_changed(self) -> None:
        self._length = max(timedelta(0), self.last.day - self.first.day)
        self.changed.emit()
