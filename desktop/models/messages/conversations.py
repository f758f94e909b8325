"""The inbox as a list model: one row per conversation, its unread count as a role.

Parents see their conversations by latest activity. Staff work through an inbox: the
conversations the group has not answered yet come first (oldest question first, it waited
longest), then the rest by latest activity; they can show one group only."""

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

from desktop.api.messages.records import Conversation
from desktop.models.shared.formatting import format_moment

__all__ = ["ConversationsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


class ConversationsModel(QAbstractListModel):
    class Role(IntEnum):
        Id = Qt.ItemDataRole.UserRole + 1
        Subject = Qt.ItemDataRole.UserRole + 2
        Preview = Qt.ItemDataRole.UserRole + 3
        About = Qt.ItemDataRole.UserRole + 4  # "Emma · Zonnetjes" (staff: the family too)
        When = Qt.ItemDataRole.UserRole + 5
        Unread = Qt.ItemDataRole.UserRole + 6
        Closed = Qt.ItemDataRole.UserRole + 7
        Answered = Qt.ItemDataRole.UserRole + 8

    def __init__(self, parent: QObject | None = None, *, staff: bool = False,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self._staff = staff
        self._now = now
        self._all: list[Conversation] = []
        self._rows: list[Conversation] = []
        self._group: int | None = None

    # --- feeding ------------------------------------------------------------------------------

    def set_conversations(self, conversations: Sequence[Conversation]) -> None:
        self._all = list(conversations)
        self._arrange()

    def set_group(self, group_id: int | None) -> None:
        """Show only this group's conversations (None: every group)."""
        self._group = group_id
        self._arrange()

    def _arrange(self) -> None:
        rows = [c for c in self._all if self._group is None or c.group_id == self._group]
        rows.sort(key=lambda c: (c.last_message_at, c.id), reverse=True)
        if self._staff:
            waiting = sorted((c for c in rows if not c.answered and not c.closed),
                             key=lambda c: (c.last_message_at, c.id))
            rows = waiting + [c for c in rows if c.answered or c.closed]
        if [c.id for c in rows] == [c.id for c in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # --- reading ------------------------------------------------------------------------------

    def conversation_at(self, row: int) -> Conversation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, conversation_id: int) -> int:
        return next((n for n, c in enumerate(self._rows) if c.id == conversation_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, self.Role.Subject):
            return c.subject
        if role == self.Role.Id:
            return c.id
        if role == self.Role.Preview:
            return c.last_message_preview
        if role == self.Role.About:
            about = f"{c.child_name} · {c.group_name}"
            return f"{c.family_name} · {about}" if self._staff else about
        if role == self.Role.When:
            return format_moment(c.last_message_at, self._now())
        if role == self.Role.Unread:
            return c.unread
        if role == self.Role.Closed:
            return c.closed
        if role == self.Role.Answered:
            return c.answered
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._spoken(c)
        return None

    def _spoken(self, c: Conversation) -> str:
        parts = [c.subject, f"{c.child_name}, {c.group_name}", format_moment(
            c.last_message_at, self._now())]
        if c.unread:
            parts.append(QCoreApplication.translate(
                "ConversationsModel", "{count} unread").format(count=c.unread))
        if c.closed:
            parts.append(QCoreApplication.translate("ConversationsModel", "closed"))
        return "; ".join(parts)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        for role in self.Role:
            names[role] = role.name[0].lower().encode() + role.name[1:].encode()
        return names
