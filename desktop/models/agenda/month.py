"""The month view's model: 6 weeks × 7 days, each cell a date with what happens per child.

A cell's :class:`DayEntry` list is built once per agenda (not per paint), so switching months
or repainting stays cheap; the delegate only draws what the roles hand it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.models.shared import clock
from desktop.models.shared.formatting import (
    absence_reason_label,
    day_parts_label,
    format_weekday_date,
)
from desktop.models.shared.records import Agenda, DayAgenda, DayPart

__all__ = ["DayEntry", "EntryState", "MonthModel", "state_text"]

ModelIndex = QModelIndex | QPersistentModelIndex
WEEKS = 6
_ORDER = list(DayPart)


class EntryState(StrEnum):
    PLANNED = "planned"
    ABSENT = "absent"
    QUEUED = "queued"
    EXTRA_PENDING = "pending"
    EXTRA_APPROVED = "approved"
    EXTRA_REJECTED = "rejected"


_EXTRA_STATES = {"pending": EntryState.EXTRA_PENDING, "approved": EntryState.EXTRA_APPROVED,
                 "rejected": EntryState.EXTRA_REJECTED}


@dataclass(frozen=True)
class DayEntry:
    """One line in a day cell: a child's day-parts with one state."""

    child_id: int
    child_name: str
    parts: tuple[DayPart, ...]
    state: EntryState
    detail: str  # the absence reason, if any

    @property
    def parts_text(self) -> str:
        return day_parts_label(self.parts)

    @property
    def short_text(self) -> str:
        """The day-parts in a few letters, for the narrow month cells."""
        if set(self.parts) == {DayPart.OCHTEND, DayPart.MIDDAG}:
            return QCoreApplication.translate("MonthModel", "day")
        short = {
            DayPart.OCHTEND: QCoreApplication.translate("MonthModel", "am"),
            DayPart.MIDDAG: QCoreApplication.translate("MonthModel", "pm"),
            DayPart.VSO: QCoreApplication.translate("MonthModel", "BSC"),
            DayPart.NSO: QCoreApplication.translate("MonthModel", "ASC"),
            DayPart.VAKANTIE: QCoreApplication.translate("MonthModel", "hol."),
        }
        return "+".join(short[p] for p in self.parts)


