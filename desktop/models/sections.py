"""The main window's sections: who sees each one, and the navigation model over them.

The table of sections itself is ``desktop/views/sections.py`` (its entries name their page
factories, which are views); this module holds what needs no widget: a :class:`Section`'s
fields, its :class:`Audience` (which roles and which account states see it) and
:class:`SectionsModel`, the list the navigation shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from desktop.models.shared.records import Profile, Role

__all__ = ["EVERYONE", "PARENTS", "STAFF", "AccessState", "Audience", "Section", "SectionsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


class AccessState(Enum):
    """Where the account stands: ``ENDING`` once the last contract ended and the portal has
    named the day access ends (``Profile.access_until``)."""

    ACTIVE = "active"
    ENDING = "ending"

    @classmethod
    def of(cls, profile: Profile | None) -> AccessState:
        # The portal decides when access ends; the app goes by what it said.
        if profile is None or profile.access_until is None:
            return cls.ACTIVE
        return cls.ENDING


@dataclass(frozen=True)
class Audience:
    """The roles and account states that see a section. An unknown role (nothing loaded yet)
    sees only what everyone sees."""

    roles: frozenset[Role]
    states: frozenset[AccessState] = frozenset(AccessState)

    def admits(self, role: Role | None, state: AccessState) -> bool:
        if state not in self.states:
            return False
        if role is None:
            return self.roles == EVERYONE.roles
        return role in self.roles


EVERYONE = Audience(frozenset(Role))
PARENTS = Audience(frozenset({Role.PRIMARY_PARENT, Role.SECONDARY_PARENT}))
STAFF = Audience(frozenset({Role.STAFF, Role.MANAGER}))


@dataclass(frozen=True)
class Section:
    """One entry of the section table.

    ``title`` and ``description`` are source texts (context ``Sections``, marked with
    ``QT_TRANSLATE_NOOP``) translated when shown; ``icon`` names ``resources/icons/<icon>.svg``;
    ``page`` builds the section's page from a ``desktop.views.shared.pages.PageContext`` —
    when the section is first shown, so the main window paints without the other pages.
    ``attach`` (optional) wires, from the same context, what the section puts in the window
    from the start, page or no page: its notices in the message bar, a status-bar item.
    """

    key: str
    title: str
    description: str
    icon: str
    audience: Audience
    page: Callable[[Any], Any]
    attach: Callable[[Any], None] | None = None

    def translated_title(self) -> str:
        return QCoreApplication.translate("Sections", self.title)

    def translated_description(self) -> str:
        return QCoreApplication.translate("Sections", self.description)


class SectionsModel(QAbstractListModel):
    """The sections of a table, in its order; the view asks ``key_at(row)`` for the page."""

    class Role(IntEnum):
        Key = Qt.ItemDataRole.UserRole + 1
        IconName = Qt.ItemDataRole.UserRole + 2

    def __init__(self, sections: Sequence[Section],
                 icon_for: Callable[[str], QIcon] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon_for = icon_for
        self._sections = tuple(sections)
        self._icons: dict[str, QIcon] = {}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._sections)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._sections):
            return None
        section = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return section.translated_title()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return section.translated_description()
        if role == Qt.ItemDataRole.DecorationRole and self._icon_for is not None:
            if section.icon not in self._icons:
                self._icons[section.icon] = self._icon_for(section.icon)
            return self._icons[section.icon]
        if role == self.Role.Key:
            return section.key
        if role == self.Role.IconName:
            return section.icon
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names[self.Role.Key] = b"key"
        names[self.Role.IconName] = b"iconName"
        return names

    def section_at(self, row: int) -> Section | None:
        return self._sections[row] if 0 <= row < len(self._sections) else None

    def key_at(self, row: int) -> str | None:
        section = self.section_at(row)
        return None if section is None else section.key

    def row_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self._sections) if s.key == key), -1)
