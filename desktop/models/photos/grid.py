"""The photo grid's list model: the family's photos, newest day first, of one child or all.

Rows come from the listing in blocks (``canFetchMore``/``fetchMore``: older months load as the
grid scrolls), prepared once so ``data()`` is a lookup; an activity's label is made the first
time a cell shows it. A cell's thumbnail is asked for the
first time the view paints it: decoded from the offline copy when there is one, fetched
otherwise (``want``); what arrived by the next turn of the event loop is announced at once
(one ``dataChanged`` over those rows). Offline a
cell without a copy says so instead of staying blank.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from desktop.api.photos.records import Photo, PhotoListing, Rendition
from desktop.models.photos.thumbnails import ThumbnailCache
from desktop.models.shared.formatting import format_date

__all__ = ["BLOCK", "PhotoGridModel"]

ModelIndex = QModelIndex | QPersistentModelIndex
#: Rows added per ``fetchMore``: a few screens full.
BLOCK = 300


class Role(IntEnum):
    Photo = Qt.ItemDataRole.UserRole + 1
    #: True for the first photo of an activity (the delegate draws its title above it)
    StartsActivity = Qt.ItemDataRole.UserRole + 2
    #: "loading", "ready" or "missing" (not on this computer and cannot be fetched now)
    ThumbnailState = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class _Row:
    photo: Photo
    starts_activity: bool


class PhotoGridModel(QAbstractListModel):
    """One row per photo. ``cached_path(photo)`` answers where its thumbnail is on disk (or
    None) and ``want(photo)`` fetches it; call :meth:`file_ready` / :meth:`file_missing`
    with the service's answers."""

    Role = Role

    def __init__(self, thumbnails: ThumbnailCache,
                 cached_path: Callable[[Photo], Path | None],
                 want: Callable[[Photo], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._cached_path = cached_path
        self._want = want
        self._all: list[_Row] = []
        self._shown = 0
        self._row_of: dict[int, int] = {}
        self._missing: set[int] = set()
        self._asked: set[int] = set()
        self._child_id: int | None = None
        self._listing: PhotoListing | None = None
        self._labels: dict[int, str] = {}  # by activity id
        self._changed: set[int] = set()  # rows to announce at the next turn of the loop
        thumbnails.ready.connect(self._decoded)

    # --- contents -----------------------------------------------------------------------------

    def set_listing(self, listing: PhotoListing | None) -> None:
        self._listing = listing
        self._rebuild()

    def set_child(self, child_id: int | None) -> None:
        """Show the photos of one child (None: every child)."""
        if child_id != self._child_id:
            self._child_id = child_id
            self._rebuild()

    def photo_at(self, row: int) -> Photo | None:
        return self._all[row].photo if 0 <= row < self._shown else None

    def photos(self) -> list[Photo]:
        """Every photo of the current choice, also those not fetched into the view yet."""
        return [r.photo for r in self._all]

    def row_of(self, photo_id: int) -> int | None:
        row = self._row_of.get(photo_id)
        return row if row is not None and row < self._shown else None

    def update_photo(self, photo: Photo) -> None:
        """The same photo with new details (the parent's heart): only its cell repaints."""
        row = self._row_of.get(photo.id)
        if row is None:
            return
        self._all[row] = _Row(photo, self._all[row].starts_activity)
        if self._listing is not None:  # a later choice of child rebuilds from it
            self._listing = replace(self._listing, photos=tuple(
                photo if p.id == photo.id else p for p in self._listing.photos))
        if row < self._shown:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Role.Photo])

    def missing_count(self) -> int:
        return len(self._missing)

    # --- the service's answers ----------------------------------------------------------------

    def file_ready(self, photo_id: int, rendition: str, path: str) -> None:
        if rendition == Rendition.THUMBNAIL.value and photo_id in self._row_of:
            self._missing.discard(photo_id)
            self.thumbnails.decode(photo_id, path)

    def file_missing(self, photo_id: int, rendition: str) -> None:
        if rendition == Rendition.THUMBNAIL.value and photo_id in self._row_of:
            self._missing.add(photo_id)
            self._asked.discard(photo_id)  # asked again when the view paints it again
            self._announce(photo_id)

    def retry_missing(self) -> None:
        """Back online: the cells that said "not on this computer" ask again."""
        missing, self._missing = self._missing, set()
        for photo_id in missing:
            self._announce(photo_id)

    # --- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(BLOCK, len(self._all) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        row = self._all[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(row.photo) if row.starts_activity else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._label(row.photo)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(row.photo)
        if role == Role.Photo:
            return row.photo
        if role == Role.StartsActivity:
            return row.starts_activity
        if role == Role.ThumbnailState:
            photo_id = row.photo.id
            if self.thumbnails.get(photo_id) is not None:
                return "ready"
            return "missing" if photo_id in self._missing or self.thumbnails.failed(
                photo_id) else "loading"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    # --- inside -------------------------------------------------------------------------------

    def _thumbnail(self, photo: Photo) -> object:
        pixmap = self.thumbnails.get(photo.id)
        if pixmap is not None:
            return pixmap
        if photo.id not in self._asked and photo.id not in self._missing \
                and not self.thumbnails.decoding(photo.id):
            self._asked.add(photo.id)
            path = self._cached_path(photo)
            if path is not None:
                self.thumbnails.decode(photo.id, str(path))
            else:
                self._want(photo)
        return None

    def _label(self, photo: Photo) -> str:
        """"3 november 2026 · Herfstwandeling", made when a cell first needs it (one per
        activity): formatting 20,000 dates up front would delay the first paint."""
        label = self._labels.get(photo.activity_id)
        if label is None:
            label = self._labels[photo.activity_id] = _label(photo)
        return label

    def _decoded(self, photo_id: int) -> None:
        self._announce(photo_id)

    def _announce(self, photo_id: int) -> None:
        """Thumbnails arrive one by one from the decoders: the rows that changed until the
        event loop is free again go out as one ``dataChanged`` (one repaint, not dozens)."""
        row = self.row_of(photo_id)
        if row is None:
            return
        if not self._changed:
            QTimer.singleShot(0, self._flush)
        self._changed.add(row)

    def _flush(self) -> None:
        rows = [r for r in self._changed if r < self._shown]
        self._changed.clear()
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)),
                                  [Qt.ItemDataRole.DecorationRole, Role.ThumbnailState])

    def _rebuild(self) -> None:
        photos = [] if self._listing is None else [
            p for p in self._listing.photos
            if self._child_id is None or self._child_id in p.child_ids]
        self.beginResetModel()
        self._all = []
        self._labels.clear()
        previous = None
        for photo in photos:
            self._all.append(_Row(photo, photo.activity_id != previous))
            previous = photo.activity_id
        self._row_of = {r.photo.id: n for n, r in enumerate(self._all)}
        self._shown = min(BLOCK, len(self._all))
        self._asked.clear()
        self._changed.clear()
        self._missing &= set(self._row_of)
        self.endResetModel()


def _label(photo: Photo) -> str:
    return QCoreApplication.translate("PhotoGrid", "{date} · {activity}").format(
        date=format_date(photo.date), activity=photo.activity_title)
