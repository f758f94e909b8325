"""The photo grid's list model: the family's photos grouped by activity, newest day first, of
one child or all (the staff's grid of one activity uses it too).

Each activity is a section: a **heading row** (its title, date and caption) followed by its
photos' rows. The view (:class:`desktop.views.photos.grid_view.PhotoGridView`) lays a heading
out over the full width and starts the photos on a new row; keyboard navigation skips
headings; a screen reader reads a heading's text (``AccessibleTextRole``) like any cell.

Rows come from the listing in blocks (``canFetchMore``/``fetchMore``: older months load as the
grid scrolls). The rows are a compact store: the photos of the current choice in one list and
two integer arrays (each section's heading row and its first photo), so a row is found by a
binary search and 20,000 photos cost no object per row. A heading's text is made the first
time a cell shows it. A cell's thumbnail is asked for the first time the view paints it:
decoded from the offline copy when there is one, fetched otherwise (``want``) — whether there
is one is asked in the decoder's worker (``cached_path`` touches the disk); what arrived by
the next turn of the event loop is announced at once (one ``dataChanged`` over those rows).
Offline a cell without a copy says so instead of staying blank.

One piece: the compact store, the fetching in blocks and the thumbnail requests all index the
same rows; split apart, each part would need the row arithmetic of the others.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import partial
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
from PySide6.QtGui import QPixmap

from desktop.api.photos.records import Photo, PhotoListing, Rendition
from desktop.models.photos.thumbnails import ThumbnailCache
from desktop.models.shared.formatting import format_date

__all__ = ["BLOCK", "DISPATCH_MS", "Heading", "PhotoGridModel"]

ModelIndex = QModelIndex | QPersistentModelIndex
#: Rows added per ``fetchMore``: a few screens full.
BLOCK = 300
#: The cells painted within this many milliseconds have their thumbnails decoded together
#: (those still on screen then: see ``_dispatch``).
DISPATCH_MS = 40


class Role(IntEnum):
    Photo = Qt.ItemDataRole.UserRole + 1
    #: A heading row's :class:`Heading` (None on a photo's row)
    Heading = Qt.ItemDataRole.UserRole + 2
    #: "loading", "ready" or "missing" (not on this computer and cannot be fetched now)
    ThumbnailState = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class Heading:
    """What a section's heading shows: the activity's title, its date (through QLocale) and
    its caption ("" without one)."""

    title: str
    date: str
    caption: str
    photo_count: int

    @property
    def text(self) -> str:
        """The whole heading in one line: its tooltip and what a screen reader says."""
        text = QCoreApplication.translate("PhotoGrid", "{activity}, {date}").format(
            activity=self.title, date=self.date)
        return f"{text}. {self.caption}" if self.caption else text


class _Screen:
    """The photos the view shows, shared with the decoders' workers: the model assigns a new
    set (one reference, read whole by a worker), never changes one."""

    __slots__ = ("ids",)

    def __init__(self) -> None:
        self.ids: frozenset[int] | None = None  # None: no view said yet

    def shows(self, photo_id: int) -> bool:
        return self.ids is not None and photo_id in self.ids

    def wanted(self, photo_id: int) -> Callable[[], bool]:
        """Asked in a worker: still on screen (or no view says what is)?"""
        def wanted() -> bool:
            ids = self.ids
            return ids is None or photo_id in ids
        return wanted


class PhotoGridModel(QAbstractListModel):
    """A heading row per activity, then a row per photo. ``cached_path(photo)`` answers where
    its thumbnail is on disk (or None), called in a worker thread of the thumbnail cache, and
    ``want(photo)`` fetches it; call
    :meth:`file_ready` / :meth:`file_missing` with the service's answers."""

    Role = Role

    def __init__(self, thumbnails: ThumbnailCache,
                 cached_path: Callable[[Photo], Path | None],
                 want: Callable[[Photo], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._cached_path = cached_path
        self._want = want
        self._photos: list[Photo] = []
        # Section s: its heading at row _heading_rows[s], its photos from _first_photo[s].
        self._heading_rows = array("l")
        self._first_photo = array("l")
        self._rows = 0
        self._shown = 0
        self._position: dict[int, int] = {}  # photo id → its place in _photos
        self._missing: set[int] = set()
        self._asked: set[int] = set()
        self._child_id: int | None = None
        self._listing: PhotoListing | None = None
        self._headings: dict[int, Heading] = {}  # by section
        self._changed: set[int] = set()  # rows to announce at the next turn of the loop
        self._screen = _Screen()
        self._requests: list[Photo] = []  # thumbnails asked for, to the decoders soon
        self._dispatching = QTimer(self)
        self._dispatching.setSingleShot(True)
        self._dispatching.setInterval(DISPATCH_MS)
        self._dispatching.timeout.connect(self._dispatch)
        # a child timer, not QTimer.singleShot(0, callable): it dies with the model, so a
        # thumbnail decoded just before the page closed cannot touch a deleted model
        self._flushing = QTimer(self)
        self._flushing.setSingleShot(True)
        self._flushing.setInterval(0)
        self._flushing.timeout.connect(self._flush)
        thumbnails.ready.connect(self._decoded)
        thumbnails.absent.connect(self._absent)
        thumbnails.dropped.connect(self._dropped)

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
        """The photo of ``row`` (None for a heading or a row not shown)."""
        if not 0 <= row < self._shown:
            return None
        section = bisect_right(self._heading_rows, row) - 1
        heading = self._heading_rows[section]
        return None if row == heading else \
            self._photos[self._first_photo[section] + row - heading - 1]

    def is_heading(self, row: int) -> bool:
        if not 0 <= row < self._shown:
            return False
        return self._heading_rows[bisect_right(self._heading_rows, row) - 1] == row

    def photo_row(self, row: int, step: int) -> int | None:
        """The row of the photo ``step`` photos after (or before, negative) the one of
        ``row``, skipping headings; None past either end. The row may not be fetched yet
        (:meth:`fetch_until`)."""
        position = self._place(row)
        if position is None:
            return None
        target = position + step
        return self._row_of_place(target) if 0 <= target < len(self._photos) else None

    def fetch_until(self, row: int) -> None:
        """Fetch the blocks up to ``row``."""
        while row >= self._shown and self.canFetchMore():
            self.fetchMore()

    def heading_rows(self) -> Sequence[int]:
        """The heading row of every section shown (ascending): what the view lays out."""
        end = bisect_right(self._heading_rows, self._shown - 1)
        return self._heading_rows[:end]

    def photos(self) -> list[Photo]:
        """Every photo of the current choice, also those not fetched into the view yet."""
        return list(self._photos)

    def row_of(self, photo_id: int) -> int | None:
        position = self._position.get(photo_id)
        if position is None:
            return None
        row = self._row_of_place(position)
        return row if row < self._shown else None

    def activity_row(self, activity_id: int) -> int | None:
        """The heading row of the activity's section, fetched into the view; None when the
        current choice does not show it."""
        first = next((p for p in self._photos if p.activity_id == activity_id), None)
        if first is None:
            return None
        row = self._row_of_place(self._position[first.id]) - 1
        self.fetch_until(row + 1)
        return row

    def update_photo(self, photo: Photo) -> None:
        """The same photo with new details (the parent's heart): only its cell repaints."""
        position = self._position.get(photo.id)
        if position is None:
            return
        self._photos[position] = photo
        if self._listing is not None:  # a later choice of child rebuilds from it
            self._listing = replace(self._listing, photos=tuple(
                photo if p.id == photo.id else p for p in self._listing.photos))
        row = self._row_of_place(position)
        if row < self._shown:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Role.Photo])

    def set_on_screen(self, rows: Iterable[int]) -> None:
        """The rows the view shows now (it says so at every paint). A thumbnail asked for a
        cell that left the screen before its decode's turn is not decoded; it is asked
        again when the cell is painted again. Until a view says, every request is decoded."""
        self._screen.ids = frozenset(p.id for p in map(self.photo_at, rows) if p is not None)

    def missing_count(self) -> int:
        return len(self._missing)

    # --- the service's answers ----------------------------------------------------------------

    def file_ready(self, photo_id: int, rendition: str, path: str) -> None:
        if rendition == Rendition.THUMBNAIL.value and photo_id in self._position:
            self._missing.discard(photo_id)
            self.thumbnails.decode(photo_id, path, self._screen.wanted(photo_id))

    def file_missing(self, photo_id: int, rendition: str) -> None:
        if rendition == Rendition.THUMBNAIL.value and photo_id in self._position:
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
        return not parent.isValid() and self._shown < self._rows

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(BLOCK, self._rows - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        row = index.row()
        if not index.isValid() or not 0 <= row < self._shown:
            return None
        section = bisect_right(self._heading_rows, row) - 1
        first = self._heading_rows[section]
        if row == first:
            return self._heading_data(section, role)
        photo = self._photos[self._first_photo[section] + row - first - 1]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(photo)
        if role == Role.Photo:
            return photo
        if role == Role.ThumbnailState:
            return "ready" if self.thumbnails.get(photo.id) is not None else \
                self._waiting_state(photo.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._heading(section).text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._photo_text(photo, section, row - first)
        return None

    def cell(self, row: int) -> tuple[Heading | None, Photo | None, QPixmap | None, str]:
        """What the delegate paints of ``row`` in one call: its heading (on a heading's row) or
        its photo, the thumbnail (asked for, as ``DecorationRole``, when there is none yet)
        and the thumbnail's state. Four roles through ``QModelIndex.data`` would be four trips
        through Qt into :meth:`data` per cell, and scrolling paints a page of cells per frame.
        """
        if not 0 <= row < self._shown:
            return None, None, None, ""
        section = bisect_right(self._heading_rows, row) - 1
        first = self._heading_rows[section]
        if row == first:
            return self._heading(section), None, None, ""
        photo = self._photos[self._first_photo[section] + row - first - 1]
        pixmap = self._thumbnail(photo)
        return None, photo, pixmap, "ready" if pixmap is not None else \
            self._waiting_state(photo.id)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_heading(index.row()):  # read, never chosen
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    # --- inside -------------------------------------------------------------------------------

    def _heading_data(self, section: int, role: int) -> object:
        if role == Role.Heading:
            return self._heading(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._heading(section).title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._heading(section).text
        return None

    def _heading(self, section: int) -> Heading:
        """Made when a cell first needs it (one per activity): formatting a thousand dates up
        front would delay the first paint."""
        heading = self._headings.get(section)
        if heading is None:
            photo = self._photos[self._first_photo[section]]
            heading = self._headings[section] = Heading(
                photo.activity_title, format_date(photo.date), photo.caption or "",
                self._section_size(section))
        return heading

    def _photo_text(self, photo: Photo, section: int, number: int) -> str:
        heading = self._heading(section)
        text = QCoreApplication.translate("PhotoGrid", "Photo {n} of {count}, {activity}").format(
            n=number, count=heading.photo_count, activity=heading.title)
        if photo.hearted:
            text += QCoreApplication.translate("PhotoGrid", ", with your heart")
        if photo.heart_count is not None:
            text += QCoreApplication.translate("PhotoGrid", ", hearts: {n}").format(
                n=photo.heart_count)
        return text

    def _section_size(self, section: int) -> int:
        end = self._first_photo[section + 1] if section + 1 < len(self._first_photo) \
            else len(self._photos)
        return end - self._first_photo[section]

    def _place(self, row: int) -> int | None:
        """The place in the photos of the photo at ``row``; a heading's is its first photo's
        minus one (so the next photo after a heading is that section's first)."""
        if not 0 <= row < self._shown:
            return None
        section = bisect_right(self._heading_rows, row) - 1
        return self._first_photo[section] + row - self._heading_rows[section] - 1

    def _row_of_place(self, position: int) -> int:
        section = bisect_right(self._first_photo, position) - 1
        return self._heading_rows[section] + 1 + position - self._first_photo[section]

    def _waiting_state(self, photo_id: int) -> str:
        """The state of a thumbnail not decoded (now)."""
        return "missing" if photo_id in self._missing or self.thumbnails.failed(photo_id) \
            else "loading"

    def _thumbnail(self, photo: Photo) -> QPixmap | None:
        pixmap = self.thumbnails.get(photo.id)
        if pixmap is not None:
            return pixmap
        if photo.id not in self._asked and photo.id not in self._missing \
                and not self.thumbnails.decoding(photo.id):
            self._asked.add(photo.id)
            self._requests.append(photo)
            if not self._dispatching.isActive():
                self._dispatching.start()
        return None

    def _dispatch(self) -> None:
        """The thumbnails asked for since the last time, of the cells still on screen, to the
        decoders (the others are asked again when painted again). At most every
        ``DISPATCH_MS``: scrolling past a page per frame then decodes a screen every few
        frames, not every cell it passed; where it stops, the screen is decoded."""
        requests, self._requests = self._requests, []
        screen, locate = self._screen, self._cached_path  # (no attribute of the model
        for photo in requests:                              # is touched in the worker)
            if screen.ids is None or photo.id in screen.ids:
                self.thumbnails.decode(photo.id, partial(locate, photo),
                                       screen.wanted(photo.id))
            else:
                self._asked.discard(photo.id)

    def _decoded(self, photo_id: int) -> None:
        self._announce(photo_id)

    def _dropped(self, photo_id: int) -> None:
        """Off screen at its turn: asked again when painted again (or now, when it came back
        on screen meanwhile)."""
        self._asked.discard(photo_id)
        if self._screen.shows(photo_id):
            self._announce(photo_id)

    def _absent(self, photo_id: int) -> None:
        """Not on this computer: fetched (``file_ready`` or ``file_missing`` answers)."""
        position = self._position.get(photo_id)
        if position is None:
            return
        if photo_id in self._asked:
            self._want(self._photos[position])
        else:  # the rows were rebuilt meanwhile: its cell asks again when painted
            self._announce(photo_id)

    def _announce(self, photo_id: int) -> None:
        """Thumbnails arrive one by one from the decoders: the rows that changed until the
        event loop is free again go out as one ``dataChanged`` (one repaint, not dozens)."""
        row = self.row_of(photo_id)
        if row is None:
            return
        self._changed.add(row)
        self._flushing.start()

    def _flush(self) -> None:
        rows = [r for r in self._changed if r < self._shown]
        self._changed.clear()
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)),
                                  [Qt.ItemDataRole.DecorationRole, Role.ThumbnailState])

    def _rebuild(self) -> None:
        """The rows of the current choice in one pass (a listing of 20,000 photos in a few
        milliseconds: no object per row)."""
        listing = () if self._listing is None else self._listing.photos
        child = self._child_id
        photos = list(listing) if child is None else [p for p in listing if child in p.child_ids]
        heading_rows, first_photo = array("l"), array("l")
        previous = None
        for position, photo in enumerate(photos):
            if photo.activity_id != previous:
                previous = photo.activity_id
                heading_rows.append(position + len(heading_rows))
                first_photo.append(position)
        self.beginResetModel()
        self._photos = photos
        self._heading_rows, self._first_photo = heading_rows, first_photo
        self._rows = len(photos) + len(heading_rows)
        self._position = {p.id: n for n, p in enumerate(photos)}
        self._headings.clear()
        self._shown = min(BLOCK, self._rows)
        self._asked.clear()
        self._requests.clear()
        self._changed.clear()
        self._missing &= self._position.keys()
        self.endResetModel()
