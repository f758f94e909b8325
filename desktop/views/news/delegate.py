"""A row of the news list: the title (bold, after a dot, while unread) and under it, muted,
who wrote it, when and for whom — each on one line, cut off with an ellipsis."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.models.news import NewsModel

__all__ = ["NewsDelegate"]

_ACCENT = QColor("#2F7D6B")
_MUTED = QColor("#5B6573")
_PAD = 8


class NewsDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, 2 * option.fontMetrics.height() + 3 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        rect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        line = option.fontMetrics.height()
        unread = bool(index.data(NewsModel.Role.Unread))
        dot = line // 2 if unread else 0
        if unread:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_ACCENT)
            painter.drawEllipse(QRectF(rect.left(), rect.top() + line / 4, dot, dot))
            dot += _PAD // 2
        title = QFont(option.font)
        title.setBold(unread)
        painter.setFont(title)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRect(rect.left() + dot, rect.top(), rect.width() - dot, line),
                         Qt.AlignmentFlag.AlignLeft, painter.fontMetrics().elidedText(
                             str(index.data(NewsModel.Role.Title) or ""),
                             Qt.TextElideMode.ElideRight, rect.width() - dot))
        painter.setFont(option.font)
        painter.setPen(_MUTED)
        painter.drawText(QRect(rect.left(), rect.top() + line + _PAD // 2, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, option.fontMetrics.elidedText(
                             str(index.data(NewsModel.Role.Meta) or ""),
                             Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
