"""One conversation's thread as a list model: a day separator before each new day, the
messages oldest first, then what still waits in the outbox ("being sent", or the portal's
refusal). The message the other side has read last carries the read marker.

A long thread shows its newest :data:`PAGE` messages first, and :meth:`ThreadModel.show_older`
puts older ones in front as the reader scrolls up (the thread's fetchMore: older rows come in
at the top, so Qt's own ``fetchMore`` — which the view calls when its *last* row shows, always
true in a thread kept at its newest message — is not used). A conversation of thousands
of messages opens as fast as one of a hundred."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.api.messages.records import Attachment, Message
from desktop.models.shared.formatting import format_time, format_weekday_date
from desktop.services.messages.service import QueuedMessage

__all__ = ["PAGE", "RowKind", "ThreadModel"]

ModelIndex = QModelIndex | QPersistentModelIndex

#: How many messages a thread shows at first, and how many more each step back in time.
PAGE = 50


class RowKind(IntEnum):
    DAY = 0
    MESSAGE = 1
    QUEUED = 2


@dataclass(frozen=True)
class _Row:
    kind: RowKind
    day: date | None = None
    message: Message | None = None
    queued: QueuedMessage | None = None
    status: str = ""


def _row_key(row: _Row) -> tuple[str, object]:
    """The row's identity, the same for as long as it shows the same thing."""
    if row.day is not None:
        return "day", row.day
    if row.queued is not None:
        return "queued", row.queued.outbox_id
    return "message", row.message.id if row.message else 0


