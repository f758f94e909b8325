"""How a day of the Dagboek is drawn: its date in bold, then its lines as typed (plain text,
wrapped), then the day's photos as thumbnails (``day_photos.py``; a click opens the viewer).
Each row's height is measured once per width and day and kept, its text laid out once
(a ``QStaticText``, which draws without laying out again), and the title's font made once:
scrolling two years of diary must not measure or lay out every day again on each step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.models.diary.timeline import TimelineModel
from desktop.views.diary.day_photos import THUMB, DayPhotos

__all__ = ["DayDelegate"]

ModelIndex = QModelIndex | QPersistentModelIndex
MARGIN = 8
GAP = 6  # between thumbnails
FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap)
#: Laid-out day texts kept (the visible days and a few screens around them).
KEPT_TEXTS = 400


def photo_rects(area: QRect, count: int) -> list[QRect]:
    """Where ``count`` thumbnails go: rows at the bottom of ``area``, left to right."""
    per_row = max(1, (area.width() + GAP) // (THUMB.width() + GAP))
    rows = -(-count // per_row)
    top = area.bottom() + 1 - rows * (THUMB.height() + GAP) + GAP
    return [QRect(area.left() + (n % per_row) * (THUMB.width() + GAP),
                  top + (n // per_row) * (THUMB.height() + GAP), THUMB.width(), THUMB.height())
            for n in range(count)]


def photos_height(width: int, count: int) -> int:
    if not count:
        return 0
    per_row = max(1, (width + GAP) // (THUMB.width() + GAP))
    return -(-count // per_row) * (THUMB.height() + GAP) + MARGIN - GAP


class DayDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, photos: DayPhotos | None = None) -> None:
        super().__init__(parent)
        self._photos = photos
        # By width, day (its id, the day kept to check it is still that one) and photos.
        self._heights: dict[tuple[int, int, int], tuple[object, int]] = {}
        self._fonts: dict[str, tuple[QFont, int]] = {}
        # By width and day (kept to check it is still that one), oldest first.
        self._texts: dict[tuple[int, int], tuple[object, QStaticText]] = {}

    def _parts(self, index: ModelIndex) -> tuple[str, str]:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        title, _, body = text.partition("\n")
        return title, body

    def _day_photos(self, index: ModelIndex) -> list:
        if self._photos is None:
            return []
        day = index.data(TimelineModel.DAY_ROLE)
        return self._photos.of_day(day.day) if day is not None else []

    def _bold(self, font: QFont) -> tuple[QFont, int]:
        """The title's font and line height, made once per font (not on every paint)."""
        key = font.key()
        known = self._fonts.get(key)
        if known is None:
            bold = QFont(font)
            bold.setBold(True)
            known = self._fonts[key] = (bold, QFontMetrics(bold).height())
        return known

    def _laid_out(self, index: ModelIndex, body: str, width: int,
                  font: QFont) -> QStaticText:
        """The day's lines wrapped to ``width``, laid out once (the same line breaks as the
        height measured in :meth:`sizeHint`; a line separator keeps each typed line)."""
        day = index.data(TimelineModel.DAY_ROLE)
        key = (width, id(day))
        known = self._texts.get(key)
        if known is None or known[0] is not day:
            text = QStaticText(body.replace("\n", "\u2028"))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextWidth(width)
            text.prepare(font=font)
            known = self._texts[key] = (day, text)
            if len(self._texts) > KEPT_TEXTS:
                del self._texts[next(iter(self._texts))]
        return known[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        width = max(100, option.rect.width() or 600) - 2 * MARGIN
        day = index.data(TimelineModel.DAY_ROLE)
        count = len(self._day_photos(index))
        key = (width, id(day), count)
        known = self._heights.get(key)
        if known is None or known[0] is not day:
            _title, body = self._parts(index)
            _bold, title_height = self._bold(option.font)
            height = (title_height + QFontMetrics(option.font).boundingRect(
                QRect(0, 0, width, 100_000), FLAGS, body).height() + 3 * MARGIN
                + photos_height(width, count))
            known = self._heights[key] = (day, height)
        return QSize(width + 2 * MARGIN, known[1])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: ModelIndex) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        title, body = self._parts(index)
        area = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.save()
        bold, title_height = self._bold(option.font)
        painter.setFont(bold)
        painter.drawText(QRect(area.left(), area.top(), area.width(), title_height),
                         FLAGS, title)
        painter.setFont(option.font)
        painter.drawStaticText(QPoint(area.left(), area.top() + title_height + MARGIN // 2),
                               self._laid_out(index, body, area.width(), option.font))
        photos = self._day_photos(index)
        if photos and self._photos is not None:
            for photo, rect in zip(photos, photo_rects(area, len(photos)), strict=True):
                pixmap = self._photos.pixmap(photo)
                if pixmap is None:
                    painter.fillRect(rect, option.palette.midlight())
                    continue
                shown = pixmap.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawPixmap(QRect(rect.left() + (rect.width() - shown.width()) // 2,
                                         rect.top() + (rect.height() - shown.height()) // 2,
                                         shown.width(), shown.height()), pixmap)
        if index.data(TimelineModel.UNREAD_ROLE):
            painter.fillRect(QRect(option.rect.left(), area.top(), 3, area.height()),
                             option.palette.highlight())
        painter.restore()

    def editorEvent(self, event: QEvent, model: object, option: QStyleOptionViewItem,  # noqa: N802
                    index: ModelIndex) -> bool:
        """A click on a thumbnail opens that photo in the viewer."""
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton and self._photos is not None:
            photos = self._day_photos(index)
            area = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
            for photo, rect in zip(photos, photo_rects(area, len(photos)), strict=True):
                if rect.contains(event.position().toPoint()):
                    self._photos.open(photo)
                    return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]

    def forget_heights(self) -> None:
        """Other photos: every day is measured again."""
        self._heights.clear()
        self._texts.clear()
