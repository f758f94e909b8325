"""The staff's Foto's page over fake services: it opens on the newest activity; choosing an
activity shows its photos in the photo grid with the parents' hearts on each cell and in the
viewer; an organisation with hearts off shows none; another activity chosen meanwhile wins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from view_fakes import (
    ZONNETJES,
    FakeAccount,
    FakePhotoPosting,
    FakePhotos,
    FakeProfileService,
    FakeSession,
    a_photo,
    staff_profile,
)

from desktop.models.shared.records import Activity, Rendition, Role

WALK = Activity(10, ZONNETJES.id, date(2026, 11, 3), "Herfstwandeling", None, 2, 4)
MUSIC = Activity(11, ZONNETJES.id, date(2026, 11, 2), "Muziek", None, 1, 0)


def staff_page(make_window, posting: FakePhotoPosting, photos: FakePhotos,
               activities: tuple[Activity, ...] = (WALK, MUSIC)):
    window = make_window(FakeSession(FakeAccount(role=Role.STAFF)),
                         FakeProfileService(staff_profile()), photo_posting=posting,
                         photos=photos)
    window.show_section("photos")
    page = window.page("photos")
    posting.activitiesLoaded.emit(list(activities))
    return page


def test_the_page_opens_on_the_newest_activity(qtbot, make_window) -> None:
    posting, photos = FakePhotoPosting(), FakePhotos()
    # Listed oldest first here: the newest by date is chosen, not the first row.
    page = staff_page(make_window, posting, photos, (MUSIC, WALK))
    assert page.activity == WALK and page.list.currentIndex().row() == 1
    assert ("photos", WALK.id) in posting.asked and ("photos", MUSIC.id) not in posting.asked
    assert "Loading" in page.grid_note.text()
    # On the same day the one made last (the higher id) is the newest.
    later = replace(MUSIC, id=12, date=WALK.date, title="Schilderen")
    page = staff_page(make_window, FakePhotoPosting(), photos, (WALK, later))
    assert page.activity == later


def test_without_activities_nothing_is_chosen(qtbot, make_window) -> None:
    posting = FakePhotoPosting()
    page = staff_page(make_window, posting, FakePhotos(), ())
    assert page.activity is None and not page.list.currentIndex().isValid()
    assert not [a for a in posting.asked if a[0] == "photos"]
    assert page.model.rowCount() == 0 and page.grid_note.isVisible()


def test_an_activitys_photos_show_each_ones_hearts(qtbot, make_window) -> None:
    posting, photos = FakePhotoPosting(), FakePhotos()
    page = staff_page(make_window, posting, photos)
    assert page.activity == WALK and page.list.currentIndex().row() == 0
    assert ("photos", WALK.id) in posting.asked
    posting.activityPhotosLoaded.emit(WALK.id, [a_photo(1, heart_count=3),
                                                a_photo(2, heart_count=0)])
    model = page.model
    assert model.is_heading(0) and model.index(0).data() == "Herfstwandeling"
    assert [model.photo_at(r).heart_count for r in (1, 2)] == [3, 0]
    assert model.index(1).data(Qt.ItemDataRole.AccessibleTextRole).endswith("hearts: 3")
    assert page.grid_note.isHidden()
    # The grid asks for the thumbnails it paints, through the photos service.
    qtbot.waitUntil(lambda: {p.id for p, _r in photos.wanted} == {1, 2})
    assert {r for _p, r in photos.wanted} == {Rendition.THUMBNAIL}

    page.open_row(1)
    viewer = page.viewer
    qtbot.waitExposed(viewer)
    assert viewer.hearts_label.isVisible() and viewer.hearts_label.text() == "♥ 3"
    assert "3" in viewer.hearts_label.accessibleName()
    assert viewer.heart_button.isHidden()  # staff count hearts, they do not give them
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.hearts_label.text() == "♥ 0"
    qtbot.keyClick(viewer, Qt.Key.Key_H)
    assert photos.hearts == []


def test_with_hearts_off_no_heart_is_shown(qtbot, make_window) -> None:
    posting, photos = FakePhotoPosting(), FakePhotos()
    page = staff_page(make_window, posting, photos)
    page.show_activity(MUSIC)
    posting.activityPhotosLoaded.emit(MUSIC.id, [a_photo(5, activity_id=MUSIC.id)])
    assert page.model.photo_at(1).heart_count is None
    assert "heart" not in page.model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    page.open_row(1)
    qtbot.waitExposed(page.viewer)
    assert page.viewer.hearts_label.isHidden() and page.viewer.heart_button.isHidden()


def test_the_last_chosen_activity_wins_and_an_empty_one_says_so(qtbot, make_window) -> None:
    posting, photos = FakePhotoPosting(), FakePhotos()
    page = staff_page(make_window, posting, photos)
    page.show_activity(WALK)
    page.show_activity(MUSIC)
    posting.activityPhotosLoaded.emit(WALK.id, [a_photo(1, heart_count=1)])  # too late
    assert page.model.rowCount() == 0
    posting.activityPhotosLoaded.emit(MUSIC.id, [])
    assert "no photos yet" in page.grid_note.text() and page.grid_note.isVisible()
    # After a batch was posted, the numbers and the grid are asked again.
    posting.asked.clear()
    posting.batchEnded.emit()
    assert ("activities",) in posting.asked and ("photos", MUSIC.id) in posting.asked
    posting.activitiesLoaded.emit([WALK, replace(MUSIC, photo_count=3)])
    assert page.activity.id == MUSIC.id
