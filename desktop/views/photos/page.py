"""The parents' Foto's section: a grid of the family's photos grouped by activity
(:class:`PhotoGridView` over :class:`PhotoGridModel`, never item widgets), per child or all
children, and the viewer.

Offline the grid shows what is on this computer and says how many photos are not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.photos.grid import PhotoGridModel
from desktop.models.photos.thumbnails import ThumbnailCache
from desktop.models.shared.formatting import format_date
from desktop.models.shared.records import Photo, Profile, Rendition
from desktop.models.shared.save_summary import save_summary
from desktop.views.photos.grid_view import THUMBNAIL, open_in_viewer, photo_grid
from desktop.views.shared.pages import OPEN_ITEM, Intent, PageContext
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.photos.service import PhotosService
    from desktop.services.profile import ProfileService
    from desktop.services.shared.save_folder import SaveOutcome
    from desktop.views.photos.viewer import PhotoViewer

__all__ = ["PhotosPage"]


class PhotosPage(QWidget):
    """The family's photos from :class:`PhotosService`; opens them in :class:`PhotoViewer`."""

    def __init__(self, photos: PhotosService, profile: ProfileService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photosPage")
        self._photos = photos
        self._profile = profile
        self.viewer: PhotoViewer | None = None
        self.summary = ""

        self.thumbnails = ThumbnailCache(THUMBNAIL, parent=self)
        self.model = PhotoGridModel(self.thumbnails, self._thumbnail_path,
                                    lambda photo: photos.want(photo, Rendition.THUMBNAIL), self)
        title = mark(QLabel(self.tr("Photos"), self), "heading")
        self.child_filter = QComboBox(self)
        self.child_filter.setObjectName("photoChildFilter")
        self.child_filter.setAccessibleName(self.tr("Child"))
        self.child_filter.currentIndexChanged.connect(self._child_chosen)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(QLabel(self.tr("Child:"), self))
        header.addWidget(self.child_filter)
        self.save_all_button = QPushButton(self.tr("Save all photos…"), self)
        self.save_all_button.setObjectName("saveAllPhotos")
        self.save_all_button.setToolTip(self.tr(
            "Save every photo shown (of the chosen child, or of all children) to a folder. "
            "Running it again adds only what is not there yet."))
        self.save_all_button.clicked.connect(self.save_all)
        header.addWidget(self.save_all_button)
        self.progress: QProgressDialog | None = None

        self.note = mark(QLabel(self), "muted")
        self.note.setObjectName("photosNote")
        self.note.setWordWrap(True)
        self.grid = photo_grid(self)
        self.grid.setAccessibleName(self.tr("Photos"))
        self.grid.setModel(self.model)
        self.grid.activated.connect(self._activated)
        self.grid.doubleClicked.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.grid, 1)

        photos.listingChanged.connect(self.set_listing)
        photos.saveAllProgress.connect(self._save_all_progress)
        photos.saveAllEnded.connect(self._save_all_ended)
        photos.photoChanged.connect(self.model.update_photo)
        photos.fileReady.connect(self.model.file_ready)
        photos.fileMissing.connect(self.model.file_missing)
        photos.fileMissing.connect(self._update_note)
        profile.profileChanged.connect(self._fill_children)
        self._fill_children(profile.profile)
        self.set_listing(photos.listing)

    @classmethod
    def from_context(cls, context: PageContext) -> PhotosPage:
        page = cls(context.services.photos, context.services.profile, context.parent)
        context.services.session.connection.onlineChanged.connect(page._online_changed)
        return page

    def activate(self, intent: Intent | None = None) -> None:
        """Show the photos; an ``OPEN_ITEM`` intent of an activity id (a notification's
        click) scrolls to that activity, of every child if the chosen one is not on it."""
        if self._photos.listing is None:
            self._photos.refresh()
        self._update_note()
        if intent is not None and intent.action == OPEN_ITEM and isinstance(intent.item, int):
            self.show_activity(intent.item)

    def show_activity(self, activity_id: int) -> None:
        row = self.model.activity_row(activity_id)
        if row is None and self.child_filter.currentData() is not None:
            self.child_filter.setCurrentIndex(0)  # all children
            row = self.model.activity_row(activity_id)
        if row is not None:
            index = self.model.index(row)
            self.grid.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            self.grid.setCurrentIndex(self.model.index(row + 1))

    # --- contents -----------------------------------------------------------------------------

    def set_listing(self, listing: object) -> None:
        self.model.set_listing(listing)  # type: ignore[arg-type]
        self._update_note()

    def _fill_children(self, profile: Profile | None) -> None:
        chosen = self.child_filter.currentData()
        self.child_filter.blockSignals(True)
        self.child_filter.clear()
        self.child_filter.addItem(self.tr("All children"), None)
        for child in profile.children if profile is not None else ():
            self.child_filter.addItem(child.first_name, child.id)
        found = self.child_filter.findData(chosen)
        self.child_filter.setCurrentIndex(max(found, 0))
        self.child_filter.blockSignals(False)

    def _child_chosen(self, *_args: object) -> None:
        self.model.set_child(self.child_filter.currentData())
        self._update_note()

    def _thumbnail_path(self, photo: Photo) -> object:
        return self._photos.cached_path(photo, Rendition.THUMBNAIL)

    def _update_note(self, *_args: object) -> None:
        listing = self._photos.listing
        if listing is None:
            text = self.tr("Your photos have not been loaded yet. They appear as soon as the "
                           "portal can be reached.")
        elif not self.model.photos():
            text = self.tr("There are no photos of your children yet.")
        else:
            text = ""
        if listing is not None and listing.available_until is not None:
            text = (text + " " if text else "") + self.tr(
                "The photos stay available until {date}. Do not forget to save them.").format(
                date=format_date(listing.available_until))
        missing = self.model.missing_count()
        if missing:
            text = (text + " " if text else "") + self.tr(
                "Photos not on this computer: {n}. They appear when the portal can be "
                "reached.").format(n=missing)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # --- save all -----------------------------------------------------------------------------

    def save_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save all photos to…"),
                                                  str(Path.home()))
        if folder:
            self.save_all_to(Path(folder))

    def save_all_to(self, folder: Path) -> None:
        """Save the photos of the current choice into ``folder``, with a cancellable
        progress dialog; the outcome goes to the note under the heading."""
        photos = self.model.photos()
        if not photos or self._photos.saving_all:
            return
        self.progress = QProgressDialog(self.tr("Saving photos…"), self.tr("Cancel"), 0,
                                        len(photos), self)
        self.progress.setObjectName("saveAllPhotosProgress")
        self.progress.setWindowTitle(self.tr("Save all photos"))
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self._photos.cancel_save_all)
        self.progress.show()
        self._photos.save_all(photos, folder)

    def _save_all_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("Saving photos: {done} of {total}…").format(
                done=done, total=total))

    def _save_all_ended(self, outcome: object) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._photos.cancel_save_all)
            self.progress.close()
            self.progress = None
        self.summary = self._summary(outcome)
        self.note.setText(self.summary)
        self.note.show()

    def _summary(self, outcome: SaveOutcome | None) -> str:
        return save_summary(outcome, "" if outcome is None else self.tr(
            "Saved: {n} photos.").format(n=len(outcome.saved)))

    # --- viewer -------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def open_row(self, row: int) -> None:
        self.viewer = open_in_viewer(self.viewer, self._photos, self.model, row, self)

    # --- the connection ---------------------------------------------------------------------

    def _online_changed(self, online: bool) -> None:
        if online:
            self.model.retry_missing()
            self._update_note()
