"""One conversation's thread as a list model: a day separator before each new day, the
messages oldest first, then what still waits in the outbox ("being sent", or the portal's
refusal). The message the other side has read last carries the read marker.

A long thread shows its newest :data:`PAGE` messages first, and :meth:`ThreadModel.show_older`
puts older ones in front as the reader scrolls up (the thread's fetchMore: older rows come in
at the top, so Qt's own ``fetchMore`` — which the view calls when its *last* row shows, always
true in a thread kept at its newest message — is not used). A conversation of thousands
of messages opens as fast as one of a hundred."""

from __future__ import annotations

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
PAGE = 100


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

    def __init__(self, parent: QObject | None = None, *, family_side: bool = True) -> None:
        super().__init__(parent)
        self._family_side = family_side
        self._all: list[_Row] = []  # the whole thread
        self._start = 0  # the first of them shown
        self._rows: list[_Row] = []  # _all[_start:]: what the view shows
        self._conversation: int | None = None

    def set_thread(self, messages: Sequence[Message], queued: Sequence[QueuedMessage] = (), *,
                   read_by_other_side: int = 0) -> None:
        """The thread; ``read_by_other_side``: the last message id the other side read. The
        same conversation again (a new message) keeps as much history shown as before."""
        marker = max((m.id for m in messages if m.from_family == self._family_side
                      and m.id <= read_by_other_side), default=None)
        read_text = (QCoreApplication.translate("ThreadModel", "Read by the group")
                     if self._family_side else
                     QCoreApplication.translate("ThreadModel", "Read by the parents"))
        rows: list[_Row] = []
        last_day: date | None = None
        for message in messages:
            day = message.sent_at.astimezone().date()
            if day != last_day:
                rows.append(_Row(RowKind.DAY, day=day))
                last_day = day
            rows.append(_Row(RowKind.MESSAGE, message=message,
                             status=read_text if message.id == marker else ""))
        for item in queued:
            status = item.refusal or QCoreApplication.translate("ThreadModel", "Being sent…")
            rows.append(_Row(RowKind.QUEUED, queued=item, status=status))
        conversation = messages[0].conversation_id if messages else None
        first = self._rows[0] if self._rows and conversation == self._conversation else None
        self.beginResetModel()
        self._all, self._conversation = rows, conversation
        # The same conversation again starts where it started (the reader's history stays).
        self._start = next((n for n, row in enumerate(rows) if first is not None
                            and (row.day, row.message) == (first.day, first.message)), None) \
            if first is not None else None
        if self._start is None:
            self._start = self._day_start(len(rows) - self._newest(rows, PAGE))
        self._rows = rows[self._start:]
        self.endResetModel()

    @property
    def older_hidden(self) -> bool:
        """Older messages wait in front of the first row shown."""
        return self._start > 0

    def show_older(self) -> int:
        """Put up to :data:`PAGE` older messages in front; returns how many rows came in."""
        if self._start == 0:
            return 0
        start = self._day_start(self._start - self._newest(self._all[:self._start], PAGE))
        added = self._start - start
        self.beginInsertRows(QModelIndex(), 0, added - 1)
        self._start = start
        self._rows = self._all[start:]
        self.endInsertRows()
        return added

    @staticmethod
    def _newest(rows: Sequence[_Row], messages: int) -> int:
        """How many rows at the end of ``rows`` hold their newest ``messages`` messages."""
        seen = 0
        for n in range(len(rows) - 1, -1, -1):
            if rows[n].kind is not RowKind.DAY:
                seen += 1
                if seen > messages:
                    return len(rows) - 1 - n
        return len(rows)

    def _day_start(self, start: int) -> int:
        """``start`` moved on to the next day's separator, so that the first day shown is
        whole; not further than a page, though (a day of thousands of messages)."""
        start = max(0, start)
        for n in range(start, min(len(self._all), start + PAGE)):
            if self._all[n].kind is RowKind.DAY:
                return n
        return start

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
            return ("day", row.day) if row.day is not None else (
                ("queued", row.queued.outbox_id) if row.queued is not None
                else ("message", row.message.id if row.message else 0))
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
        if role == self.Role.Mine:
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


def _files(attachments: Sequence[Attachment]) -> str:
    if not attachments:
        return ""
    return QCoreApplication.translate("ThreadModel", "attachments: {names}").format(
        names=", ".join(a.filename for a in attachments))
