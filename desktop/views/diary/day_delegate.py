"""How a day of the Dagboek is drawn: its date in bold, then its lines as typed (plain text,
wrapped). Each row's height is measured once per width and kept: scrolling two years of
diary must not measure every day again on each step."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.models.diary.timeline import TimelineModel

__all__ = ["DayDelegate"]

ModelIndex = QModelIndex | QPersistentModelIndex
MARGIN = 8
FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap)


class DayDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[int, str, int], int] = {}

    def _parts(self, index: ModelIndex) -> tuple[str, str]:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        title, _, body = text.partition("\n")
        return title, body

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        width = max(100, option.rect.width() or 600) - 2 * MARGIN
        title, body = self._parts(index)
        key = (width, title, hash(body))
        height = self._heights.get(key)
        if height is None:
            bold = QFont(option.font)
            bold.setBold(True)
            height = (QFontMetrics(bold).height() + QFontMetrics(option.font).boundingRect(
                QRect(0, 0, width, 100_000), FLAGS, body).height() + 3 * MARGIN)
            self._heights[key] = height
        return QSize(width + 2 * MARGIN, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: ModelIndex) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        title, body = self._parts(index)
        area = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        title_height = QFontMetrics(bold).height()
        painter.drawText(QRect(area.left(), area.top(), area.width(), title_height),
                         FLAGS, title)
        painter.setFont(option.font)
        painter.drawText(area.adjusted(0, title_height + MARGIN // 2, 0, 0), FLAGS, body)
        if index.data(TimelineModel.UNREAD_ROLE):
            painter.fillRect(QRect(option.rect.left(), area.top(), 3, area.height()),
                             option.palette.highlight())
        painter.restore()
