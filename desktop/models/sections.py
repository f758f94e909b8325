"""The sections in the main window's navigation: only the sections that are built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

__all__ = ["Section", "SectionsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    icon_name: str
    description: str


class SectionsModel(QAbstractListModel):
    """A fixed list of sections; the view asks ``key_at(row)`` to show the matching page."""

    class Role(IntEnum):
        Key = Qt.ItemDataRole.UserRole + 1
        IconName = Qt.ItemDataRole.UserRole + 2

    OVERVIEW = "overview"
    AGENDA = "agenda"
    FINANCE = "finance"
    DECISIONS = "decisions"
    ACCOUNT = "account"

    def __init__(self, icon_for: Callable[[str], QIcon] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon_for = icon_for
        self._sections = (
            Section(
                self.OVERVIEW,
                self.tr("Overview"),
                "overview",
                self.tr("Your children, their groups and locations"),
            ),
            Section(
                self.AGENDA,
                self.tr("Agenda"),
                "agenda",
                self.tr("When your children come, absences and requests"),
            ),
            Section(
                self.FINANCE,
                self.tr("Finance"),
                "finance",
                self.tr("Invoices, annual statements, contracts and rates"),
            ),
            Section(
                self.DECISIONS,
                self.tr("Requests"),
                "requests",
                self.tr("Extra-day requests of your groups, to approve or reject"),
            ),
            Section(
                self.ACCOUNT,
                self.tr("Account"),
                "account",
                self.tr("Your details and logged-in devices"),
            ),
        )
        self._icons: dict[str, QIcon] = {}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._sections)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._sections):
            return None
        section = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return section.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return section.description
        if role == Qt.ItemDataRole.DecorationRole and self._icon_for is not None:
            if section.icon_name not in self._icons:
                self._icons[section.icon_name] = self._icon_for(section.icon_name)
            return self._icons[section.icon_name]
        if role == self.Role.Key:
            return section.key
        if role == self.Role.IconName:
            return section.icon_name
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names[self.Role.Key] = b"key"
        names[self.Role.IconName] = b"iconName"
        return names

    def key_at(self, row: int) -> str | None:
        return self._sections[row].key if 0 <= row < len(self._sections) else None

    def row_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self._sections) if s.key == key), -1)
