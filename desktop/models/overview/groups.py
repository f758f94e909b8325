"""A staff member's or manager's groups as cards: group, care type, location and contact."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.api.profile.records import Group, Profile
from desktop.models.shared.cards import (
    CARD_LINES_ROLE,
    CARD_TITLE_ROLE,
    CardLine,
    LineStyle,
    location_address,
    location_lines,
)
from desktop.models.shared.formatting import care_type_label

__all__ = ["GroupRow", "GroupsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GroupRow:
    group_id: int
    name: str
    care_type: str
    location_name: str
    location_address: str
    lines: tuple[CardLine, ...]
    summary: str


class GroupsModel(QAbstractListModel):
    """One row per group in the profile (staff: their groups; managers: their locations' groups)."""

    class Role(IntEnum):
        GroupId = Qt.ItemDataRole.UserRole + 1
        Name = Qt.ItemDataRole.UserRole + 2
        CareType = Qt.ItemDataRole.UserRole + 3
        LocationName = Qt.ItemDataRole.UserRole + 4
        LocationAddress = Qt.ItemDataRole.UserRole + 5
        CardTitle = CARD_TITLE_ROLE
        CardLines = CARD_LINES_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupRow] = []

    def set_profile(self, profile: Profile | None) -> None:
        groups = () if profile is None else profile.groups
        rows = [self._row(profile, g) for g in sorted(groups, key=lambda g: g.name.casefold())]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _row(self, profile: Profile | None, group: Group) -> GroupRow:
        location = None if profile is None else profile.location(group.location_id)
        care = care_type_label(group.care_type)
        lines = [CardLine(care, LineStyle.MUTED), *location_lines(location)]
        address = location_address(location)
        parts = [group.name, care]
        if location is not None:
            parts += [location.name, address, location.phone, location.email]
        return GroupRow(
            group_id=group.id,
            name=group.name,
            care_type=care,
            location_name="" if location is None else location.name,
            location_address=address,
            lines=tuple(lines),
            summary=", ".join(p for p in parts if p),
        )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, self.Role.Name, self.Role.CardTitle):
            return row.name
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return row.summary
        if role == self.Role.GroupId:
            return row.group_id
        if role == self.Role.CareType:
            return row.care_type
        if role == self.Role.LocationName:
            return row.location_name
        if role == self.Role.LocationAddress:
            return row.location_address
        if role == self.Role.CardLines:
            return row.lines
        return None

    def row(self, index: int) -> GroupRow:
        return self._rows[index]
