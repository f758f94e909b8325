"""One photo at a time: fit / 100 % / wheel zoom, ← → for the previous and next photo of the
grid, a slideshow, the activity and caption, the parent's heart (H, or the button) or for staff
the number of parents' hearts (neither shown when the organisation has hearts off), and
"Opslaan als…" (the original, verified against the server's SHA-256).

The viewer shows the screen copy (~1600 px) from the offline copy when there is one, else
fetches it, showing the thumbnail meanwhile; offline without a copy it says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.photos.grid import PhotoGridModel
from desktop.models.shared.formatting import format_date
from desktop.models.shared.records import Photo, Rendition
from desktop.views.photos.grid_view import HEART_COLOUR
from desktop.views.shared.lock_guard import SessionDialog
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.photos.service import PhotosService

__all__ = ["SLIDESHOW_MS", "PhotoViewer"]

SLIDESHOW_MS = 4000
_ZOOM_STEP = 1.25


class _ImageView(QGraphicsView):
    """The picture: fits the window until the user zooms; the wheel zooms.

    Fitting hides the scroll bars (a fitted photo needs none; a scroll bar appearing after
    the fit would shrink the pane and cut off the photo's bottom) and is done again whenever
    the pane gets its size: when shown, and on every resize while fitting.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("photoImage")
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._set_fitting(True)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.item.setPixmap(pixmap)
        self.scene().setSceneRect(self.item.boundingRect())
        if self.fitting:
            self.fit()

    def fit(self) -> None:
        self._set_fitting(True)
        self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)

    def actual_size(self) -> None:
        self._set_fitting(False)
        self.resetTransform()

    def zoom(self, factor: float) -> None:
        self._set_fitting(False)
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 8.0:
            self.scale(factor, factor)

    @property
    def zoom_factor(self) -> float:
        return self.transform().m11()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()  # the viewer's previous and next, not a scroll
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(_ZOOM_STEP ** steps)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitting:
            self.fit()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.fitting:
            self.fit()

    def _set_fitting(self, fitting: bool) -> None:
        self.fitting = fitting
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fitting else \
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)


