""""Nieuw nieuwsbericht": only for staff and managers; the body as the portal's subset (bold,
links, paragraphs); what the dialog checks itself (boundaries of the publication moment), the
portal's field errors at their fields, no connection as a message with everything kept, and
one idempotency key for every try."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time

import pytest
from news_fakes import FakeNews
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from view_fakes import FakeAccount, FakeSession

from desktop.api.news.records import NewsItem, NewsList, Place, PublishAudiences
from desktop.api.profile.records import Role
from desktop.models.news import NewsModel
from desktop.services.shared.attachments import MAX_ATTACHMENT_BYTES
from desktop.views.news.page import NewsPage
from desktop.views.news.publish_dialog import PublishNewsDialog

NOW = datetime(2026, 3, 2, 10, 0).astimezone()
MANAGER = PublishAudiences(Place(1, "Kinderopvang Zonnebloem"),
                           (Place(3, "Zonnebloem Centrum"),),
                           (Place(7, "Regenboog", 3), Place(2, "Zonnetjes", 3)))
STAFF = PublishAudiences(None, (), (Place(2, "Zonnetjes", 3),))


@pytest.fixture
def dialog(qtbot) -> PublishNewsDialog:
    dialog = PublishNewsDialog("key-1", now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_audiences(MANAGER)
    return dialog


def check(dialog: PublishNewsDialog, label: str) -> None:
    for n in range(dialog.audience.count()):
        if dialog.audience.item(n).text() == label:
            dialog.audience.item(n).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(label)


def fill(qtbot, dialog: PublishNewsDialog) -> None:
    qtbot.keyClicks(dialog.title, "Schoolreisje")
    qtbot.keyClicks(dialog.body, "Vrijdag gaan we ")
    dialog.bold.click()
    qtbot.keyClicks(dialog.body, "naar de dierentuin")
    dialog.bold.click()
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.body, "Meer op de site")
    cursor = dialog.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 4)
    dialog.body.setTextCursor(cursor)
    dialog.link_address.setText("www.zonnebloem.nl")
    dialog.make_link.click()


def requested(qtbot, dialog: PublishNewsDialog):  # noqa: ANN201
    with qtbot.waitSignal(dialog.publishRequested, timeout=2000) as signal:
        dialog.publish_button.click()
    return signal.args


def test_the_audiences_are_offered_by_name(dialog) -> None:
    assert [dialog.audience.item(n).text() for n in range(dialog.audience.count())] == [
        "The whole organisation: Kinderopvang Zonnebloem", "Location Zonnebloem Centrum",
        "Group Regenboog", "Group Zonnetjes"]
    assert all(dialog.audience.item(n).checkState() == Qt.CheckState.Unchecked
               for n in range(dialog.audience.count()))


def test_staff_with_one_group_write_for_it_without_choosing(qtbot) -> None:
    dialog = PublishNewsDialog("key-1", now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.set_audiences(STAFF)
    assert dialog.audience.item(0).checkState() == Qt.CheckState.Checked
    assert dialog.draft().group_ids == (2,)


def test_bold_links_and_paragraphs_go_as_the_portals_subset(qtbot, dialog) -> None:
    fill(qtbot, dialog)
    check(dialog, "Group Zonnetjes")
    check(dialog, "Location Zonnebloem Centrum")
    draft, key = requested(qtbot, dialog)
    assert key == "key-1"
    assert draft.title == "Schoolreisje"
    assert draft.body == ("<p>Vrijdag gaan we <strong>naar de dierentuin</strong></p>"
                          '<p>Meer op de <a href="https://www.zonnebloem.nl">site</a></p>')
    assert (draft.organisation, draft.location_ids, draft.group_ids, draft.published_at) == (
        False, (3,), (2,), None)
    assert not dialog.publish_button.isEnabled()  # until the portal answers


def test_what_is_missing_is_said_at_its_field(qtbot, dialog) -> None:
    dialog.publish_button.click()
    assert dialog.error_text("title") == "Give the news item a title."
    assert dialog.error_text("body") == "Write the text of the news item."
    assert dialog.error_text("audience") == "Choose for whom this news is."
    dialog.link_address.setText("javascript:alert(1)")
    dialog.make_link.click()
    assert "web address" in dialog.error_text("body")


def test_a_later_publication_must_lie_in_the_future(qtbot, dialog) -> None:
    fill(qtbot, dialog)
    check(dialog, "The whole organisation: Kinderopvang Zonnebloem")
    dialog.later_choice.setChecked(True)
    dialog.later_day.set_day(NOW.date())
    dialog.later_time.setTime(dialog.later_time.time().fromString("10:00", "HH:mm"))
    dialog.publish_button.click()  # exactly now is not later
    assert dialog.error_text("published_at") == "Choose a moment in the future, or publish now."
    dialog.later_time.setTime(dialog.later_time.time().fromString("10:01", "HH:mm"))
    draft, _key = requested(qtbot, dialog)
    assert draft.published_at == datetime.combine(NOW.date(), time(10, 1)).astimezone()
    assert draft.organisation and dialog.error_text("published_at") == ""


def test_the_portals_refusal_is_shown_at_its_field_and_a_retry_has_the_same_key(
        qtbot, dialog) -> None:
    fill(qtbot, dialog)
    check(dialog, "Group Zonnetjes")
    requested(qtbot, dialog)
    dialog.refused("The data in the request is not right.",
                   {"title": "String should have at most 150 characters"})
    assert dialog.error_text("title") == "Give a title of at most 150 characters."
    assert dialog.publish_button.isEnabled()
    dialog.refused("There is no internet connection.", {})
    assert dialog.message.text() == "There is no internet connection."
    assert dialog.title.text() == "Schoolreisje"
    assert "dierentuin" in dialog.body.toPlainText()
    _draft, key = requested(qtbot, dialog)
    assert key == "key-1"


def test_only_staff_and_managers_get_the_button_and_the_dialog_follows_the_service(
        qtbot, make_window) -> None:
    news = FakeNews(NewsList((), 0))
    parent = make_window(FakeSession(FakeAccount(role=Role.PRIMARY_PARENT)), news=news)
    parent.show_section("news")
    assert not parent.page("news").new_button.isVisibleTo(parent.page("news"))
    staff = make_window(FakeSession(FakeAccount(role=Role.STAFF)), news=news)
    staff.show_section("news")
    page: NewsPage = staff.page("news")
    assert page.new_button.isVisibleTo(page)
    page.new_button.click()
    dialog = page.publish_dialog
    assert dialog is not None and ("audiences",) in news.calls
    news.audiencesChanged.emit(STAFF)
    fill(qtbot, dialog)
    dialog.publish_button.click()
    assert [c[0] for c in news.calls][-1] == "publish"
    mine = NewsItem(9, "Schoolreisje", "<p>x</p>", "Fatima El Amrani", NOW, ("Zonnetjes",),
                    True, True)
    news.set_news(NewsList((mine,), 0))
    news.published.emit(mine)
    qtbot.waitUntil(lambda: page.publish_dialog is None)
    assert page.model.item_at(page.list.currentIndex().row()).id == 9


def test_an_item_not_yet_published_says_when_it_will_be() -> None:
    model = NewsModel(now=lambda: datetime(2026, 3, 2, 9, tzinfo=UTC))
    later = NewsItem(9, "Schoolreisje", "<p>x</p>", "Fatima El Amrani",
                     datetime(2026, 3, 2, 9, 1, tzinfo=UTC), ("Zonnetjes",), True, True)
    assert "planned for" in model.meta(later)
    # At its moment it is published: no longer planned.
    assert "planned for" not in model.meta(replace(
        later, published_at=datetime(2026, 3, 2, 9, tzinfo=UTC)))


@pytest.mark.parametrize(("size", "taken"), [(MAX_ATTACHMENT_BYTES, True),
                                             (MAX_ATTACHMENT_BYTES + 1, False)])
def test_an_attachment_is_checked_when_it_is_chosen(dialog, tmp_path, size: int,
                                                    taken: bool) -> None:
    path = tmp_path / "programma.pdf"
    path.write_bytes(b"%PDF-1.4" + b"\0" * (size - 8))
    assert dialog.attachment.choose(path) is taken
    assert (dialog.draft().attachment is not None) is taken
    assert ("at most 10 MB" in dialog.error_text("attachment")) is not taken


def test_a_chosen_picture_and_attachment_go_into_the_draft_until_removed(
        dialog, tmp_path) -> None:
    picture, pdf = tmp_path / "uitje.jpg", tmp_path / "programma.pdf"
    picture.write_bytes(b"\xff\xd8\xff\xe0 a picture")
    pdf.write_bytes(b"%PDF-1.4 a folder")
    assert dialog.image.choose(picture) and dialog.attachment.choose(pdf)
    picture.unlink()  # read when chosen: moving the original afterwards loses nothing
    draft = dialog.draft()
    assert (draft.image.filename, draft.image.data) == ("uitje.jpg", b"\xff\xd8\xff\xe0 a picture")
    assert draft.attachment.filename == "programma.pdf"
    assert "programma.pdf" in dialog.attachment.name.text()
    dialog.image.remove_button.click()
    assert dialog.draft().image is None and dialog.draft().attachment is not None


def test_a_refused_file_is_said_at_its_field(dialog) -> None:
    dialog.refused("This file is not a JPEG, PNG or HEIC photo.",
                   {"image": "This file is not a JPEG, PNG or HEIC photo."})
    assert dialog.error_text("image") == "This file is not a JPEG, PNG or HEIC photo."
    assert dialog.error_text("attachment") == ""