class MonthModel(QAbstractTableModel):
    """Rows are weeks (Monday first), columns weekdays; see :class:`Role` for the data."""

    class Role(IntEnum):
        Date = Qt.ItemDataRole.UserRole + 1
        InMonth = Qt.ItemDataRole.UserRole + 2
        IsToday = Qt.ItemDataRole.UserRole + 3
        Entries = Qt.ItemDataRole.UserRole + 4
        Closed = Qt.ItemDataRole.UserRole + 5
        SchoolHoliday = Qt.ItemDataRole.UserRole + 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._year, self._month = clock.today().year, clock.today().month
        self._today = clock.today()
        self._agenda: Agenda | None = None
        self._children: dict[int, str] = {}
        self._child_filter: int | None = None
        self._days: dict[date, tuple[list[DayEntry], str | None, str | None]] = {}

    # --- configuration ------------------------------------------------------------------------

    @property
    def month(self) -> tuple[int, int]:
        return self._year, self._month

    def first_shown(self) -> date:
        first = date(self._year, self._month, 1)
        return first - timedelta(days=first.weekday())

    def set_month(self, year: int, month: int) -> None:
        """Show another month; its agenda follows with :meth:`set_agenda`."""
        self.beginResetModel()
        self._year, self._month = year, month
        if self._agenda is not None and not self._covers(self._agenda):
            self._agenda = None
        self._rebuild()
        self.endResetModel()

    def set_agenda(self, agenda: Agenda | None) -> None:
        if agenda is not None and not self._covers(agenda):
            return  # an answer for a month no longer shown
        self._agenda = agenda
        self._rebuild()
        self._changed_all()

    def set_children(self, names: dict[int, str]) -> None:
        self._children = dict(names)
        self._rebuild()
        self._changed_all()

    def set_child_filter(self, child_id: int | None) -> None:
        self._child_filter = child_id
        self._rebuild()
        self._changed_all()

    def set_today(self, today: date) -> None:
        self._today = today
        self._changed_all()

    # --- lookups ------------------------------------------------------------------------------

    def date_at(self, index: ModelIndex) -> date:
        return self.first_shown() + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first_shown()).days
        if not 0 <= offset < WEEKS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def day(self, day: date) -> DayAgenda | None:
        return self._agenda.day(day) if self._agenda is not None else None

    def entries(self, day: date) -> list[DayEntry]:
        return self._days.get(day, ([], None, None))[0]

    def closed(self, day: date) -> str | None:
        """Why the location is closed on ``day`` (None: open)."""
        return self._days.get(day, ([], None, None))[1]

    def school_holiday(self, day: date) -> str | None:
        """The school holiday ``day`` falls in (None: a school week)."""
        return self._days.get(day, ([], None, None))[2]

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 7:
            return QLocale().dayName(section + 1, QLocale.FormatType.ShortFormat)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < WEEKS and 0 <= index.column() < 7):
            return None
        day = self.date_at(index)
        entries, closed, holiday = self._days.get(day, ([], None, None))
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(day)
        if role == self.Role.Date:
            return day
        if role == self.Role.InMonth:
            return (day.year, day.month) == (self._year, self._month)
        if role == self.Role.IsToday:
            return day == self._today
        if role == self.Role.Entries:
            return entries
        if role == self.Role.Closed:
            return closed
        if role == self.Role.SchoolHoliday:
            return holiday
        return None

    def describe(self, day: date) -> str:
        """The cell in words, for tooltips and screen readers."""
        entries, closed, holiday = self._days.get(day, ([], None, None))
        parts = [format_weekday_date(day)]
        if closed:
            parts.append(QCoreApplication.translate("MonthModel", "closed: {reason}")
                         .format(reason=closed))
        if holiday:
            parts.append(holiday)
        for entry in entries:
            parts.append(f"{entry.child_name}: {entry.parts_text} ({state_text(entry)})")
        if len(parts) == 1 or (not entries and not closed):
            parts.append(QCoreApplication.translate("MonthModel", "no care planned"))
        return "; ".join(parts)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        for role in self.Role:
            names[role] = role.name[0].lower().encode() + role.name[1:].encode()
        return names

    # --- internals ----------------------------------------------------------------------------

    def _covers(self, agenda: Agenda) -> bool:
        first = date(self._year, self._month, 1)
        return agenda.first <= first <= agenda.last

    def _changed_all(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(WEEKS - 1, 6))

    def _rebuild(self) -> None:
        self._days = {}
        if self._agenda is None:
            return
        first = self.first_shown()
        for offset in range(WEEKS * 7):
            day = first + timedelta(days=offset)
            if not self._agenda.first <= day <= self._agenda.last:
                continue
            info = self._agenda.day(day)
            closed = "; ".join(c.reason for c in info.closing_days) or None
            entries = self._entries(info)
            if entries or closed or info.school_holiday:
                self._days[day] = (entries, closed, info.school_holiday)

    def _entries(self, info: DayAgenda) -> list[DayEntry]:
        by_child: dict[tuple[int, EntryState, str], list[DayPart]] = {}
        for planned in info.planned:
            if self._child_filter not in (None, planned.child_id):
                continue
            absence = info.absence_of(planned.child_id, planned.day_part)
            if absence is None:
                key = (planned.child_id, EntryState.PLANNED, "")
            else:
                state = EntryState.QUEUED if absence.queued else EntryState.ABSENT
                key = (planned.child_id, state, absence_reason_label(absence.reason.value))
            by_child.setdefault(key, []).append(planned.day_part)
        for extra in info.extra_days:
            wanted = self._child_filter in (None, extra.child_id)
            if not wanted or extra.status not in _EXTRA_STATES:
                continue
            by_child.setdefault((extra.child_id, _EXTRA_STATES[extra.status], ""),
                                []).append(extra.day_part)
        order = list(self._children)
        entries = [DayEntry(child, self._children.get(child, "?"),
                            tuple(sorted(parts, key=_ORDER.index)), state, detail)
                   for (child, state, detail), parts in by_child.items()]
        return sorted(entries, key=lambda e: (order.index(e.child_id)
                                              if e.child_id in order else len(order),
                                              list(EntryState).index(e.state)))


def state_text(entry: DayEntry) -> str:
    """The entry's state in words (tooltips, day panel)."""
    if entry.state is EntryState.PLANNED:
        return QCoreApplication.translate("MonthModel", "planned")
    if entry.state is EntryState.QUEUED:
        return QCoreApplication.translate("MonthModel", "absence waiting for a connection")
    if entry.state is EntryState.EXTRA_PENDING:
        return QCoreApplication.translate("MonthModel", "extra day requested, not decided yet")
    if entry.state is EntryState.EXTRA_APPROVED:
        return QCoreApplication.translate("MonthModel", "extra day approved")
    if entry.state is EntryState.EXTRA_REJECTED:
        return QCoreApplication.translate("MonthModel", "extra day rejected")
    return QCoreApplication.translate("MonthModel", "absent: {reason}").format(
        reason=entry.detail)
