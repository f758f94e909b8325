"""The photo grid's view: each activity a heading over the full width with its photos starting
on a new row; the columns follow the width; arrow keys go from photo to photo over the
headings; clicks and hit-testing find the cell; a screen reader reads the headings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from view_fakes import a_photo

from desktop.models.photos.grid import PhotoGridModel
from desktop.models.photos.thumbnails import ThumbnailCache
from desktop.models.shared.records import PhotoListing
from desktop.views.photos.grid_view import CELL, photo_grid


def grid_of(qtbot, sizes: list[int], width: int = 3 * CELL.width() + 30):
    """A grid over activities of ``sizes`` photos each (photo ids from 1 on)."""
    photos, n = [], 0
    for activity, size in enumerate(sizes, start=1):
        for _ in range(size):
            n += 1
            photos.append(a_photo(n, activity_id=activity, title=f"Uitje {activity}"))
    model = PhotoGridModel(ThumbnailCache(QSize(16, 12)), lambda p: None, lambda p: None)
    model.set_listing(PhotoListing(tuple(photos), None))
    grid = photo_grid(None)
    qtbot.addWidget(grid)
    grid.setModel(model)
    grid.resize(width, 900)
    grid.show()
    qtbot.waitExposed(grid)
    return grid, model


def rect(grid, row: int):
    return grid.visualRect(grid.model().index(row))


def test_each_activity_starts_with_a_full_width_heading_and_a_new_row(qtbot) -> None:
    grid, model = grid_of(qtbot, [4, 2])  # rows: H 1 2 3 4 | H 5 6
    assert grid.columns == 3
    heading = rect(grid, 0)
    assert heading.x() == 0 and heading.width() == grid.viewport().width()
    first = rect(grid, 1)
    assert first.top() == heading.bottom() + 1 and first.x() == 0
    assert rect(grid, 3).x() == 2 * CELL.width() and rect(grid, 4).x() == 0  # 4th wraps
    second = rect(grid, 5)
    # The next activity's heading comes under the short last row, not beside it.
    assert second.top() == rect(grid, 4).bottom() + 1 and second.x() == 0
    assert rect(grid, 6).x() == 0 and rect(grid, 6).top() == second.bottom() + 1


def test_the_columns_follow_the_width(qtbot) -> None:
    grid, _model = grid_of(qtbot, [6])
    assert grid.columns == 3 and rect(grid, 4).top() > rect(grid, 3).top()
    grid.resize(6 * CELL.width() + 30, 900)
    qtbot.waitUntil(lambda: grid.columns == 6)
    assert rect(grid, 6).top() == rect(grid, 1).top()  # one row now
    grid.resize(2 * CELL.width() + 30, 900)
    qtbot.waitUntil(lambda: grid.columns == 2)
    assert rect(grid, 3).x() == 0


def test_a_long_heading_is_elided_only_when_narrower_than_its_text(qtbot) -> None:
    grid, model = grid_of(qtbot, [1])
    heading = model.index(0).data(PhotoGridModel.Role.Heading)
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == \
        f"Uitje 1, {heading.date}. Naar het bos"
    metrics = grid.fontMetrics()
    wide = grid.viewport().width()
    assert metrics.elidedText(heading.title, Qt.TextElideMode.ElideRight, wide) == heading.title


def test_hit_testing_finds_the_cell_and_the_heading(qtbot) -> None:
    grid, model = grid_of(qtbot, [4, 2])
    assert grid.indexAt(rect(grid, 0).center()).row() == 0
    assert grid.indexAt(rect(grid, 3).center()).row() == 3
    assert grid.indexAt(rect(grid, 6).center()).row() == 6
    # Beside the short last row of an activity there is nothing.
    empty = QPoint(rect(grid, 4).right() + 10, rect(grid, 4).center().y())
    assert not grid.indexAt(empty).isValid()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect(grid, 2).center())
    assert grid.currentIndex().row() == 2 and grid.selectionModel().isSelected(
        model.index(2))


@pytest.mark.parametrize(("start", "key", "expected"), [
    (1, Qt.Key.Key_Right, 2),
    (4, Qt.Key.Key_Right, 6),  # the last photo of an activity → the next one's first
    (6, Qt.Key.Key_Left, 4),
    (1, Qt.Key.Key_Down, 4),
    (3, Qt.Key.Key_Down, 4),  # the row below is shorter: its last photo
    (4, Qt.Key.Key_Down, 6),  # over the heading, same column where it can
    (7, Qt.Key.Key_Up, 4),  # up over the heading: the last row above
    (2, Qt.Key.Key_Up, 2),  # nothing above the first row
    (7, Qt.Key.Key_End, 7),
    (7, Qt.Key.Key_Home, 1),
])
def test_the_arrow_keys_go_from_photo_to_photo_over_the_headings(
        qtbot, start: int, key: Qt.Key, expected: int) -> None:
    grid, model = grid_of(qtbot, [4, 2])  # rows: H 1 2 3 4 | H 6 7 (5 is the heading)
    grid.setFocus()
    grid.setCurrentIndex(model.index(start))
    qtbot.keyClick(grid, key)
    assert grid.currentIndex().row() == expected
    assert not model.is_heading(grid.currentIndex().row())


def test_scrolling_fetches_the_older_photos_and_lays_them_out(qtbot) -> None:
    grid, model = grid_of(qtbot, [20] * 30, width=3 * CELL.width() + 30)  # 630 rows
    assert model.canFetchMore()
    bar = grid.verticalScrollBar()
    shown = model.rowCount()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: model.rowCount() > shown)
    last = model.rowCount() - 1
    assert rect(grid, last).bottom() + bar.value() < bar.maximum() + grid.viewport().height()


def test_a_screen_reader_reads_the_headings_and_the_photos(qtbot) -> None:
    grid, model = grid_of(qtbot, [2])
    interface = QAccessible.queryAccessibleInterface(grid)
    assert interface.role() == QAccessible.Role.List
    texts = [interface.child(n).text(QAccessible.Text.Name)
             for n in range(interface.childCount())]
    assert texts[0] == model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert texts[0].startswith("Uitje 1, ") and texts[1] == "Photo 1 of 2, Uitje 1"


def test_the_cells_on_screen_show_their_thumbnails_as_they_are_decoded(qtbot, tmp_path) -> None:
    image = QImage(QSize(320, 240), QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    path = tmp_path / "oranje.jpg"
    assert image.save(str(path), "JPEG")
    photos = tuple(a_photo(n) for n in range(1, 7))
    model = PhotoGridModel(ThumbnailCache(QSize(180, 135)), lambda p: path, lambda p: None)
    model.set_listing(PhotoListing(photos, None))
    grid = photo_grid(None)
    qtbot.addWidget(grid)
    grid.setModel(model)
    grid.resize(3 * CELL.width() + 30, 600)
    grid.show()
    qtbot.waitExposed(grid)

    def orange(row: int) -> bool:
        centre = rect(grid, row).center()
        colour = grid.viewport().grab().toImage().pixelColor(centre)
        return abs(colour.red() - 255) < 12 and abs(colour.green() - 165) < 12

    qtbot.waitUntil(lambda: all(orange(row) for row in range(1, 7)))
