"""Table models of the Financieel section: documents of one kind, tariffs, and the year filter.

Rows are prepared once per overview (texts, sort keys), so ``data()`` is a lookup. The offline
marker asks ``is_cached`` when documents arrive and only that column's cells are updated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.api.finance.records import (
    DocumentKind,
    FinanceAccess,
    FinanceDocument,
    FinanceOverview,
    Tariff,
)
from desktop.models.shared.formatting import (
    care_type_label,
    format_date,
    format_date_range,
    format_money,
)

__all__ = ["DocumentKind", "FinanceAccess", "FinanceDocument", "FinanceDocumentsModel",
           "FinanceOverview", "Tariff", "TariffsModel", "YearFilterModel", "covered_years",
           "period_text", "status_label"]

ModelIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


def period_text(document: FinanceDocument, locale: QLocale | None = None) -> str:
    """``oktober 2026`` for an invoice, ``2025`` for a jaaropgave, ``1 augustus 2025 t/m
    31 juli 2027`` or ``vanaf 1 augustus 2025`` for a contract."""
    first, last = document.span
    if document.kind is DocumentKind.INVOICE and last is not None and (last - first).days < 31:
        return (locale or QLocale()).toString(QDate(first.year, first.month, 1), "MMMM yyyy")
    if document.kind is DocumentKind.CONTRACT:
        if last is None:
            return QCoreApplication.translate("Finance", "from {date}").format(
                date=format_date(first, locale))
        return format_date_range(first, last, locale)
    return document.period


def covered_years(document: FinanceDocument, today: date | None = None) -> frozenset[int]:
    """The years a document is about, for the year filter: a running contract counts for
    every year from its start up to this one."""
    first, last = document.span
    end = last or today or date.today()
    return frozenset(range(first.year, max(first.year, end.year) + 1))


def status_label(status: str | None) -> str:
    labels = {
        "open": QCoreApplication.translate("Finance", "Open"),
        "paid": QCoreApplication.translate("Finance", "Paid"),
    }
    return "" if status is None else labels.get(status, status)


class Role(IntEnum):
    Document = Qt.ItemDataRole.UserRole + 1
    Years = Qt.ItemDataRole.UserRole + 2  # frozenset of the years a row is about
    SortKey = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class _Row:
    document: FinanceDocument
    texts: tuple[str, ...]
    sort_keys: tuple[object, ...]
    years: frozenset[int]


class FinanceDocumentsModel(QAbstractTableModel):
    """The documents of one :class:`DocumentKind`: number, period, child, amount, status,
    offline. Columns that do not apply to the kind stay empty (the view hides them)."""

    NUMBER, PERIOD, CHILD, AMOUNT, STATUS, OFFLINE = range(6)
    COLUMN_COUNT = 6
    Role = Role

    def __init__(self, kind: DocumentKind, is_cached: Callable[[FinanceDocument], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._is_cached = is_cached
        self._rows: list[_Row] = []
        self._cached: list[bool] = []

    def set_overview(self, overview: FinanceOverview | None) -> None:
        documents = [] if overview is None else overview.of_kind(self.kind)
        self.beginResetModel()
        self._rows = [self._prepare(d) for d in documents]
        self._cached = [self._is_cached(d) for d in documents]
        self.endResetModel()

    def refresh_offline(self) -> None:
        """Re-check which documents are on disk; only changed cells are announced."""
        for row, prepared in enumerate(self._rows):
            cached = self._is_cached(prepared.document)
            if cached != self._cached[row]:
                self._cached[row] = cached
                cell = self.index(row, self.OFFLINE)
                self.dataChanged.emit(cell, cell)

    def document_at(self, row: int) -> FinanceDocument | None:
        return self._rows[row].document if 0 <= row < len(self._rows) else None

    def documents(self) -> list[FinanceDocument]:
        return [r.document for r in self._rows]

    def years(self) -> list[int]:
        return sorted(set().union(*(r.years for r in self._rows)), reverse=True)

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: ModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            if column == self.OFFLINE:
                return (QCoreApplication.translate("Finance", "On this computer")
                        if self._cached[index.row()] else "")
            return row.texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.PERIOD, self.CHILD):
            return row.texts[column] or None  # the whole text where a narrow column elides it
        if role == Role.SortKey:
            return int(self._cached[index.row()]) if column == self.OFFLINE \
                else row.sort_keys[column]
        if role == Role.Document:
            return row.document
        if role == Role.Years:
            return row.years
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        titles = {
            self.NUMBER: QCoreApplication.translate("Finance", "Number"),
            self.PERIOD: QCoreApplication.translate("Finance", "Period"),
            self.CHILD: QCoreApplication.translate("Finance", "Child"),
            self.AMOUNT: QCoreApplication.translate("Finance", "Amount"),
            self.STATUS: QCoreApplication.translate("Finance", "Status"),
            self.OFFLINE: QCoreApplication.translate("Finance", "Offline"),
        }
        return titles.get(section)

    def _prepare(self, document: FinanceDocument) -> _Row:
        child = document.child_name or ""
        if document.care_type:
            child = f"{child} ({care_type_label(document.care_type)})" if child \
                else care_type_label(document.care_type)
        amount = "" if document.amount_cents is None else format_money(document.amount_cents)
        texts = (document.number, period_text(document), child, amount,
                 status_label(document.status), "")
        keys = (document.number, document.span[0].isoformat(), child,
                -1 if document.amount_cents is None else document.amount_cents,
                document.status or "", 0)
        return _Row(document, texts, keys, covered_years(document))


class TariffsModel(QAbstractTableModel):
    """Hourly rates per year and care type, with the maximum hourly price for the toeslag."""

    YEAR, CARE_TYPE, RATE, MAXIMUM = range(4)
    COLUMN_COUNT = 4
    Role = Role

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Tariff, tuple[str, ...], tuple[object, ...]]] = []

    def set_overview(self, overview: FinanceOverview | None) -> None:
        self.beginResetModel()
        self._rows = [self._prepare(t) for t in (() if overview is None else overview.tariffs)]
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: ModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tariff, texts, keys = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return texts[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.RATE, self.MAXIMUM):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and tariff.above_maximum:
            return QCoreApplication.translate(
                "Finance", "This rate is above the maximum hourly price for the childcare "
                "allowance (kinderopvangtoeslag); you pay the difference yourself.")
        if role == Role.SortKey:
            return keys[column]
        if role == Role.Years:
            return frozenset((tariff.year,))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        titles = {
            self.YEAR: QCoreApplication.translate("Finance", "Year"),
            self.CARE_TYPE: QCoreApplication.translate("Finance", "Care type"),
            self.RATE: QCoreApplication.translate("Finance", "Hourly rate"),
            self.MAXIMUM: QCoreApplication.translate("Finance", "Maximum for the allowance"),
        }
        return titles.get(section)

    def years(self) -> list[int]:
        return sorted({t.year for t, _texts, _keys in self._rows}, reverse=True)

    @staticmethod
    def _prepare(tariff: Tariff) -> tuple[Tariff, tuple[str, ...], tuple[object, ...]]:
        maximum = "" if tariff.max_hourly_rate_cents is None \
            else format_money(tariff.max_hourly_rate_cents)
        rate = format_money(tariff.hourly_rate_cents)
        if tariff.above_maximum:
            rate = QCoreApplication.translate("Finance", "{rate} (above maximum)").format(
                rate=rate)
        texts = (str(tariff.year), care_type_label(tariff.care_type), rate, maximum)
        keys = (tariff.year, tariff.care_type, tariff.hourly_rate_cents,
                tariff.max_hourly_rate_cents or 0)
        return tariff, texts, keys


class YearFilterModel(QSortFilterProxyModel):
    """Sorts by each column's sort key and keeps only the rows of one year (None: all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._year: int | None = None
        self.setSortRole(Role.SortKey)

    @property
    def year(self) -> int | None:
        return self._year

    def set_year(self, year: int | None) -> None:
        if year == self._year:
            return
        self.beginFilterChange()
        self._year = year
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if self._year is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._year in (index.data(Role.Years) or ())
