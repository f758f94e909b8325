"""The photo grid's model and its thumbnail cache: qtmodeltester; rows in blocks as the grid
scrolls; one child's photos; a thumbnail decoded off the GUI thread announces only its own
index; the cache keeps to its byte budget, least recently used out first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from desktop.api.photos.records import Photo, PhotoFile, PhotoListing, Rendition
from desktop.models.photos.grid import BLOCK, PhotoGridModel
from desktop.models.photos.thumbnails import ThumbnailCache


def photo(n: int, *, activity: int = 1, child_ids: tuple[int, ...] = (1,)) -> Photo:
    files = {r: PhotoFile("image/jpeg", 100, f"{n:064x}") for r in Rendition}
    return Photo(n, activity, f"Activiteit {activity}", None, date(2026, 11, 3), 640, 480,
                 child_ids, datetime(2026, 11, 3, tzinfo=UTC), files)


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
    model = model_of(qtbot, Wishes(), BLOCK + 20)
    assert model.rowCount() == BLOCK and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == BLOCK + 20 and not model.canFetchMore()
    assert len(model.photos()) == BLOCK + 20


def test_the_first_photo_of_an_activity_carries_its_title(qtbot) -> None:
    model = model_of(qtbot, Wishes())
    starts = [model.index(r).data(PhotoGridModel.Role.StartsActivity) for r in range(6)]
    assert starts == [True, False, False, False, True, False]  # photos 1–4, then 5–9
    assert model.index(0).data().endswith("Activiteit 1") and model.index(2).data() == ""
    assert model.index(4).data().endswith("Activiteit 2")
    assert model.index(2).data(Qt.ItemDataRole.ToolTipRole).endswith("Activiteit 1")


def test_one_childs_photos(qtbot) -> None:
    cache = ThumbnailCache(QSize(16, 12))
    model = PhotoGridModel(cache, lambda p: None, lambda p: None)
    model.set_listing(PhotoListing((photo(1, child_ids=(1,)), photo(2, child_ids=(2,)),
                                    photo(3, child_ids=(1, 2))), None))
    model.set_child(2)
    assert [model.photo_at(r).id for r in range(model.rowCount())] == [2, 3]
    model.set_child(None)
    assert model.rowCount() == 3


def test_an_uncached_thumbnail_is_fetched_once_and_a_missing_one_says_so(qtbot) -> None:
    wishes = Wishes()
    model = model_of(qtbot, wishes)
    assert model.index(0).data(Qt.ItemDataRole.DecorationRole) is None
    model.index(0).data(Qt.ItemDataRole.DecorationRole)  # painted again: not asked again
    assert wishes.wanted == [1]
    assert model.index(0).data(PhotoGridModel.Role.ThumbnailState) == "loading"
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.file_missing(1, "thumbnail")
    assert changed.args[0].row() == changed.args[1].row() == 0
    assert model.index(0).data(PhotoGridModel.Role.ThumbnailState) == "missing"
    assert model.missing_count() == 1
    model.retry_missing()
    model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert wishes.wanted == [1, 1]


def test_a_cached_thumbnail_is_decoded_off_the_gui_thread_and_announced_alone(
        qtbot, tmp_path) -> None:
    wishes = Wishes({3: jpeg_file(tmp_path, "3.jpg")})
    model = model_of(qtbot, wishes)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first.row(),
                                                                         last.row())))
    assert model.index(2).data(Qt.ItemDataRole.DecorationRole) is None  # decoding now
    qtbot.waitUntil(lambda: model.index(2).data(PhotoGridModel.Role.ThumbnailState) == "ready")
    qtbot.waitUntil(lambda: bool(changed))
    assert changed == [(2, 2)] and wishes.wanted == []
    pixmap = model.index(2).data(Qt.ItemDataRole.DecorationRole)
    assert (pixmap.width(), pixmap.height()) == (160, 120)  # decoded at the reduced size


def test_what_changes_in_one_turn_of_the_loop_is_announced_once(qtbot) -> None:
    model = model_of(qtbot, Wishes())
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append((first.row(),
                                                                         last.row())))
    model.file_missing(4, "thumbnail")
    model.file_missing(5, "thumbnail")
    assert changed == []  # not yet: at the next turn of the event loop
    qtbot.waitUntil(lambda: bool(changed))
    qtbot.wait(20)
    assert changed == [(3, 4)]


def test_a_file_the_service_fetched_is_decoded(qtbot, tmp_path) -> None:
    model = model_of(qtbot, Wishes())
    model.file_ready(4, "thumbnail", str(jpeg_file(tmp_path, "4.jpg")))
    qtbot.waitUntil(lambda: model.index(3).data(PhotoGridModel.Role.ThumbnailState) == "ready")
    model.file_ready(5, "screen", str(tmp_path / "ignored.jpg"))  # not the grid's
    assert not model.thumbnails.decoding(5)


# Qt's JPEG reader says what it thinks of the file; that is the point of the test.
@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_an_unreadable_thumbnail_is_missing_not_blank(qtbot, tmp_path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not a jpeg")
    model = model_of(qtbot, Wishes({1: broken}))
    model.index(0).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.index(0).data(PhotoGridModel.Role.ThumbnailState)
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
