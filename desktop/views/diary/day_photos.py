"""The photos of the Dagboek's days: each day shows the child's photos of that day as
thumbnails under its text, and a click (or Enter on the day) opens the photo viewer there.

Nothing of its own: the photos feature's listing (`PhotosService`, the photos the family may
see — consent and tags decided by the portal), its thumbnail cache and loader
(`ThumbnailCache`, `PhotoGridModel`) and its viewer (`PhotoViewer`, handed in by the shell,
desktop/views/sections.py: a feature's views do not import another's). The grid model holds the
child's photos so the viewer's previous and next walk through them all; every row is made
available at once, since no grid view lays it out here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from desktop.models.photos.grid import PhotoGridModel
from desktop.models.photos.thumbnails import ThumbnailCache
from desktop.models.shared.records import Photo, PhotoListing, Rendition

if TYPE_CHECKING:
    from desktop.services.photos.service import PhotosService

__all__ = ["THUMB", "DayPhotos", "ViewerFactory"]

#: Makes the photos feature's viewer: (the service, the grid model, its parent window).
ViewerFactory = Callable[["PhotosService", PhotoGridModel, QWidget], QDialog]

THUMB = QSize(96, 72)  # four or five to a row in a day of the Dagboek


class DayPhotos(QObject):
    """Signals: ``changed()`` — other photos (relayout the days); ``repaint()`` — a thumbnail
    arrived."""

    changed = Signal()
    repaint = Signal()

    def __init__(self, photos: PhotosService, viewer: ViewerFactory, parent: QWidget) -> None:
        super().__init__(parent)
        self._photos = photos
        self._make_viewer = viewer
        self._window = parent
        self.thumbnails = ThumbnailCache(THUMB, parent=self)
        self.model = PhotoGridModel(
            self.thumbnails, lambda photo: photos.cached_path(photo, Rendition.THUMBNAIL),
            lambda photo: photos.want(photo, Rendition.THUMBNAIL), self)
        self.viewer: QDialog | None = None
        self._by_day: dict[date, list[Photo]] = {}
        self._child_id: int | None = None
        photos.listingChanged.connect(self._listing)
        photos.fileReady.connect(self.model.file_ready)
        photos.fileMissing.connect(self.model.file_missing)
        self.model.dataChanged.connect(lambda *_: self.repaint.emit())
        self.model.set_listing(photos.listing)

    def show_child(self, child_id: int) -> None:
        self._child_id = child_id
        self.model.set_child(child_id)
        self._index()

    def of_day(self, day: date) -> list[Photo]:
        return self._by_day.get(day, [])

    def pixmap(self, photo: Photo) -> QPixmap | None:
        """The decoded thumbnail, or None while it is fetched or decoded (then ``repaint``)."""
        row = self.model.row_of(photo.id)
        if row is None:
            return None
        value = self.model.index(row).data(Qt.ItemDataRole.DecorationRole)
        return value if isinstance(value, QPixmap) else None

    def open(self, photo: Photo) -> None:
        """The viewer on ``photo``; ← → go through the child's other photos."""
        row = self.model.row_of(photo.id)
        if row is None:
            return
        if self.viewer is None:
            self.viewer = self._make_viewer(self._photos, self.model, self._window)
        self.viewer.show_row(row)  # type: ignore[attr-defined]
        self.viewer.show()

    def _listing(self, listing: PhotoListing | None) -> None:
        self.model.set_listing(listing)
        self._index()

    def _index(self) -> None:
        while self.model.canFetchMore():
            self.model.fetchMore()
        by_day: dict[date, list[Photo]] = defaultdict(list)
        for photo in self.model.photos():
            by_day[photo.date].append(photo)
        self._by_day = dict(by_day)
        self.changed.emit()
