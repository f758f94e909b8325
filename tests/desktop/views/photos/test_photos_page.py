"""The Foto's page as a parent sees it, over fake services: what it says before the photos
came and when there are none, until when they stay, one child's photos, and the viewer with
its keys (← →, slideshow) and "Opslaan als…"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from view_fakes import FakePhotos, a_photo

from desktop.models.shared.records import PhotoListing, Rendition


def photos_page(make_window, photos: FakePhotos):
    window = make_window(photos=photos)
    window.show_section("photos")
    return window, window.page("photos")


def test_before_the_first_sync_the_page_says_why_it_is_empty(qtbot, make_window) -> None:
    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    assert "have not been loaded yet" in page.note.text()
    assert photos.refreshes == 1  # opening the page asks for them


def test_no_photos_yet_and_until_when_they_stay(qtbot, make_window) -> None:
    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    photos.listing = PhotoListing((), date(2026, 12, 29))
    photos.listingChanged.emit(photos.listing)
    assert "no photos of your children yet" in page.note.text()
    assert "until" in page.note.text() and "29" in page.note.text()


def test_the_grid_is_one_list_view_over_the_model_and_filters_by_child(
        qtbot, make_window) -> None:
    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    photos.listing = PhotoListing((a_photo(1, child_ids=(1,)), a_photo(2, child_ids=(2,))),
                                  None)
    photos.listingChanged.emit(photos.listing)
    assert page.grid.model() is page.model
    assert page.model.rowCount() == 3 and page.note.isHidden()  # a heading, two photos
    # Painting the grid asks the service for the thumbnails it does not have.
    qtbot.waitUntil(lambda: {p.id for p, _r in photos.wanted} == {1, 2})
    assert {r for _p, r in photos.wanted} == {Rendition.THUMBNAIL}
    page.child_filter.setCurrentIndex(page.child_filter.findData(2))
    assert [p.id for p in page.model.photos()] == [2]


def test_the_viewer_steps_with_the_arrow_keys_and_saves_the_original(
        qtbot, make_window, monkeypatch) -> None:
    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    photos.listing = PhotoListing(tuple(a_photo(n) for n in (1, 2, 3)), None)
    photos.listingChanged.emit(photos.listing)
    page.open_row(0)  # the activity's heading: no photo to show
    assert page.viewer is None
    page.open_row(1)
    viewer = page.viewer
    qtbot.waitExposed(viewer)
    assert viewer.state_label.text() == "Loading…"
    assert (viewer.photo.id, Rendition.SCREEN) in {(p.id, r) for p, r in photos.wanted}
    assert not viewer.previous_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.photo.id == 3 and not viewer.next_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)  # past the last: stays
    assert viewer.photo.id == 3
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.photo.id == 2
    viewer.toggle_slideshow()
    assert viewer.slideshow.isActive()
    viewer._slideshow_step()
    assert viewer.photo.id == 3
    viewer._slideshow_step()  # the end of the photos ends the slideshow
    assert not viewer.slideshow.isActive()
    photos.fileMissing.emit(3, "screen")
    assert "not on this computer" in viewer.state_label.text()

    chosen: list[str] = []

    def choose(parent, caption, start, filters):
        chosen.append(start)
        return str(Path(start).with_name("gekozen.jpg")), filters

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", choose)
    viewer.save_as()
    assert chosen[0].endswith("2026-11-03 Herfstwandeling 01.jpg")
    assert [(p.id, t.name) for p, t in photos.saved] == [(3, "gekozen.jpg")]
    photos.originalSaved.emit(str(Path(chosen[0]).with_name("gekozen.jpg")))
    assert viewer.state_label.text() == "Saved as gekozen.jpg."


def test_the_viewer_heart_follows_the_photo_and_the_h_key(qtbot, make_window) -> None:
    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    photos.listing = PhotoListing((a_photo(1, hearted=False), a_photo(2, hearted=True),
                                   a_photo(3)), None)
    photos.listingChanged.emit(photos.listing)
    page.open_row(1)
    viewer = page.viewer
    qtbot.waitExposed(viewer)
    assert viewer.heart_button.isVisible() and not viewer.heart_button.isChecked()
    qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert photos.hearts == [(1, True)]
    # Until the portal answers, the button shows what is true now.
    assert not viewer.heart_button.isChecked()
    changed = replace(photos.listing.photos[0], hearted=True)
    photos.photoChanged.emit(changed)
    assert viewer.heart_button.isChecked() and viewer.heart_button.text() == "♥"
    assert page.model.photo_at(1).hearted is True
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.heart_button.isChecked()
    qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert photos.hearts[-1] == (2, False)
    # An organisation without hearts: no heart, and H does nothing.
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.heart_button.isHidden()
    qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert len(photos.hearts) == 2
    # A choice of child rebuilds the grid from the listing with the heart that came back.
    page.child_filter.setCurrentIndex(0)
    page.model.set_child(1)
    assert page.model.photo_at(1).hearted is True


def whole_photo_shown(viewer) -> bool:
    """The whole photo inside the pane and filling it one way (fitInView keeps 2 px)."""
    image = viewer.image
    shown = image.mapFromScene(image.item.sceneBoundingRect()).boundingRect()
    pane = image.viewport().rect()
    return pane.adjusted(-1, -1, 1, 1).contains(shown) and (
        shown.width() >= pane.width() - 6 or shown.height() >= pane.height() - 6)


def test_fit_shows_the_whole_photo_on_first_open_and_after_resizes(qtbot, make_window) -> None:
    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    photos.listing = PhotoListing((a_photo(1), a_photo(2)), None)
    photos.listingChanged.emit(photos.listing)
    page.open_row(1)
    viewer = page.viewer
    qtbot.waitExposed(viewer)
    tall = QPixmap(1200, 1600)  # portrait: the bottom is what got cut off
    tall.fill(QColor("orange"))
    viewer.image.set_pixmap(tall)
    assert whole_photo_shown(viewer)
    for size in ((700, 500), (1200, 900), (500, 800)):
        viewer.resize(*size)
        qtbot.waitUntil(lambda: whole_photo_shown(viewer))
    viewer.image.zoom(2.0)  # zoomed in: no longer fitted, and resizing keeps the zoom
    assert not whole_photo_shown(viewer)
    viewer.resize(800, 600)
    qtbot.wait(10)
    assert not whole_photo_shown(viewer)
    viewer.image.fit()
    assert whole_photo_shown(viewer)


def test_a_photo_opened_before_the_viewer_is_shown_fits_when_it_is(qtbot, make_window) -> None:
    from desktop.views.photos.viewer import PhotoViewer

    photos = FakePhotos()
    _window, page = photos_page(make_window, photos)
    photos.listing = PhotoListing((a_photo(1),), None)
    photos.listingChanged.emit(photos.listing)
    viewer = PhotoViewer(photos, page.model, page)
    tall = QPixmap(1200, 1600)
    tall.fill(QColor("orange"))
    viewer.image.set_pixmap(tall)  # fitted to a view that has no size yet
    viewer.show()
    qtbot.waitExposed(viewer)
    qtbot.waitUntil(lambda: whole_photo_shown(viewer))


def test_a_sync_after_the_page_closed_reaches_only_the_page_that_is_open(qtbot) -> None:
    # The service outlives a page (a new main window after a login): what a sync brings
    # while the old page is gone must not reach its deleted model or timers.
    from shiboken6 import delete
    from view_fakes import FakeProfileService

    from desktop.views.photos.page import PhotosPage

    photos = FakePhotos()
    old = PhotosPage(photos, FakeProfileService())  # type: ignore[arg-type]
    old.set_listing(PhotoListing((a_photo(1),), None))
    old.show()
    qtbot.waitExposed(old)
    delete(old)
    page = PhotosPage(photos, FakeProfileService())  # type: ignore[arg-type]
    qtbot.addWidget(page)
    photos.listing = PhotoListing((a_photo(1), a_photo(2)), None)
    photos.listingChanged.emit(photos.listing)
    photos.fileReady.emit(1, Rendition.THUMBNAIL.value, "/nowhere/1.jpg")
    photos.fileMissing.emit(2, Rendition.THUMBNAIL.value)
    qtbot.wait(60)  # the model's timers (their announcement and dispatch) have their turn
    assert [p.id for p in page.model.photos()] == [1, 2]
    assert "Photos not on this computer: 1" in page.note.text()
