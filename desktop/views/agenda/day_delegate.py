"""Paints one day of the month view: the date, closing day or school holiday, and per child a
line whose marker SHAPE and text say the state — never colour alone (colour-blind users):
planned ● filled dot, absent ✕ cross with struck-through text, waiting for a connection ○ open
dashed circle; extra days are squares: ■ approved, □ requested, ⧄ rejected (struck through)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.models.agenda.month import DayEntry, EntryState, MonthModel

__all__ = ["MARKER_COLOURS", "DayDelegate", "paint_marker"]

#: Marker colours (Okabe–Ito palette, distinguishable with common colour-vision deficiencies).
MARKER_COLOURS = {
    EntryState.PLANNED: QColor("#0072B2"),
    EntryState.ABSENT: QColor("#D55E00"),
    EntryState.QUEUED: QColor("#7A6A00"),
    EntryState.EXTRA_PENDING: QColor("#009E73"),
    EntryState.EXTRA_APPROVED: QColor("#009E73"),
    EntryState.EXTRA_REJECTED: QColor("#6B7480"),
}
_TEXT = QColor("#1F2A37")
_MUTED = QColor("#6B7480")
_OUTSIDE = QColor("#F0F2F5")
_CLOSED = QColor("#C9CED6")
_TODAY = QColor("#0072B2")
_SELECTED = QColor("#E6F0FA")


def paint_marker(painter: QPainter, centre: QPointF, radius: float, state: EntryState) -> None:
    """The state's shape: filled dot, cross, or open dashed circle."""
    colour = MARKER_COLOURS[state]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state is EntryState.PLANNED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
    elif state is EntryState.ABSENT:
        painter.setPen(QPen(colour, max(1.6, radius / 2.5), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        d = radius * 0.9
        painter.drawLine(QPointF(centre.x() - d, centre.y() - d),
                         QPointF(centre.x() + d, centre.y() + d))
        painter.drawLine(QPointF(centre.x() - d, centre.y() + d),
                         QPointF(centre.x() + d, centre.y() - d))
    elif state is EntryState.QUEUED:
        painter.setPen(QPen(colour, 1.4, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)
    else:
        # Extra days are squares: filled when approved, outlined while pending, outlined and
        # crossed through when rejected.
        square = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(colour if state is EntryState.EXTRA_APPROVED else Qt.BrushStyle.NoBrush)
        painter.drawRect(square)
        if state is EntryState.EXTRA_REJECTED:
            painter.drawLine(square.bottomLeft(), square.topRight())
    painter.restore()


class DayDelegate(QStyledItemDelegate):
    """Draws a :class:`MonthModel` cell."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(120, 92)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = QRectF(option.rect).adjusted(1, 1, -1, -1)
        in_month = bool(index.data(MonthModel.Role.InMonth))
        closed = index.data(MonthModel.Role.Closed)
        holiday = index.data(MonthModel.Role.SchoolHoliday)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.fillRect(rect, _SELECTED if selected else (Qt.GlobalColor.white if in_month
                                                           else _OUTSIDE))
        if closed:
            painter.fillRect(rect, QBrush(_CLOSED, Qt.BrushStyle.BDiagPattern))
        if index.data(MonthModel.Role.IsToday):
            painter.setPen(QPen(_TODAY, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(_TEXT, 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(3, 3, -3, -3))

        base = QFont(option.font)
        metrics_height = painter.fontMetrics().height()
        number_font = QFont(base)
        number_font.setBold(bool(index.data(MonthModel.Role.IsToday)))
        painter.setFont(number_font)
        painter.setPen(_TEXT if in_month else _MUTED)
        top = rect.adjusted(6, 4, -6, 0)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        small = QFont(base)
        small.setPointSizeF(max(6.5, base.pointSizeF() * 0.82))
        painter.setFont(small)
        label = closed or holiday
        line = max(painter.fontMetrics().height() + 2, 14)
        y = rect.top() + metrics_height + 8
        if label:
            # Beside the day number when it fits, else on a line of its own (full width), so
            # "Kerstvakantie" is read, not "Kerstvak…".
            painter.setPen(_MUTED)
            header = top.adjusted(22, 1, 0, 0)
            align = Qt.AlignmentFlag.AlignRight
            metrics = painter.fontMetrics()
            if metrics.horizontalAdvance(label) > header.width():
                header = QRectF(rect.left() + 3, y - 4, rect.width() - 6, line)
                align = Qt.AlignmentFlag.AlignLeft
                y += line - 4
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(header.width()))
            painter.drawText(header, align | Qt.AlignmentFlag.AlignTop, text)
        entries: list[DayEntry] = index.data(MonthModel.Role.Entries) or []
        for entry in entries:
            if y + line > rect.bottom():
                break
            paint_marker(painter, QPointF(rect.left() + 11, y + line / 2), 4.0, entry.state)
            font = QFont(small)
            font.setStrikeOut(entry.state in (EntryState.ABSENT, EntryState.EXTRA_REJECTED))
            painter.setFont(font)
            painter.setPen(_TEXT if in_month else _MUTED)
            text_rect = QRectF(rect.left() + 19, y, rect.width() - 23, line)
            text = _fitting(painter, entry, int(text_rect.width()))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
            y += line
        painter.restore()


def _fitting(painter: QPainter, entry: DayEntry, width: int) -> str:
    """The child's name and day-parts; in a narrow cell the name's initial, so the day-parts
    stay readable (the day panel and the list say it in full)."""
    metrics = painter.fontMetrics()
    full = f"{entry.child_name} {entry.short_text}"
    if metrics.horizontalAdvance(full) <= width:
        return full
    short = f"{entry.child_name[:1]} {entry.short_text}"
    return metrics.elidedText(short, Qt.TextElideMode.ElideRight, width)
