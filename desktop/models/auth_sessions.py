"""The account's logged-in devices (server sessions) as a table for the account page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.api.account.records import AuthSession
from desktop.models.shared.formatting import format_moment

__all__ = ["AuthSessionRow", "AuthSessionsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AuthSessionRow:
    session_id: str
    device: str
    since: str
    last_used: str
    this_device: str
    current: bool
    last_used_at: float


class AuthSessionsModel(QAbstractTableModel):
    """Columns: device, logged in since, last used, "this device"; newest use first."""

    COLUMN_DEVICE = 0
    COLUMN_SINCE = 1
    COLUMN_LAST_USED = 2
    COLUMN_THIS_DEVICE = 3
    COLUMN_COUNT = 4

    class Role(IntEnum):
        SessionId = Qt.ItemDataRole.UserRole + 1
        IsCurrent = Qt.ItemDataRole.UserRole + 2
        SortKey = Qt.ItemDataRole.UserRole + 3

    def __init__(
        self,
        locale: QLocale | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._locale = locale or QLocale()
        self._clock = clock
        self._rows: list[AuthSessionRow] = []
        self._headers = (
            self.tr("Device"),
            self.tr("Logged in since"),
            self.tr("Last used"),
            self.tr("This device"),
        )

    def set_sessions(self, sessions: Sequence[AuthSession]) -> None:
        now = self._clock()
        ordered = sorted(sessions, key=lambda s: (not s.current, -s.last_used_at.timestamp()))
        rows = [self._row(s, now) for s in ordered]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _row(self, session: AuthSession, now: datetime) -> AuthSessionRow:
        return AuthSessionRow(
            session_id=session.id,
            device=session.device_name or self.tr("Unknown device"),
            since=format_moment(session.created_at, now, self._locale),
            last_used=format_moment(session.last_used_at, now, self._locale),
            this_device=self.tr("This device") if session.current else "",
            current=session.current,
            last_used_at=session.last_used_at.timestamp(),
        )

    def session_at(self, row: int) -> AuthSessionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (row.device, row.since, row.last_used, row.this_device)[column]
        if role == self.Role.SessionId:
            return row.session_id
        if role == self.Role.IsCurrent:
            return row.current
        if role == self.Role.SortKey:
            return row.last_used_at
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self.COLUMN_COUNT):
            return self._headers[section]
        return None
