"""The photo grid's model and its thumbnail cache: qtmodeltester; a heading row per activity
(title, date, caption; read by screen readers, never chosen); rows in blocks as the grid
scrolls; stepping from photo to photo over the headings; one child's photos; a thumbnail
decoded off the GUI thread announces only its own index; the cache keeps to its byte budget,
least recently used out first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from desktop.api.photos.records import Photo, PhotoFile, PhotoListing, Rendition, rendition_values
from desktop.models.photos.grid import BLOCK, PhotoGridModel
from desktop.models.photos.thumbnails import ThumbnailCache


def photo(n: int, *, activity: int = 1, child_ids: tuple[int, ...] = (1,),
          caption: str | None = None, heart_count: int | None = None) -> Photo:
    files = {r: PhotoFile("image/jpeg", 100, f"{n:064x}") for r in Rendition}
    return Photo(n, activity, f"Activiteit {activity}", caption, date(2026, 11, 3), 640, 480,
                 child_ids, datetime(2026, 11, 3, tzinfo=UTC), rendition_values(files),
                 heart_count=heart_count)


def listing(count: int, **options: object) -> PhotoListing:
    return PhotoListing(tuple(photo(n, activity=1 + n // 5, **options)
                              for n in range(1, count + 1)), None)


def jpeg_file(folder: Path, name: str) -> Path:
    image = QImage(QSize(640, 480), QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    path = folder / name
    assert image.save(str(path), "JPEG")
    return path


class Wishes:
    def __init__(self, cached: dict[int, Path] | None = None) -> None:
        self.cached = cached or {}
        self.wanted: list[int] = []

    def path(self, p: Photo) -> Path | None:
        return self.cached.get(p.id)

    def want(self, p: Photo) -> None:
        self.wanted.append(p.id)


def model_of(qtbot, wishes: Wishes, count: int = 12, **options: object) -> PhotoGridModel:
    cache = ThumbnailCache(QSize(160, 120))
    model = PhotoGridModel(cache, wishes.path, wishes.want)
    model.set_listing(listing(count, **options))
    return model


def test_the_grid_model_passes_the_model_tester(qtbot, qtmodeltester) -> None:
    model = model_of(qtbot, Wishes(), BLOCK + 20)
    qtmodeltester.check(model, force_py=True)


def test_rows_arrive_in_blocks_as_the_grid_scrolls(qtbot) -> None:
    model = model_of(qtbot, Wishes(), BLOCK + 20)  # 320 photos, 65 activities
    assert model.rowCount() == BLOCK and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == BLOCK + 20 + 65 and not model.canFetchMore()
    assert len(model.photos()) == BLOCK + 20


def test_each_activity_is_a_heading_row_then_its_photos(qtbot) -> None:
    model = model_of(qtbot, Wishes())  # photos 1–4 in activity 1, 5–9 in 2, 10–12 in 3
    headings = [r for r in range(model.rowCount()) if model.is_heading(r)]
    assert headings == [0, 5, 11] and list(model.heading_rows()) == headings
    assert [model.photo_at(r).id if model.photo_at(r) else None for r in range(7)] == \
        [None, 1, 2, 3, 4, None, 5]
    heading = model.index(5).data(PhotoGridModel.Role.Heading)
    assert (heading.title, heading.date, heading.photo_count) == \
        ("Activiteit 2", "3 November 2026", 5)
    assert model.index(5).data() == "Activiteit 2"
    # A screen reader hears the heading, and where a photo is.
    assert model.index(5).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Activiteit 2, 3 November 2026"
    assert model.index(7).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Photo 2 of 5, Activiteit 2"
    assert model.index(7).data(Qt.ItemDataRole.ToolTipRole) == "Activiteit 2, 3 November 2026"
    assert model.index(1).data(PhotoGridModel.Role.Heading) is None
    # Read, never chosen.
    assert not model.flags(model.index(5)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(6)) & Qt.ItemFlag.ItemIsSelectable
    assert model.row_of(5) == 6 and model.row_of(10) == 12


def test_a_caption_and_the_staffs_heart_count_are_read_out(qtbot) -> None:
    model = PhotoGridModel(ThumbnailCache(QSize(16, 12)), lambda p: None, lambda p: None)
    model.set_listing(PhotoListing((photo(1, caption="Naar het bos", heart_count=3),
                                    photo(2, caption="Naar het bos", heart_count=0)), None))
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole) == \
        "Activiteit 1, 3 November 2026. Naar het bos"
    assert model.index(0).data(PhotoGridModel.Role.Heading).caption == "Naar het bos"
    assert model.index(1).data(Qt.ItemDataRole.AccessibleTextRole).endswith("hearts: 3")
    assert model.index(2).data(Qt.ItemDataRole.AccessibleTextRole).endswith("hearts: 0")


def test_stepping_from_photo_to_photo_skips_the_headings(qtbot) -> None:
    model = model_of(qtbot, Wishes())
    assert model.photo_row(4, 1) == 6  # the last of activity 1 → the first of activity 2
    assert model.photo_row(6, -1) == 4
    assert model.photo_row(0, 1) == 1 and model.photo_row(1, -1) is None
    assert model.photo_row(14, 1) is None and model.photo_row(13, 1) == 14
    big = model_of(qtbot, Wishes(), BLOCK + 20)
    last_shown = BLOCK - 1
    beyond = big.photo_row(last_shown, 1)
    assert beyond is not None and beyond >= BLOCK and big.photo_at(beyond) is None
    big.fetch_until(beyond)
    assert big.photo_at(beyond) is not None


def test_one_childs_photos(qtbot) -> None:
    cache = ThumbnailCache(QSize(16, 12))
    model = PhotoGridModel(cache, lambda p: None, lambda p: None)
    model.set_listing(PhotoListing((photo(1, child_ids=(1,)), photo(2, child_ids=(2,)),
                                    photo(3, child_ids=(1, 2))), None))
    model.set_child(2)
    assert [p.id for p in model.photos()] == [2, 3] and model.rowCount() == 3
    model.set_child(None)
    assert model.rowCount() == 4


def test_an_uncached_thumbnail_is_fetched_once_and_a_missing_one_says_so(qtbot) -> None:
    wishes = Wishes()
    model = model_of(qtbot, wishes)
    assert model.index(1).data(Qt.ItemDataRole.DecorationRole) is None
    model.index(1).data(Qt.ItemDataRole.DecorationRole)  # painted again: not asked again
    # Whether it is on this computer is looked up in the decoder's worker, then it is asked.
    qtbot.waitUntil(lambda: wishes.wanted == [1])
    assert not model.thumbnails.decoding(1)  # nothing else in flight: asked once
    assert model.index(1).data(PhotoGridModel.Role.ThumbnailState) == "loading"
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.file_missing(1, "thumbnail")
    assert changed.args[0].row() == changed.args[1].row() == 1
    assert model.index(1).data(PhotoGridModel.Role.ThumbnailState) == "missing"
    assert model.missing_count() == 1
    model.retry_missing()
    model.index(1).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: wishes.wanted == [1, 1])


def test_a_cached_thumbnail_is_decoded_off_the_gui_thread_and_announced_alone(
        qtbot, tmp_path) -> None:
    wishes = Wishes({3: jpeg_file(tmp_path, "3.jpg")})
    model = model_of(qtbot, wishes)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first.row(),
                                                                         last.row())))
    assert model.index(3).data(Qt.ItemDataRole.DecorationRole) is None  # decoding now
    qtbot.waitUntil(lambda: model.index(3).data(PhotoGridModel.Role.ThumbnailState) == "ready")
    qtbot.waitUntil(lambda: bool(changed))
    assert changed == [(3, 3)] and wishes.wanted == []
    pixmap = model.index(3).data(Qt.ItemDataRole.DecorationRole)
    assert (pixmap.width(), pixmap.height()) == (160, 120)  # decoded at the reduced size


def test_what_changes_in_one_turn_of_the_loop_is_announced_once(qtbot) -> None:
    model = model_of(qtbot, Wishes())
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first.row(),
                                                                         last.row())))
    model.file_missing(3, "thumbnail")
    model.file_missing(4, "thumbnail")
    assert changed == []  # not yet: at the next turn of the event loop
    qtbot.waitUntil(lambda: bool(changed))
    qtbot.wait(20)
    assert changed == [(3, 4)]


def test_a_model_closed_with_a_change_pending_announces_nothing(qtbot) -> None:
    """The page closes while a thumbnail's announcement waits for the next turn of the loop:
    the pending announcement dies with the model (pytest-qt fails the test on an exception
    in the event loop, as a deleted model would raise)."""
    model = model_of(qtbot, Wishes())
    model.file_missing(3, "thumbnail")
    shiboken6.delete(model)
    qtbot.wait(20)


def test_a_file_the_service_fetched_is_decoded(qtbot, tmp_path) -> None:
    model = model_of(qtbot, Wishes())
    model.file_ready(4, "thumbnail", str(jpeg_file(tmp_path, "4.jpg")))
    qtbot.waitUntil(lambda: model.index(4).data(PhotoGridModel.Role.ThumbnailState) == "ready")
    model.file_ready(5, "screen", str(tmp_path / "ignored.jpg"))  # not the grid's
    assert not model.thumbnails.decoding(5)


# Qt's JPEG reader says what it thinks of the file; that is the point of the test.
@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_an_unreadable_thumbnail_is_missing_not_blank(qtbot, tmp_path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not a jpeg")
    model = model_of(qtbot, Wishes({1: broken}))
    model.index(1).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.index(1).data(PhotoGridModel.Role.ThumbnailState)
                    == "missing")


def test_the_thumbnail_cache_keeps_to_its_bytes_least_recently_used_first(
        qtbot, tmp_path) -> None:
    one = 160 * 120 * 4
    cache = ThumbnailCache(QSize(160, 120), max_bytes=2 * one)
    path = jpeg_file(tmp_path, "a.jpg")
    for key in (1, 2):
        cache.decode(key, str(path))
    qtbot.waitUntil(lambda: cache.get(1) is not None and cache.get(2) is not None)
    cache.get(1)  # used: 2 is now the least recently used
    cache.decode(3, str(path))
    qtbot.waitUntil(lambda: cache.get(3) is not None)
    assert cache.get(2) is None and cache.get(1) is not None
    assert cache.bytes == 2 * one


def test_a_cell_scrolled_away_before_its_turn_is_not_decoded_until_shown_again(
        qtbot, tmp_path) -> None:
    path = jpeg_file(tmp_path, "a.jpg")
    wishes = Wishes({1: path, 2: path})
    model = model_of(qtbot, wishes)
    model.set_on_screen([0, 2])  # the view shows the heading and photo 2, no longer photo 1
    for row in (1, 2):  # both were painted on the way
        assert model.index(row).data(Qt.ItemDataRole.DecorationRole) is None
    qtbot.waitUntil(lambda: model.thumbnails.get(2) is not None)
    assert model.thumbnails.get(1) is None and not model.thumbnails.decoding(1)
    model.set_on_screen([1, 2])  # scrolled back: painted again, decoded now
    model.index(1).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.thumbnails.get(1) is not None)
    assert wishes.wanted == []


def test_a_decode_no_longer_wanted_at_its_turn_is_dropped(qtbot, tmp_path) -> None:
    cache = ThumbnailCache(QSize(160, 120))
    path = str(jpeg_file(tmp_path, "a.jpg"))
    with qtbot.waitSignal(cache.dropped) as dropped:
        cache.decode(1, path, lambda: False)
    assert dropped.args == [1]
    assert cache.get(1) is None and not cache.decoding(1) and not cache.failed(1)
    with qtbot.waitSignal(cache.ready):  # asked again, wanted now
        cache.decode(1, path, lambda: True)
    assert cache.get(1) is not None
