"""The tray icon and desktop notifications (docs/architecture.md, "Notifications").

A bare X server (Xvfb, the tests' offscreen platform) has no system tray, so
``QSystemTrayIcon`` cannot be shown here: these tests hand the tray a stand-in with the same
signals and methods (``FakeTray``) — the one place where the platform is faked. That there
is no tray here, and that the app then makes none and still counts, is tested too."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from message_fakes import FakeMessages
from message_samples import conversation, inbox
from news_fakes import FakeNews
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon
from tray_fakes import FakeTray
from view_fakes import FakeAccount, FakeExtraDays, FakeSession, a_photo, extra_day_request

from desktop.api.diary.records import DiaryDay, DiaryEntry, EntryKind
from desktop.api.extra_days.records import ExtraDayStatus
from desktop.api.news.records import NewsItem, NewsList
from desktop.api.photos.records import PhotoListing
from desktop.api.profile.records import Role
from desktop.services.notifications import DECISIONS, DIARY, MESSAGES, NEWS, PHOTOS
from desktop.views.tray import TrayNotifications, section_on_screen, system_tray

Reason = QSystemTrayIcon.ActivationReason


REPLY = replace(conversation(1, "Knuffel", unread=1), last_message_author_name="Fatima El Amrani",
                last_message_preview="Natuurlijk, neem hem maar mee!")
NEWS_ITEM = NewsItem(5, "Deze week bij de Zonnetjes", "<p>Tekst</p>", "Fatima El Amrani",
                     datetime(2026, 3, 2, 8, tzinfo=UTC), ("Zonnetjes",), False, False)


@pytest.fixture
def tray_window(make_window):
    """``tray_window(shared_pc=False)``: a shown main window with its tray (a FakeTray)."""
    def make(*, shared_pc: bool = False, messages: FakeMessages | None = None,
             role: Role = Role.PRIMARY_PARENT):
        session = FakeSession(FakeAccount(role=role), shared_pc=shared_pc)
        messages = messages or FakeMessages(inbox(replace(REPLY, unread=0)))
        window = make_window(session, messages=messages, news=FakeNews(),
                             extra_days=FakeExtraDays())
        services = window._context.services
        tray = TrayNotifications.attach(services.notifications, messages, window,
                                        make_tray=FakeTray)
        assert tray is not None
        return window, services, tray
    return make


def test_this_desktop_has_no_tray_and_then_none_is_made(qapp, make_window) -> None:
    # The seam's reason: the platform the tests run on has no tray to show an icon in.
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    window = make_window()
    assert system_tray(window) is None
    services = window._context.services
    assert TrayNotifications.attach(services.notifications, services.messages, window) is None
    # The in-app count goes on without it.
    services.messages.set_inbox(inbox(REPLY))
    row = window.sections.index(window.sections.row_of("messages"))
    assert window.sections.data(row, window.sections.Role.Count) == 1


def test_a_reply_is_told_with_who_wrote_and_what(tray_window) -> None:
    _window, services, tray = tray_window()
    services.messages.replyArrived.emit(REPLY)
    assert tray.tray.messages == [("Message from Fatima El Amrani",
                                   "Knuffel: Natuurlijk, neem hem maar mee!")]


def test_the_unread_count_is_the_tooltip_and_the_badge(tray_window) -> None:
    _window, services, tray = tray_window()
    assert (tray.tray.shown, tray.count) == (True, 0)
    assert tray.tray.tooltip == "Ouderportaal: nothing unread"
    services.messages.set_inbox(inbox(replace(REPLY, unread=2)))
    services.news.set_news(NewsList((NEWS_ITEM,), 1))
    assert tray.count == 3
    assert tray.tray.tooltip == "Ouderportaal: unread messages: 2, unread news: 1"
    plain = QIcon(tray.tray.icon).pixmap(64, 64).toImage()
    services.messages.set_inbox(inbox(replace(REPLY, unread=0)))
    services.news.set_news(NewsList((replace(NEWS_ITEM, read=True),), 0))
    assert tray.count == 0
    # The badge is drawn into the icon: with a count it differs from the icon without one.
    assert tray.tray.icon.pixmap(64, 64).toImage() != plain


def test_clicking_a_message_notification_opens_the_conversation(tray_window) -> None:
    window, services, tray = tray_window()
    assert section_on_screen(window) != "messages"
    services.messages.set_inbox(inbox(REPLY))
    services.messages.replyArrived.emit(REPLY)
    tray.tray.messageClicked.emit()
    assert window.sections.key_at(window.navigation.currentIndex().row()) == "messages"
    page = window.page("messages")
    assert page.conversations.conversation_at(page.list.currentIndex().row()).id == REPLY.id
    assert ("open", REPLY.id) in services.messages.calls


def test_clicking_the_icon_opens_the_news_item_last_told(tray_window) -> None:
    window, services, tray = tray_window()
    services.news.set_news(NewsList((NEWS_ITEM,), 1))
    services.news.newsArrived.emit(NEWS_ITEM)
    assert tray.tray.messages == [("News from Fatima El Amrani", "Deze week bij de Zonnetjes")]
    tray.tray.activated.emit(Reason.Trigger)
    assert window.sections.key_at(window.navigation.currentIndex().row()) == "news"
    assert ("read", NEWS_ITEM.id) in services.news.calls  # the reader opened it


def test_a_decision_opens_the_agenda_on_its_day(tray_window, qtbot) -> None:
    window, services, tray = tray_window()
    day = date(2026, 3, 12)
    services.extra_days.decisionsArrived.emit(
        [extra_day_request(3, ExtraDayStatus.REJECTED, day, "Helaas vol")])
    assert tray.tray.messages == [("Extra day rejected", "Daan de Vries, 12 March 2026")]
    tray.tray.messageClicked.emit()
    page = window.page("agenda")
    assert window.pages.currentWidget() is page
    assert page.model.month == (2026, 3)
    assert page._selected_date() == day


def test_an_own_news_item_and_a_switched_off_category_are_not_told(tray_window) -> None:
    _window, services, tray = tray_window()
    services.news.newsArrived.emit(replace(NEWS_ITEM, mine=True))
    off = {NEWS, DECISIONS}
    services.notifications.enabled = lambda category: category not in off
    services.news.newsArrived.emit(NEWS_ITEM)
    services.extra_days.decisionsArrived.emit(
        [extra_day_request(3, ExtraDayStatus.APPROVED, date(2026, 3, 12))])
    assert tray.tray.messages == []
    services.messages.replyArrived.emit(REPLY)  # messages are still on
    assert len(tray.tray.messages) == 1
    off.discard(NEWS)
    services.news.newsArrived.emit(NEWS_ITEM)
    assert [m[0] for m in tray.tray.messages][-1] == "News from Fatima El Amrani"
    assert MESSAGES not in off


def test_the_conversation_on_screen_is_not_told_but_another_one_is(tray_window, qtbot) -> None:
    other = replace(REPLY, id=2, subject="Verjaardag")
    messages = FakeMessages(inbox(REPLY, other))
    window, services, tray = tray_window(messages=messages)
    window.show_section("messages")
    page = window.page("messages")
    page.list.setCurrentIndex(page.conversations.index(page.conversations.row_of(REPLY.id)))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert section_on_screen(window) == "messages"
    messages.replyArrived.emit(REPLY)
    assert tray.tray.messages == []
    messages.replyArrived.emit(other)
    assert [m[1].split(":")[0] for m in tray.tray.messages] == ["Verjaardag"]
    # Minimised, the open conversation is not on screen any more.
    window.showMinimized()
    qtbot.waitUntil(lambda: section_on_screen(window) is None)
    messages.replyArrived.emit(REPLY)
    assert len(tray.tray.messages) == 2


def test_nothing_is_told_behind_the_lock_and_a_click_does_not_open_it(tray_window) -> None:
    window, services, tray = tray_window(shared_pc=True)
    services.session.is_locked = True
    services.messages.replyArrived.emit(REPLY)
    services.news.newsArrived.emit(NEWS_ITEM)
    assert tray.tray.messages == []
    services.session.is_locked = False
    services.messages.replyArrived.emit(REPLY)
    services.session.is_locked = True
    window._lock()
    tray.tray.messageClicked.emit()
    assert window.is_locked
    assert ("open", REPLY.id) not in services.messages.calls


def test_a_shared_pc_says_only_that_there_is_a_new_message(tray_window) -> None:
    _window, services, tray = tray_window(shared_pc=True)
    services.messages.replyArrived.emit(REPLY)
    services.news.newsArrived.emit(NEWS_ITEM)
    services.extra_days.decisionsArrived.emit(
        [extra_day_request(3, ExtraDayStatus.APPROVED, date(2026, 3, 12))])
    assert tray.tray.messages == [("Ouderportaal", "New message")] * 3


def test_removing_the_tray_takes_the_icon_away_and_tells_nothing_more(tray_window) -> None:
    _window, services, tray = tray_window()
    fake = tray.tray
    services.messages.replyArrived.emit(REPLY)
    tray.remove()
    assert not fake.shown
    services.messages.replyArrived.emit(REPLY)
    assert len(fake.messages) == 1


TUESDAY = date(2026, 12, 1)
DIARY_DAY = DiaryDay(TUESDAY, None, None, (DiaryEntry(
    4, 1, TUESDAY, EntryKind.VERSLAG, None, "Buiten gespeeld", {}, "Fatima El Amrani", False,
    False, datetime(2026, 12, 1, 15, tzinfo=UTC), False),))


def test_a_diary_day_is_told_by_child_and_day_and_opens_the_dagboek_there(tray_window) -> None:
    window, services, tray = tray_window()
    services.diary.timelines[1] = [DIARY_DAY]
    services.diary.daysArrived.emit(1, [DIARY_DAY])
    assert tray.tray.messages == [("Diary of Emma", "Tuesday 1 December 2026")]
    tray.tray.messageClicked.emit()
    page = window.page("diary")
    assert window.pages.currentWidget() is page
    assert page.child_id() == 1
    assert page.list.currentIndex().data(page.model.DAY_ROLE).day == TUESDAY


def test_new_photos_are_told_per_activity_and_open_foto_s_there(tray_window) -> None:
    window, services, tray = tray_window()
    photos = [a_photo(n, activity_id=20, title="Schilderen") for n in (5, 6, 7)]
    listing = PhotoListing((*photos, a_photo(1)), None)
    services.photos.listing = listing
    services.photos.listingChanged.emit(listing)
    services.photos.photosArrived.emit(photos)
    services.photos.photosArrived.emit([a_photo(1)])
    assert tray.tray.messages == [("New photos", "3 new photos: Schilderen"),
                                  ("New photos", "1 new photo: Herfstwandeling")]
    tray.tray.messageClicked.emit()
    page = window.page("photos")
    assert window.pages.currentWidget() is page
    current = page.model.photo_at(page.grid.currentIndex().row())
    assert current is not None and current.activity_id == 10


def test_diary_and_photos_follow_their_category_the_lock_and_the_shared_pc(tray_window) -> None:
    _window, services, tray = tray_window(shared_pc=True)
    services.notifications.enabled = lambda category: category != PHOTOS
    services.photos.photosArrived.emit([a_photo(1)])
    assert tray.tray.messages == []
    services.session.is_locked = True
    services.diary.daysArrived.emit(1, [DIARY_DAY])
    assert tray.tray.messages == []
    services.session.is_locked = False
    services.diary.daysArrived.emit(1, [DIARY_DAY])
    services.notifications.enabled = lambda category: category != DIARY
    services.photos.photosArrived.emit([a_photo(1)])
    assert tray.tray.messages == [("Ouderportaal", "New in the diary"),
                                  ("Ouderportaal", "New photos")]


def test_staff_are_not_told_of_the_diary_or_photos(tray_window) -> None:
    _window, services, tray = tray_window(role=Role.STAFF)
    services.diary.daysArrived.emit(1, [DIARY_DAY])
    services.photos.photosArrived.emit([a_photo(1)])
    assert tray.tray.messages == []
