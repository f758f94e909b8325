"""A child's diary as a list of days, newest first, for the Dagboek: older days are fetched
when the view scrolls to the end (``canFetchMore``/``fetchMore``), a sync replaces the list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.models.diary.entries import day_lines
from desktop.models.shared.formatting import format_weekday_date
from desktop.models.shared.records import DiaryDay, Profile

if TYPE_CHECKING:
    from desktop.services.diary.service import DiaryService

__all__ = ["TimelineModel", "diary_available_until"]

ModelIndex = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 2


class TimelineModel(QAbstractListModel):
    """One row per day: DisplayRole the day as text (its date, then its lines), ``DAY_ROLE``
    the :class:`DiaryDay`, ``UNREAD_ROLE`` whether it changed since it was last seen."""

    DAY_ROLE = DAY_ROLE
    UNREAD_ROLE = UNREAD_ROLE

    def __init__(self, diary: DiaryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._child_id: int | None = None
        self._days: list[DiaryDay] = []
        self._texts: dict[int, tuple[DiaryDay, bool, str]] = {}  # by id(): made once
        diary.daysChanged.connect(self._changed)
        diary.olderLoaded.connect(self._older)

    @property
    def child_id(self) -> int | None:
        return self._child_id

    def show_child(self, child_id: int) -> None:
        self.beginResetModel()
        self._child_id = child_id
        self._days = self._diary.days(child_id)
        self.endResetModel()

    def mark_read(self) -> None:
        """Every day shown now counts as read (the parent opened the diary)."""
        if self._child_id is not None:
            self._diary.mark_read(self._child_id)
            if self._days:
                self.dataChanged.emit(self.index(0), self.index(len(self._days) - 1),
                                      [UNREAD_ROLE])

    def row_of(self, day: date) -> int:
        return next((n for n, d in enumerate(self._days) if d.day == day), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._days)

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802 (Qt API)
        return (not parent.isValid() and self._child_id is not None
                and self._diary.has_older(self._child_id))

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802 (Qt API)
        if self.canFetchMore(parent):
            self._diary.fetch_older(self._child_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._days):
            return None
        day = self._days[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Made once per day and read state: a view asks for it on every paint and size.
            unread = self._unread(day)
            known = self._texts.get(id(day))
            if known is None or known[0] is not day or known[1] != unread:
                title = format_weekday_date(day.day)
                if unread:
                    title = self.tr("{day} (new)").format(day=title)
                known = (day, unread, f"{title}\n" + "\n".join(day_lines(day)))
                self._texts[id(day)] = known
            return known[2]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index)
        if role == DAY_ROLE:
            return day
        if role == UNREAD_ROLE:
            return self._unread(day)
        return None

    def _unread(self, day: DiaryDay) -> bool:
        return self._child_id is not None and self._diary.unread(self._child_id, day)

    def _changed(self, child_id: int) -> None:
        if child_id == self._child_id:
            self.beginResetModel()
            self._days = self._diary.days(child_id)
            self.endResetModel()

    def _older(self, child_id: int, count: int) -> None:
        if child_id != self._child_id or count == 0:
            return
        days = self._diary.days(child_id)
        first = len(self._days)
        self.beginInsertRows(QModelIndex(), first, len(days) - 1)
        self._days = days
        self.endInsertRows()


def diary_available_until(profile: Profile | None, weeks: int) -> date | None:
    """The last day the family sees the diary: `weeks` after its last contract ended (None
    while a contract runs on, or without contracts) — docs/api.md, "Group day and diary"."""
    contracts = [c for child in (profile.children if profile else ()) for c in child.contracts]
    if not contracts or any(c.end_date is None for c in contracts):
        return None
    return max(c.end_date for c in contracts if c.end_date) + timedelta(weeks=weeks)