class ThreadModel(QAbstractListModel):
    class Role(IntEnum):
        Kind = Qt.ItemDataRole.UserRole + 1
        Author = Qt.ItemDataRole.UserRole + 2
        Body = Qt.ItemDataRole.UserRole + 3
        Time = Qt.ItemDataRole.UserRole + 4
        Mine = Qt.ItemDataRole.UserRole + 5
        Attachments = Qt.ItemDataRole.UserRole + 6
        Status = Qt.ItemDataRole.UserRole + 7
        MessageId = Qt.ItemDataRole.UserRole + 8
        #: What stays the same for a row as rows come and go in front of it (the delegate
        #: keeps each message's layout under it).
        RowKey = Qt.ItemDataRole.UserRole + 9
        #: The message is from the reader's side of the conversation: the family's (either
        #: parent's) for a parent, the team's (any staff member's) for staff. Bubbles are
        #: drawn by side, not by who wrote (``Mine``), so the other parent is not a teacher.
        OwnSide = Qt.ItemDataRole.UserRole + 10

    def __init__(self, parent: QObject | None = None, *, family_side: bool = True) -> None:
        super().__init__(parent)
        self._family_side = family_side
        self._messages: list[Message] = []  # the thread as far as it is known, oldest first
        self._first = 0  # the first of them shown; rows are made for messages[_first:] only
        self._marker: int | None = None
        self._rows: list[_Row] = []
        self._conversation: int | None = None

    def set_thread(self, messages: Sequence[Message], queued: Sequence[QueuedMessage] = (), *,
                   read_by_other_side: int = 0) -> None:
        """The thread; ``read_by_other_side``: the last message id the other side read. The
        same conversation again (a new message, older ones) keeps the history shown."""
        conversation = messages[0].conversation_id if messages else None
        keep = self._messages[self._first].id if self._rows and self._messages \
            and conversation == self._conversation else None
        marker_before = self._marker
        self._messages, self._conversation = list(messages), conversation
        self._marker = max((m.id for m in messages if m.from_family == self._family_side
                            and m.id <= read_by_other_side), default=None)
        if keep is not None:  # the same first message as before (ids grow with time)
            self._first = bisect_left([m.id for m in self._messages], keep)
        else:
            self._first = self._day_start(len(self._messages) - PAGE)
        rows = self._rows_for(self._first, len(self._messages))
        for item in queued:
            status = item.refusal or QCoreApplication.translate("ThreadModel", "Being sent…")
            rows.append(_Row(RowKind.QUEUED, queued=item, status=status))
        if keep is not None and self._marker == marker_before and rows == self._rows:
            # Only older messages came in behind the first shown (read from the cache as the
            # reader scrolls up): the rows stay, and the view keeps its layout of thousands.
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @property
    def older_hidden(self) -> bool:
        """Older messages wait in front of the first row shown."""
        return self._first > 0

    def show_older(self) -> int:
        """Put up to :data:`PAGE` older messages in front; returns how many rows came in."""
        if self._first == 0:
            return 0
        first = self._day_start(self._first - PAGE)
        rows = self._rows_for(first, self._first)
        if self._rows and self._rows[0].kind is RowKind.DAY and rows[-1].kind is not \
                RowKind.DAY and _day(rows[-1].message) == self._rows[0].day:
            # The day goes on above the old top (a day longer than a page): one separator.
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self._rows[0]
            self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self._first = first
        self._rows[:0] = rows
        self.endInsertRows()
        return len(rows)

    def _rows_for(self, first: int, end: int) -> list[_Row]:
        """The rows of messages[first:end]: a day separator before the first and each new
        day, the read marker where it is."""
        read_text = (QCoreApplication.translate("ThreadModel", "Read by the group")
                     if self._family_side else
                     QCoreApplication.translate("ThreadModel", "Read by the parents"))
        rows: list[_Row] = []
        last_day: date | None = None
        for message in self._messages[first:end]:
            day = _day(message)
            if day != last_day:
                rows.append(_Row(RowKind.DAY, day=day))
                last_day = day
            rows.append(_Row(RowKind.MESSAGE, message=message,
                             status=read_text if message.id == self._marker else ""))
        return rows

    def _day_start(self, first: int) -> int:
        """``first`` moved on to where a new day begins, so that the first day shown is whole;
        not further than a page, though (a day of thousands of messages)."""
        if first <= 0:
            return 0
        messages = self._messages
        for n in range(first, min(len(messages), first + PAGE)):
            if _day(messages[n]) != _day(messages[n - 1]):
                return n
        return first

    def size_key(self, row: int) -> tuple[object, bool] | None:
        """What a message row's height depends on besides the width — its key and whether it
        has a status line — in one call (None for a day separator): the view asks for every
        row's height at each layout, thousands of rows in a long thread."""
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        if found is None or found.kind is RowKind.DAY:
            return None
        return _row_key(found), bool(found.status)

    def message_at(self, row: int) -> Message | None:
        return self._rows[row].message if 0 <= row < len(self._rows) else None

    def queued_at(self, row: int) -> QueuedMessage | None:
        return self._rows[row].queued if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind is RowKind.DAY:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.Role.Kind:
            return int(row.kind)
        if role == self.Role.RowKey:
            return _row_key(row)
        if row.kind is RowKind.DAY:
            assert row.day is not None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return format_weekday_date(row.day)
            return None
        if role == self.Role.Status:
            return row.status
        if row.queued is not None:
            return self._queued_data(row.queued, role, row.status)
        message = row.message
        assert message is not None
        if role in (Qt.ItemDataRole.DisplayRole, self.Role.Body):
            return message.body
        if role == self.Role.Author:
            return message.author_name
        if role == self.Role.Time:
            return format_time(message.sent_at)
        if role == self.Role.Mine:
            return message.mine
        if role == self.Role.OwnSide:
            return message.from_family == self._family_side
        if role == self.Role.Attachments:
            return message.attachments
        if role == self.Role.MessageId:
            return message.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "; ".join(p for p in (message.author_name, format_time(message.sent_at),
                                         message.body, _files(message.attachments),
                                         row.status) if p)
        return None

    def _queued_data(self, item: QueuedMessage, role: int, status: str):  # noqa: ANN202
        if role in (Qt.ItemDataRole.DisplayRole, self.Role.Body):
            return item.draft.body
        if role == self.Role.Author:
            return QCoreApplication.translate("ThreadModel", "You")
        if role in (self.Role.Mine, self.Role.OwnSide):
            return True
        if role == self.Role.Time:
            return ""
        if role == self.Role.Attachments:
            return ()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.draft.body}; {status}"
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        for role in self.Role:
            names[role] = role.name[0].lower().encode() + role.name[1:].encode()
        return names


def _day(message: Message | None) -> date | None:
    return None if message is None else message.sent_at.astimezone().date()


def _files(attachments: Sequence[Attachment]) -> str:
    if not attachments:
        return ""
    return QCoreApplication.translate("ThreadModel", "attachments: {names}").format(
        names=", ".join(a.filename for a in attachments))
