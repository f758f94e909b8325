"""The family's children as cards: name, birth date and age, groups, location and contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.api.profile.records import Child, Contract, Profile
from desktop.models.shared.cards import (
    CARD_LINES_ROLE,
    CARD_TITLE_ROLE,
    CardLine,
    LineStyle,
    location_address,
    location_lines,
)
from desktop.models.shared.formatting import care_type_label, format_age, format_date

__all__ = ["ChildRow", "ChildrenModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ChildRow:
    """Everything a card shows about one child, formatted once when the profile arrives."""

    child_id: int
    name: str
    born: str
    age: str
    groups: tuple[str, ...]
    location_name: str
    location_address: str
    phone: str
    email: str
    lines: tuple[CardLine, ...]
    summary: str


class ChildrenModel(QAbstractListModel):
    """One row per child of the logged-in parent's family (``set_profile``)."""

    class Role(IntEnum):
        ChildId = Qt.ItemDataRole.UserRole + 1
        Name = Qt.ItemDataRole.UserRole + 2
        Born = Qt.ItemDataRole.UserRole + 3
        Age = Qt.ItemDataRole.UserRole + 4
        Groups = Qt.ItemDataRole.UserRole + 5
        LocationName = Qt.ItemDataRole.UserRole + 6
        LocationAddress = Qt.ItemDataRole.UserRole + 7
        Phone = Qt.ItemDataRole.UserRole + 8
        Email = Qt.ItemDataRole.UserRole + 9
        CardTitle = CARD_TITLE_ROLE
        CardLines = CARD_LINES_ROLE

    def __init__(self, locale: QLocale | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale or QLocale()
        self._rows: list[ChildRow] = []

    # -- filling -----------------------------------------------------------------------------
    def set_profile(self, profile: Profile | None, today: date | None = None) -> None:
        day = today or date.today()
        rows = [] if profile is None else [self._row(profile, c, day) for c in profile.children]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _row(self, profile: Profile, child: Child, today: date) -> ChildRow:
        born = format_date(child.date_of_birth, self._locale)
        age = format_age(child.date_of_birth, today)
        contracts = _contracts_to_show(child.contracts, today)
        groups = tuple(self._contract_text(profile, c, today) for c in contracts)
        location = profile.location_of_child(child, today)
        lines = [
            CardLine(self.tr("Born {date} · {age}").format(date=born, age=age), LineStyle.MUTED)
        ]
        if groups:
            lines.append(CardLine(groups[0], LineStyle.STRONG, gap_before=True))
            lines.extend(CardLine(text, LineStyle.STRONG) for text in groups[1:])
        else:
            lines.append(CardLine(self.tr("No group yet"), LineStyle.MUTED, gap_before=True))
        lines.extend(location_lines(location))
        address = location_address(location)
        summary_parts = [child.full_name, self.tr("born {date}").format(date=born), age, *groups]
        if location is not None:
            summary_parts += [location.name, address, location.phone, location.email]
        return ChildRow(
            child_id=child.id,
            name=child.full_name,
            born=born,
            age=age,
            groups=groups,
            location_name="" if location is None else location.name,
            location_address=address,
            phone="" if location is None else location.phone,
            email="" if location is None else location.email,
            lines=tuple(lines),
            summary=", ".join(part for part in summary_parts if part),
        )

    def _contract_text(self, profile: Profile, contract: Contract, today: date) -> str:
        group = profile.group(contract.group_id)
        name = group.name if group is not None else self.tr("Unknown group")
        text = self.tr("{group} · {care_type}").format(
            group=name, care_type=care_type_label(contract.care_type)
        )
        if contract.end_date is not None and contract.end_date < today:
            text = self.tr("{contract} (ended {date})").format(
                contract=text, date=format_date(contract.end_date, self._locale)
            )
        elif contract.start_date > today:
            text = self.tr("{contract} (from {date})").format(
                contract=text, date=format_date(contract.start_date, self._locale)
            )
        return text

    # -- Qt model ----------------------------------------------------------------------------
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
        getter = _ROLE_GETTERS.get(role)
        return getter(row) if getter is not None else None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update(
            {
                role.value: role.name[0].lower().encode() + role.name[1:].encode()
                for role in self.Role
            }
        )
        return names

    def row(self, index: int) -> ChildRow:
        return self._rows[index]


_ROLE_GETTERS = {
    ChildrenModel.Role.ChildId: lambda r: r.child_id,
    ChildrenModel.Role.Born: lambda r: r.born,
    ChildrenModel.Role.Age: lambda r: r.age,
    ChildrenModel.Role.Groups: lambda r: list(r.groups),
    ChildrenModel.Role.LocationName: lambda r: r.location_name,
    ChildrenModel.Role.LocationAddress: lambda r: r.location_address,
    ChildrenModel.Role.Phone: lambda r: r.phone,
    ChildrenModel.Role.Email: lambda r: r.email,
    ChildrenModel.Role.CardLines: lambda r: r.lines,
}


def _contracts_to_show(contracts: tuple[Contract, ...], today: date) -> list[Contract]:
    """Current and future contracts; if all ended, the most recent one (so the card says when)."""
    ordered = sorted(contracts, key=lambda p: p.start_date)
    relevant = [p for p in ordered if p.end_date is None or p.end_date >= today]
    if relevant:
        return relevant
    return ordered[-1:]

