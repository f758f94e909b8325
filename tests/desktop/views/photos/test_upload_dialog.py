"""Staff's "Foto's plaatsen", over a fake posting service: the staff page opens it; a child
without consent is shown disabled with the reason; dropped files join the batch once; nothing
is sent before "Post"; each file's state shows; "Try again" after a file did not arrive."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from view_fakes import (
    ZONNETJES,
    FakeAccount,
    FakePhotoPosting,
    FakeProfileService,
    FakeSession,
    staff_profile,
)

from desktop.models.shared.records import Activity, Role, TaggableChild
from desktop.services.photos.posting import UploadState
from desktop.views.photos.upload_dialog import UploadDialog

WALK = Activity(10, ZONNETJES.id, date(2026, 11, 3), "Herfstwandeling", None, 0)


def staff_window(make_window, posting: FakePhotoPosting):
    window = make_window(FakeSession(FakeAccount(role=Role.STAFF), shared_pc=True),
                         FakeProfileService(staff_profile()), photo_posting=posting)
    window.show_section("photos")
    return window, window.page("photos")


def photo_files(folder: Path, *names: str) -> list[Path]:
    paths = [folder / n for n in names]
    for path in paths:
        path.write_bytes(b"\xff\xd8 photo")
    return paths


def test_the_staff_page_lists_activities_and_opens_the_dialog(qtbot, make_window) -> None:
    posting = FakePhotoPosting()
    _window, page = staff_window(make_window, posting)
    assert page.objectName() == "staffPhotosPage" and ("activities",) in posting.asked
    posting.activitiesLoaded.emit([WALK, replace(WALK, id=11, photo_count=12, heart_count=5)])
    assert page.activities.rowCount() == 2 and "Herfstwandeling" in page.activities.index(
        0).data()
    # The parents' hearts, when the organisation has them: none shown without.
    assert page.activities.index(0).data().endswith("(0)")
    assert page.activities.index(1).data().endswith("(12 · ♥ 5)")
    page.open_upload()
    qtbot.waitExposed(page.dialog)
    assert isinstance(page.dialog, UploadDialog)


def test_children_without_consent_cannot_be_chosen_and_say_why(qtbot, make_window) -> None:
    posting = FakePhotoPosting()
    dialog = UploadDialog(posting, [ZONNETJES])
    qtbot.addWidget(dialog)
    posting.activitiesLoaded.emit([WALK])
    assert ("children", WALK.id) in posting.asked
    posting.childrenLoaded.emit(WALK.id, [TaggableChild(1, "Emma", "de Vries", True),
                                          TaggableChild(2, "Noah", "Bakker", False)])
    assert dialog.chips[1].isEnabled() and not dialog.chips[2].isEnabled()
    assert "consent" in dialog.chips[2].toolTip()
    assert "Noah" in dialog.children_note.text()
    dialog.chips[1].setChecked(True)
    dialog.chips[2].setChecked(True)  # disabled: never sent
    assert dialog.chosen_children == [1]


def test_files_are_sent_only_on_post_and_each_shows_its_state(qtbot, tmp_path) -> None:
    posting = FakePhotoPosting()
    dialog = UploadDialog(posting, [ZONNETJES])
    qtbot.addWidget(dialog)
    posting.activitiesLoaded.emit([WALK])
    assert not dialog.post_button.isEnabled()  # no files yet
    first, second = photo_files(tmp_path, "a.jpg", "b.heic")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(drop)
    dialog.add_files([first])  # the same file again: once in the batch
    assert [u.path for u in posting.uploads] == [first, second]
    assert not any(a[0] == "upload" for a in posting.asked)
    assert dialog.post_button.isEnabled()
    dialog.post()
    assert ("upload", WALK.id, ()) in posting.asked
    # While a file goes out: how far it got, in the text and as a bar.
    posting.uploads[0].state, posting.uploads[0].total = UploadState.SENDING, 2000
    posting.uploads[0].sent = 900
    posting.uploadChanged.emit(0)
    assert dialog.files.index(0).data().endswith("Posting… 45 %")
    assert dialog.files.index(0).data(dialog.files.ProgressRole) == 45
    assert dialog.files.index(1).data(dialog.files.ProgressRole) is None
    posting.uploads[0].sent = 2000
    assert "the portal is preparing it" in dialog.files.index(0).data()
    dialog.file_list.grab()  # the delegate paints the bar
    posting.uploads[0].state = UploadState.DONE
    posting.uploads[1].state, posting.uploads[1].message = UploadState.FAILED, "Geen internet"
    posting.uploadChanged.emit(1)
    posting.batchEnded.emit()
    assert dialog.files.index(0).data().endswith("Posted")
    assert "Did not arrive: Geen internet" in dialog.files.index(1).data()
    assert dialog.post_button.text() == "Try again" and dialog.post_button.isEnabled()
    assert "Posted: 1." in dialog.status.text() and "Did not arrive: 1" in dialog.status.text()


def test_a_new_activity_needs_a_title(qtbot) -> None:
    posting = FakePhotoPosting()
    dialog = UploadDialog(posting, [ZONNETJES])
    qtbot.addWidget(dialog)
    posting.activitiesLoaded.emit([])
    assert dialog.new_activity_button.isChecked()  # no activity yet: make one
    dialog.create_activity()
    assert "title" in dialog.status.text()
    dialog.title_edit.setText("Herfstwandeling")
    dialog.create_activity()
    assert posting.asked[-1][0] == "create" and posting.asked[-1][1] == ZONNETJES.id
    assert posting.asked[-1][3] == "Herfstwandeling"
