"""The photo grid: :class:`PhotoGridView` lays :class:`PhotoGridModel`'s sections out — each
activity's heading over the full width, its photos in as many columns as the width holds,
starting on a new row — and :class:`PhotoDelegate` paints a heading or a photo's cell.

The view is a ``QListView`` (so screen readers get Qt's list accessibility: every row a cell
with its ``AccessibleTextRole``) whose geometry is its own: the layout is a top per section,
computed from the sections' sizes alone (a thousand sections for 20,000 photos take well under
a millisecond), never from a size hint per item; painting, hit-testing and scrolling find rows
by binary search over those tops. The columns follow the width on every resize. Keyboard
navigation moves between photos only (headings are read, not chosen).

One piece of some 490 lines: layout, hit-testing, painting and the keyboard all
work on the same section arithmetic (the tops, the heading rows, the columns), and the
delegate paints the rectangles it gives; split, each half would need the other's insides.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.models.photos.grid import Heading, PhotoGridModel
from desktop.models.shared.records import Photo

if TYPE_CHECKING:
    from desktop.services.photos.service import PhotosService
    from desktop.views.photos.viewer import PhotoViewer

__all__ = ["CELL", "HEART_COLOUR", "THUMBNAIL", "PhotoDelegate", "PhotoGridView", "open_in_viewer",
           "photo_grid"]

#: The heart's red, on the thumbnails and the viewer.
HEART_COLOUR = "#c0392b"
#: The thumbnails' box and the grid's cell around it.
THUMBNAIL = QSize(180, 135)
CELL = QSize(196, 151)
_PADDING = 8

ModelIndex = QModelIndex | QPersistentModelIndex
Move = QAbstractItemView.CursorAction
# Made once: Qt's flags are Python enums, and combining or building them per cell costs more
# than painting the cell.
_SELECTED = QStyle.StateFlag.State_Selected
_FOCUSED = QStyle.StateFlag.State_HasFocus
_CENTRED_WRAPPED = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
_PLACEHOLDER = QColor("#e8e4dc")


def _heading_fonts(font: QFont) -> tuple[QFont, QFont]:
    title = QFont(font)
    title.setBold(True)
    title.setPointSizeF(font.pointSizeF() * 1.15 if font.pointSizeF() > 0 else 11)
    return title, font


def heading_height(font: QFont) -> int:
    title, detail = _heading_fonts(font)
    return QFontMetrics(title).height() + QFontMetrics(detail).height() + 3 * _PADDING // 2 + 4


class PhotoDelegate(QStyledItemDelegate):
    """Paints a heading (the activity's title; its date and caption under it, each elided only
    when the pane is narrower than the text) or a photo's cell: the thumbnail (or its
    placeholder), the parent's heart in its corner, or for staff the number of hearts."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        model = index.model()
        if not isinstance(model, PhotoGridModel):
            return
        # One call for what the cell shows (PhotoGridModel.cell): scrolling paints a page of
        # cells per frame, and each role through index.data is a trip through Qt.
        heading, photo, pixmap, state = model.cell(index.row())
        painter.save()
        if heading is not None:
            self._paint_heading(painter, option, heading)
        elif photo is not None:
            self._paint_photo(painter, option, photo, pixmap, state)
        painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem,
                       heading: Heading) -> None:
        rect = option.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING // 2)
        title_font, detail_font = _heading_fonts(option.font)
        palette = option.palette
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = QFontMetrics(title_font)
        painter.drawText(QRect(rect.x(), rect.y(), rect.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(heading.title, Qt.TextElideMode.ElideRight,
                                            rect.width()))
        detail = f"{heading.date} — {heading.caption}" if heading.caption else heading.date
        painter.setFont(detail_font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        detail_metrics = QFontMetrics(detail_font)
        painter.drawText(QRect(rect.x(), rect.y() + metrics.height() + 2, rect.width(),
                               detail_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         detail_metrics.elidedText(detail, Qt.TextElideMode.ElideRight,
                                                   rect.width()))

    def _paint_photo(self, painter: QPainter, option: QStyleOptionViewItem, photo: Photo,
                     pixmap: QPixmap | None, state: str) -> None:
        rect = option.rect
        palette = option.palette
        flags = option.state
        if flags & _SELECTED:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        box = QRect(rect.x() + (rect.width() - THUMBNAIL.width()) // 2,
                    rect.y() + (rect.height() - THUMBNAIL.height()) // 2,
                    THUMBNAIL.width(), THUMBNAIL.height())
        if pixmap is not None:
            size = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawPixmap(QRect(box.x() + (box.width() - size.width()) // 2,
                                     box.y() + (box.height() - size.height()) // 2,
                                     size.width(), size.height()), pixmap)
        else:
            painter.fillRect(box, _PLACEHOLDER)
            if state == "missing":
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(box, _CENTRED_WRAPPED, self.tr("Not on this computer"))
        badge = "♥" if photo.hearted else \
            None if photo.heart_count is None else f"♥ {photo.heart_count}"
        if badge is not None:
            width = max(22, painter.fontMetrics().horizontalAdvance(badge) + 12)
            pill = QRect(box.right() - width - 3, box.y() + 4, width, 22)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawRoundedRect(pill, 11, 11)
            painter.setPen(QColor(HEART_COLOUR))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)
        if flags & _FOCUSED:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return CELL


class PhotoGridView(QListView):
    """The sections of a :class:`PhotoGridModel`: a heading over the full width, then the
    photos in rows of as many cells as fit."""

    def __init__(self, parent: QWidget | None = None, cell: QSize = CELL) -> None:
        super().__init__(parent)
        self.cell = QSize(cell)
        self.columns = 1
        self._heading_height = heading_height(self.font())
        self._headings: array[int] = array("l")  # each section's heading row
        self._tops: array[int] = array("l")  # each section's top, in content pixels
        self._content_height = 0
        self._rows = 0
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(PhotoDelegate(self))

    # --- layout -------------------------------------------------------------------------------

    def relayout(self) -> None:
        """The sections' tops for the current width (called on every change of rows or
        width; costs one step per section)."""
        model = self.model()
        headings = model.heading_rows() if isinstance(model, PhotoGridModel) else ()
        rows = model.rowCount() if model is not None else 0
        columns = max(1, self.viewport().width() // self.cell.width())
        cell_height, heading = self.cell.height(), self._heading_height
        tops = array("l")
        top = 0
        ends = [*headings[1:], rows] if len(headings) else []
        for first, end in zip(headings, ends, strict=True):
            tops.append(top)
            top += heading + -(-(end - first - 1) // columns) * cell_height
        self._headings, self._tops = array("l", headings), tops
        self._content_height, self._rows, self.columns = top, rows, columns
        self.updateGeometries()
        self.viewport().update()

    def doItemsLayout(self) -> None:
        self.relayout()
        QAbstractItemView.doItemsLayout(self)

    def reset(self) -> None:
        super().reset()
        self.relayout()

    def setModel(self, model: object) -> None:  # type: ignore[override]
        super().setModel(model)  # type: ignore[arg-type]
        self.relayout()

    def rowsInserted(self, parent: ModelIndex, start: int, end: int) -> None:
        QAbstractItemView.rowsInserted(self, parent, start, end)
        self.relayout()

    def resizeEvent(self, event: object) -> None:
        QAbstractItemView.resizeEvent(self, event)  # type: ignore[arg-type]
        if max(1, self.viewport().width() // self.cell.width()) != self.columns:
            self.relayout()

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        height = heading_height(self.font())
        if height != self._heading_height:
            self._heading_height = height
            self.relayout()

    def updateGeometries(self) -> None:
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        bar.setRange(0, max(0, self._content_height - height))
        bar.setPageStep(height)
        bar.setSingleStep(self.cell.height() // 4)
        self.horizontalScrollBar().setRange(0, 0)
        QAbstractItemView.updateGeometries(self)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        QAbstractItemView.scrollContentsBy(self, dx, dy)

    # --- geometry -----------------------------------------------------------------------------

    def _section_of(self, row: int) -> int:
        return bisect_right(self._headings, row) - 1

    def _section_size(self, section: int) -> int:
        end = self._headings[section + 1] if section + 1 < len(self._headings) else self._rows
        return end - self._headings[section] - 1

    def _content_rect(self, row: int) -> QRect:
        section = self._section_of(row)
        if section < 0 or row >= self._rows:
            return QRect()
        top, first = self._tops[section], self._headings[section]
        if row == first:
            return QRect(0, top, self.viewport().width(), self._heading_height)
        place = row - first - 1
        return QRect((place % self.columns) * self.cell.width(),
                     top + self._heading_height + (place // self.columns) * self.cell.height(),
                     self.cell.width(), self.cell.height())

    def visualRect(self, index: ModelIndex) -> QRect:
        if not index.isValid():
            return QRect()
        return self._content_rect(index.row()).translated(0, -self.verticalOffset())

    def indexAt(self, point: object) -> QModelIndex:
        model = self.model()
        if model is None:
            return QModelIndex()
        x, y = point.x(), point.y() + self.verticalOffset()  # type: ignore[attr-defined]
        section = bisect_right(self._tops, y) - 1
        if section < 0 or y >= self._content_height or not 0 <= x < self.viewport().width():
            return QModelIndex()
        inside = y - self._tops[section] - self._heading_height
        if inside < 0:
            return model.index(self._headings[section], 0)
        column = x // self.cell.width()
        place = (inside // self.cell.height()) * self.columns + column
        if column >= self.columns or place >= self._section_size(section):
            return QModelIndex()
        return model.index(self._headings[section] + 1 + place, 0)

    def _rows_in(self, area: QRect) -> Iterator[int]:
        """The rows whose cells meet ``area`` (content pixels), top to bottom."""
        section = max(0, bisect_right(self._tops, area.top()) - 1)
        cell_height, columns = self.cell.height(), self.columns
        while section < len(self._tops) and self._tops[section] <= area.bottom():
            top, first = self._tops[section], self._headings[section]
            if top + self._heading_height > area.top():
                yield first
            photos_top = top + self._heading_height
            size = self._section_size(section)
            start = max(0, (area.top() - photos_top) // cell_height) * columns
            stop = min(size, (max(0, area.bottom() - photos_top) // cell_height + 1) * columns)
            yield from range(first + 1 + start, first + 1 + stop)
            section += 1

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: ModelIndex) -> bool:
        return False

    def scrollTo(self, index: ModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        if not index.isValid():
            return
        rect = self._content_rect(index.row())
        section = self._section_of(index.row())
        if index.row() - self._headings[section] - 1 < self.columns:
            rect.setTop(self._tops[section])  # a section's first row shows its heading too
        bar, height = self.verticalScrollBar(), self.viewport().height()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            value = rect.top()
        elif hint == Hint.PositionAtBottom:
            value = rect.bottom() - height + 1
        elif hint == Hint.PositionAtCenter:
            value = rect.center().y() - height // 2
        elif rect.top() < bar.value():
            value = rect.top()
        elif rect.bottom() >= bar.value() + height:
            value = min(rect.top(), rect.bottom() - height + 1)
        else:
            return
        bar.setValue(value)

    # --- painting and choosing ----------------------------------------------------------------

    def paintEvent(self, event: object) -> None:
        model = self.model()
        if model is None:
            return
        offset = self.verticalOffset()
        area = event.rect().translated(0, offset)  # type: ignore[attr-defined]
        painter = QPainter(self.viewport())
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base_state = option.state
        selection = self.selectionModel()
        # Asked once per paint, not per cell (a single selection: a row or none).
        selected = {i.row() for i in selection.selectedIndexes()} if selection is not None \
            else set()
        current = self.currentIndex().row() if self.hasFocus() else -1
        delegate = self.itemDelegate()
        for row in self._rows_in(area):
            option.rect = self._content_rect(row).translated(0, -offset)
            if row in selected or row == current:
                state = base_state
                if row in selected:
                    state |= _SELECTED
                if row == current:
                    state |= _FOCUSED
                option.state = state
            else:
                option.state = base_state
            delegate.paint(painter, option, model.index(row, 0))
        painter.end()
        if isinstance(model, PhotoGridModel):  # what the thumbnails' decoders still want
            model.set_on_screen(self._rows_in(self.viewport().rect().translated(0, offset)))

    def dataChanged(self, top_left: ModelIndex, bottom_right: ModelIndex,
                    roles: list[int] | None = None) -> None:  # type: ignore[override]
        """A range of rows changed (the thumbnails decoded in one turn of the event loop):
        only its cells on screen are painted again. Qt's own repaints the whole viewport for
        any range, on screen or not — once more per frame while scrolling."""
        if top_left == bottom_right or QAccessible.isActive():  # (Qt tells screen readers)
            super().dataChanged(top_left, bottom_right, roles or [])
            return
        first, last, offset = top_left.row(), bottom_right.row(), self.verticalOffset()
        region = QRegion()
        for row in self._rows_in(self.viewport().rect().translated(0, offset)):
            if first <= row <= last:
                region += self._content_rect(row).translated(0, -offset)
        if not region.isEmpty():
            self.viewport().update(region)

    def setSelection(self, rect: QRect,
                     command: QItemSelectionModel.SelectionFlag) -> None:
        model, selection = self.model(), QItemSelection()
        area = rect.normalized().translated(0, self.verticalOffset())
        for row in self._rows_in(area):
            if self._content_rect(row).intersects(area):
                index = model.index(row, 0)
                if model.flags(index) & Qt.ItemFlag.ItemIsSelectable:
                    selection.select(index, index)
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        visible = self.viewport().rect()
        for part in selection:
            for row in range(part.top(), part.bottom() + 1):
                rect = self.visualRect(self.model().index(row, 0))
                if rect.intersects(visible):
                    region += rect
        return region

    def moveCursor(self, action: Move, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.model()
        if not isinstance(model, PhotoGridModel) or model.rowCount() == 0:
            return QModelIndex()
        current = self.currentIndex()
        row = current.row() if current.isValid() else 0
        target: int | None
        if not current.isValid() or action == Move.MoveHome:
            target = model.photo_row(0, 1)
        elif action == Move.MoveEnd:
            while model.canFetchMore():
                model.fetchMore()
            last = model.rowCount() - 1
            target = last if model.photo_at(last) is not None else model.photo_row(last, -1)
        elif action in (Move.MoveLeft, Move.MovePrevious):
            target = model.photo_row(row, -1)
        elif action in (Move.MoveRight, Move.MoveNext):
            target = model.photo_row(row, 1)
        elif action in (Move.MoveUp, Move.MoveDown):
            target = self._vertical(row, 1 if action == Move.MoveDown else -1)
        else:  # a page up or down: as many rows as the pane shows
            step = 1 if action == Move.MovePageDown else -1
            target = row
            for _ in range(max(1, self.viewport().height() // self.cell.height())):
                target = self._vertical(target, step) or target
        if target is None:
            return current
        model.fetch_until(target)
        return model.index(target, 0)

    def _vertical(self, row: int, step: int) -> int | None:
        """The photo a row down (``step`` 1) or up (-1) from ``row``, in its column where the
        next row is that long; across a heading into the next or previous section."""
        model = self.model()
        if step > 0 and row + self.columns >= self._rows and model.canFetchMore():
            model.fetchMore()  # the row below may not be fetched yet
        section = self._section_of(row)
        place = row - self._headings[section] - 1  # -1: the heading itself
        size, columns = self._section_size(section), self.columns
        column = max(place, 0) % columns
        if step > 0:
            if place < 0:
                return self._headings[section] + 1
            if place + columns < size:
                return row + columns
            if place // columns < (size - 1) // columns:
                return self._headings[section] + size  # the next row is shorter
            if section + 1 >= len(self._headings) or self._section_size(section + 1) == 0:
                return None
            return self._headings[section + 1] + 1 + min(column,
                                                         self._section_size(section + 1) - 1)
        if place >= columns:
            return row - columns
        if section == 0:
            return None
        above = self._section_size(section - 1)
        last_row = (above - 1) // columns * columns
        return self._headings[section - 1] + 1 + min(last_row + column, above - 1)


def open_in_viewer(viewer: PhotoViewer | None, photos: PhotosService, model: PhotoGridModel,
                   row: int, parent: QWidget) -> PhotoViewer | None:
    """Show the photo of ``row`` in ``viewer`` (made on first use; none for a heading's
    row) and answer the viewer."""
    if model.photo_at(row) is None:
        return viewer
    if viewer is None:
        from desktop.views.photos.viewer import PhotoViewer

        viewer = PhotoViewer(photos, model, parent)
    viewer.show_row(row)
    viewer.show()
    return viewer


def photo_grid(parent: QWidget | None) -> PhotoGridView:
    """The grid the pages show (and benchmarks/photos.py measures)."""
    grid = PhotoGridView(parent)
    grid.setObjectName("photoGrid")
    return grid
