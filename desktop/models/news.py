"""The news as a list model: newest first, unread as a role; an author's item that is not
published yet says when it will be ("planned for …")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.api.news.records import NewsItem
from desktop.models.shared.formatting import format_date, format_time

__all__ = ["NewsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


class NewsModel(QAbstractListModel):
    class Role(IntEnum):
        Id = Qt.ItemDataRole.UserRole + 1
        Unread = Qt.ItemDataRole.UserRole + 2
        Meta = Qt.ItemDataRole.UserRole + 3  # "Fatima El Amrani · 1 March 2026 · Zonnetjes"
        Title = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: QObject | None = None, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._items: list[NewsItem] = []
        self._now = now or (lambda: datetime.now(UTC))

    def set_items(self, items: Sequence[NewsItem]) -> None:
        items = list(items)
        if [i.id for i in items] == [i.id for i in self._items]:
            self._items = items
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item_at(self, row: int) -> NewsItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, news_id: int) -> int:
        return next((n for n, i in enumerate(self._items) if i.id == news_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.title}\n{self.meta(item)}"
        if role == self.Role.Id:
            return item.id
        if role == self.Role.Unread:
            return not item.read
        if role == self.Role.Meta:
            return self.meta(item)
        if role == self.Role.Title:
            return item.title
        if role == Qt.ItemDataRole.FontRole and not item.read:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            unread = QCoreApplication.translate("NewsModel", "unread") if not item.read else ""
            return "; ".join(p for p in (item.title, self.meta(item), unread) if p)
        return None

    def meta(self, item: NewsItem) -> str:
        """Who, when and for whom: "Fatima El Amrani · 1 March 2026 · Zonnetjes"."""
        local = item.published_at.astimezone()
        when = format_date(local.date())
        if item.published_at > self._now():  # only its author sees it before
            when = QCoreApplication.translate("NewsModel", "planned for {day} {time}").format(
                day=when, time=format_time(local))
        return " · ".join(p for p in (item.author_name, when, ", ".join(item.audience)) if p)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names[self.Role.Id] = b"id"
        names[self.Role.Unread] = b"unread"
        names[self.Role.Meta] = b"meta"
        names[self.Role.Title] = b"title"
        return names