class PhotoViewer(SessionDialog):
    """Shows the photo of one grid row, and the rows around it."""

    def __init__(self, photos: PhotosService, model: PhotoGridModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.resize(QSize(1000, 760))
        self._photos = photos
        self._model = model
        self.row = -1
        self.photo: Photo | None = None

        self.image = _ImageView(self)
        self.title_label = mark(QLabel(self), "heading")
        self.caption_label = QLabel(self)
        self.caption_label.setWordWrap(True)
        self.state_label = mark(QLabel(self), "muted")
        self.state_label.setObjectName("photoState")

        self.previous_button = self._button(self.tr("Previous photo"), "◀", self.previous)
        self.next_button = self._button(self.tr("Next photo"), "▶", self.next)
        self.fit_button = self._button(self.tr("Fit to window"), self.tr("Fit"), self.image.fit)
        self.actual_button = self._button(self.tr("Actual size"), "100 %",
                                          self.image.actual_size)
        self.zoom_in_button = self._button(self.tr("Zoom in"), "+",
                                           lambda: self.image.zoom(_ZOOM_STEP))
        self.zoom_out_button = self._button(self.tr("Zoom out"), "−",
                                            lambda: self.image.zoom(1 / _ZOOM_STEP))
        self.slideshow_button = self._button(self.tr("Slideshow"), self.tr("Slideshow"),
                                             self.toggle_slideshow)
        self.slideshow_button.setCheckable(True)
        self.save_button = self._button(self.tr("Save as…"), self.tr("Save as…"), self.save_as)
        self.heart_button = self._button(self.tr("Heart (H)"), "♡", self.toggle_heart)
        self.heart_button.setObjectName("photoHeart")
        self.heart_button.setCheckable(True)
        self.hearts_label = QLabel(self)
        self.hearts_label.setObjectName("photoHeartCount")
        self.hearts_label.setStyleSheet(f"color: {HEART_COLOUR};")
        for sequence, slot in ((QKeySequence.StandardKey.ZoomIn,
                                lambda: self.image.zoom(_ZOOM_STEP)),
                               (QKeySequence.StandardKey.ZoomOut,
                                lambda: self.image.zoom(1 / _ZOOM_STEP)),
                               (QKeySequence.StandardKey.Save, self.save_as)):
            QShortcut(QKeySequence(sequence), self, slot)
        self.slideshow = QTimer(self)
        self.slideshow.setInterval(SLIDESHOW_MS)
        self.slideshow.timeout.connect(self._slideshow_step)

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, self.fit_button,
                       self.actual_button, self.zoom_out_button, self.zoom_in_button,
                       self.slideshow_button, self.heart_button, self.hearts_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.state_label)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.image, 1)
        layout.addLayout(bar)

        photos.fileReady.connect(self._file_ready)
        photos.fileMissing.connect(self._file_missing)
        photos.originalSaved.connect(self._saved)
        photos.photoChanged.connect(self._photo_changed)
        photos.problem.connect(lambda _message: self.state_label.setText(""))

    def _button(self, name: str, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # --- which photo --------------------------------------------------------------------------

    def show_row(self, row: int) -> None:
        photo = self._model.photo_at(row)
        if photo is None:
            return
        self.row, self.photo = row, photo
        self.setWindowTitle(f"{format_date(photo.date)} · {photo.activity_title}")
        self.title_label.setText(self.windowTitle())
        self.caption_label.setText(photo.caption or "")
        self.caption_label.setVisible(bool(photo.caption))
        self.previous_button.setEnabled(self._model.photo_row(row, -1) is not None)
        self.next_button.setEnabled(self._model.photo_row(row, 1) is not None)
        self._show_heart()
        path = self._photos.cached_path(photo, Rendition.SCREEN)
        if path is not None:
            self._show_file(path)
            return
        thumbnail = self._model.thumbnails.get(photo.id)
        self.image.set_pixmap(thumbnail if thumbnail is not None else QPixmap())
        self.state_label.setText(self.tr("Loading…"))
        self._photos.want(photo, Rendition.SCREEN)

    def previous(self) -> None:
        self._step(-1)

    def next(self) -> None:
        if not self._step(1) and self.slideshow.isActive():
            self.toggle_slideshow()

    def _step(self, step: int) -> bool:
        """The previous or next photo of the grid, over the headings between activities."""
        row = self._model.photo_row(self.row, step)
        if row is None:
            return False
        self._model.fetch_until(row)
        self.show_row(row)
        return True

    def toggle_slideshow(self) -> None:
        running = not self.slideshow.isActive()
        self.slideshow.start() if running else self.slideshow.stop()
        self.slideshow_button.setChecked(running)

    # --- heart --------------------------------------------------------------------------------

    def toggle_heart(self) -> None:
        """Put the heart on or take it off; the button follows the portal's answer."""
        if self.photo is not None and self.photo.hearted is not None:
            self._photos.set_heart(self.photo, not self.photo.hearted)
        self._show_heart()  # until the answer comes, the button shows what is true now

    def _show_heart(self) -> None:
        count = None if self.photo is None else self.photo.heart_count
        self.hearts_label.setVisible(count is not None)
        if count is not None:  # staff: how many parents marked it
            self.hearts_label.setText(f"♥ {count}")
            name = self.tr("Hearts from parents: {n}").format(n=count)
            self.hearts_label.setToolTip(name)
            self.hearts_label.setAccessibleName(name)
        hearted = None if self.photo is None else self.photo.hearted
        self.heart_button.setVisible(hearted is not None)
        self.heart_button.setChecked(bool(hearted))
        self.heart_button.setText("♥" if hearted else "♡")
        self.heart_button.setStyleSheet(f"color: {HEART_COLOUR};" if hearted else "")
        name = self.tr("Remove heart (H)") if hearted else self.tr("Heart (H)")
        self.heart_button.setToolTip(name)
        self.heart_button.setAccessibleName(name)

    def _photo_changed(self, photo: Photo) -> None:
        if self.photo is not None and photo.id == self.photo.id:
            self.photo = photo
            self._show_heart()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_H and not event.modifiers():
            self.toggle_heart()
        elif event.key() == Qt.Key.Key_Left:
            self.previous()
        elif event.key() == Qt.Key.Key_Right:
            self.next()
        else:
            super().keyPressEvent(event)

    def _slideshow_step(self) -> None:
        self.next()

    def hideEvent(self, event: object) -> None:
        self.slideshow.stop()
        self.slideshow_button.setChecked(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    # --- files --------------------------------------------------------------------------------

    def _show_file(self, path: Path) -> None:
        pixmap = QPixmap(str(path))
        if pixmap.isNull():
            self.state_label.setText(self.tr("This photo cannot be shown."))
            return
        self.image.set_pixmap(pixmap)
        self.state_label.setText("")

    def _file_ready(self, photo_id: int, rendition: str, path: str) -> None:
        if self.photo is not None and photo_id == self.photo.id \
                and rendition == Rendition.SCREEN.value:
            self._show_file(Path(path))

    def _file_missing(self, photo_id: int, rendition: str) -> None:
        if self.photo is not None and photo_id == self.photo.id \
                and rendition == Rendition.SCREEN.value:
            self.state_label.setText(self.tr(
                "This photo is not on this computer. It appears when the portal can be "
                "reached."))

    # --- save ---------------------------------------------------------------------------------

    def save_as(self) -> None:
        if self.photo is None:
            return
        start = str(Path.home() / self._photos.readable_name(self.photo))
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save photo"), start, self.tr("Photos (*.jpg *.jpeg *.png)"))
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        """Fetch the original and write it to ``target``; the outcome shows in the bar."""
        if self.photo is None:
            return
        self.state_label.setText(self.tr("Saving…"))
        self._photos.save_original(self.photo, target)

    def _saved(self, path: str) -> None:
        self.state_label.setText(self.tr("Saved as {name}.").format(name=Path(path).name))
