"""The Berichten page as a parent and as staff use it: the inbox with unread counts, the
thread with day separators, read marker and "being sent", Ctrl+Enter, drafts per
conversation, attachments, and the count in the navigation."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from message_fakes import FakeMessages
from message_samples import LETTER, conversation, inbox, message
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QStyleOptionViewItem
from view_fakes import FakeAccount, FakeSession, parent_profile

from desktop.api.messages.records import MessageDraft
from desktop.api.profile.records import Role
from desktop.models.messages.conversations import ConversationsModel
from desktop.models.messages.thread import RowKind, ThreadModel
from desktop.services.messages.service import QueuedMessage
from desktop.views.messages.new_conversation import recipients
from desktop.views.messages.page import MessagesPage


@pytest.fixture
def service() -> FakeMessages:
    fake = FakeMessages(inbox(conversation(1, "Knuffel", unread=2, minutes=10),
                              conversation(2, "Slaapje", minutes=5)))
    fake.threads[1] = [message(1, "Mag de knuffel mee?", mine=True, day=1),
                       message(2, "Natuurlijk!", day=2), message(3, "Zie www.voorbeeld.nl")]
    return fake


@pytest.fixture
def page(qtbot, service) -> MessagesPage:
    page = MessagesPage(service, staff=False, profile=parent_profile())
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def choose(page: MessagesPage, row: int) -> None:
    page.list.setCurrentIndex(page.conversations.index(row))


def test_the_inbox_shows_newest_first_with_unread_counts(page) -> None:
    model = page.conversations
    assert [model.index(r).data() for r in range(model.rowCount())] == ["Knuffel", "Slaapje"]
    assert model.index(0).data(ConversationsModel.Role.Unread) == 2
    assert model.index(0).data(ConversationsModel.Role.About) == "Emma · Zonnetjes"


def test_opening_a_conversation_shows_its_thread_by_day(page, service) -> None:
    choose(page, 0)
    assert ("open", 1) in service.calls
    model = page.thread_model
    kinds = [model.index(r).data(ThreadModel.Role.Kind) for r in range(model.rowCount())]
    assert kinds == [RowKind.DAY, RowKind.MESSAGE, RowKind.DAY, RowKind.MESSAGE,
                     RowKind.MESSAGE]
    assert page.subject.text() == "Knuffel"


def test_the_parent_sees_that_the_group_has_read_their_message(page, service) -> None:
    service.inbox = inbox(conversation(1, "Knuffel", group_read_id=1))
    choose(page, 0)
    model = page.thread_model
    statuses = [model.index(r).data(ThreadModel.Role.Status) for r in range(model.rowCount())]
    assert statuses[1] == "Read by the group"
    assert [s for s in statuses if s] == ["Read by the group"]


def test_ctrl_enter_queues_the_reply_and_clears_the_draft(qtbot, page, service) -> None:
    choose(page, 0)
    qtbot.keyClicks(page.composer.text, "Tot morgen")
    qtbot.keyClick(page.composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    sends = [c for c in service.calls if c[0] == "send"]
    assert sends == [("send", MessageDraft("Tot morgen", conversation_id=1), [])]
    assert page.composer.text.toPlainText() == ""
    assert service.drafts.get("conversation-1", "") == ""


def test_plain_enter_is_a_new_line_not_a_send(qtbot, page, service) -> None:
    choose(page, 0)
    qtbot.keyClicks(page.composer.text, "Eerste regel")
    qtbot.keyClick(page.composer.text, Qt.Key.Key_Return)
    assert not [c for c in service.calls if c[0] == "send"]
    assert page.composer.text.toPlainText() == "Eerste regel\n"


def test_the_draft_is_kept_per_conversation(qtbot, page, service) -> None:
    choose(page, 0)
    qtbot.keyClicks(page.composer.text, "Half af")
    choose(page, 1)
    assert service.drafts["conversation-1"] == "Half af"
    assert page.composer.text.toPlainText() == ""
    choose(page, 0)
    assert page.composer.text.toPlainText() == "Half af"


def test_a_message_that_cannot_be_queued_keeps_its_text(qtbot, page, service) -> None:
    choose(page, 0)
    service.refuse = "De schijf is vol."
    qtbot.keyClicks(page.composer.text, "Belangrijk")
    page.composer.submit()
    assert page.composer.text.toPlainText() == "Belangrijk"


def test_a_queued_message_shows_as_being_sent(page, service) -> None:
    service.waiting = [QueuedMessage(9, MessageDraft("Onderweg", conversation_id=1), None)]
    choose(page, 0)
    last = page.thread_model.index(page.thread_model.rowCount() - 1)
    assert (last.data(ThreadModel.Role.Kind), last.data(), last.data(ThreadModel.Role.Status)
            ) == (RowKind.QUEUED, "Onderweg", "Being sent…")


def test_a_refused_message_can_be_removed(page, service) -> None:
    service.waiting = [QueuedMessage(9, MessageDraft("Te lang", conversation_id=1),
                                     "Het portaal weigerde dit.")]
    choose(page, 0)
    page.thread.setCurrentIndex(page.thread_model.index(page.thread_model.rowCount() - 1))
    page.findChild(QPushButton, "removeRefused").click()
    assert ("discard", 9) in service.calls


def test_an_attachment_is_opened_through_the_service(qtbot, page, service) -> None:
    service.threads[1] = [message(1, "Zie bijlage", attachments=[LETTER])]
    choose(page, 0)
    page.thread.setCurrentIndex(page.thread_model.index(1))
    button = page.findChild(QPushButton, "openAttachment")
    assert button.text() == "Open brief.pdf"
    button.click()
    assert ("fetch", LETTER) in service.calls


def test_staff_see_unanswered_first_and_filter_by_group(qtbot) -> None:
    service = FakeMessages(inbox(
        conversation(1, "Beantwoord", minutes=50),
        conversation(2, "Wacht al lang", answered=False, minutes=1),
        conversation(3, "Wacht net", answered=False, minutes=40),
        conversation(4, "Vossen", answered=False, group_id=5, group="Vossen", minutes=30)))
    page = MessagesPage(service, staff=True)
    qtbot.addWidget(page)
    model = page.conversations
    subjects = [model.index(r).data() for r in range(model.rowCount())]
    assert subjects == ["Wacht al lang", "Vossen", "Wacht net", "Beantwoord"]
    assert not page.new_button.isVisibleTo(page)
    page.group_filter.setCurrentIndex(page.group_filter.findData(5))
    assert [model.index(r).data() for r in range(model.rowCount())] == ["Vossen"]


def test_staff_close_a_conversation(qtbot) -> None:
    service = FakeMessages(inbox(conversation(1, "Knuffel")))
    page = MessagesPage(service, staff=True)
    qtbot.addWidget(page)
    page.show()
    choose(page, 0)
    assert page.close_button.isVisible()
    page.close_button.click()
    assert ("close", 1) in service.calls


def test_recipients_are_the_childrens_current_groups() -> None:
    profile = parent_profile()
    found = recipients(profile, profile.children[0].contracts[0].start_date)
    assert found and all(" – " in r.label for r in found)
    assert recipients(None, profile.children[0].contracts[0].start_date) == []


def test_the_navigation_counts_unread_messages(make_window) -> None:
    service = FakeMessages()
    window = make_window(FakeSession(FakeAccount(role=Role.PRIMARY_PARENT)), messages=service)
    row = window.sections.row_of("messages")
    service.set_inbox(inbox(conversation(1, "Knuffel", unread=3)))
    assert window.sections.index(row).data() == "Messages (3)"
    service.set_inbox(inbox(conversation(1, "Knuffel")))
    assert window.sections.index(row).data() == "Messages"


def test_a_dropped_file_is_attached(qtbot, page, tmp_path: Path) -> None:
    choose(page, 0)
    file = tmp_path / "foto.png"
    file.write_bytes(b"\x89PNG\r\n\x1a\n")
    page.composer.text.filesDropped.emit([file])
    assert page.composer.files == [file]


def test_the_status_bar_says_when_updates_are_not_live(make_window) -> None:
    from live_fakes import FakeLive
    from PySide6.QtWidgets import QLabel

    live = FakeLive(connected=True)
    window = make_window(FakeSession(FakeAccount(role=Role.PRIMARY_PARENT)), live=live)
    status = window.statusBar().findChild(QLabel, "liveStatus")
    assert status.text() == ""
    live.set_connected(False)
    assert "every few minutes" in status.text()
    live.set_connected(True)
    assert status.text() == ""


def test_scrolling_to_the_top_brings_older_messages_and_keeps_the_place(page, service,
                                                                        qtbot) -> None:
    start = message(1, "", day=1).sent_at
    service.threads[1] = [replace(message(n, f"Bericht {n}"), id=n,
                                  sent_at=start + timedelta(hours=n)) for n in range(1, 301)]
    choose(page, 0)
    bar = page.thread.verticalScrollBar()
    assert page.thread_model.older_hidden and bar.value() == bar.maximum()
    first_shown = page.thread_model.rowCount()
    bar.setValue(bar.minimum() + bar.pageStep() + 1)  # more than a page from the top
    assert page.thread_model.rowCount() == first_shown
    def top_row() -> object:
        index = page.thread.indexAt(QPoint(page.thread.viewport().width() // 2, 4))
        return index.data(ThreadModel.Role.RowKey)
    before = top_row()
    bar.setValue(bar.minimum() + bar.pageStep())  # a page from it: the older ones come in
    assert page.thread_model.rowCount() > first_shown
    # The row that was at the top still is: the older ones came in above it.
    assert before is not None and top_row() == before
    while page.thread_model.older_hidden:
        bar.setValue(bar.minimum())
    ids = [page.thread_model.index(r).data(ThreadModel.Role.MessageId)
           for r in range(page.thread_model.rowCount())]
    assert [i for i in ids if i is not None] == list(range(1, 301))


def bubble_sides(page: MessagesPage) -> dict[str, str]:
    """Each message's author and whether its bubble is drawn at the left or the right."""
    sides = {}
    middle = page.thread.viewport().width() // 2
    for row in range(page.thread_model.rowCount()):
        index = page.thread_model.index(row)
        if index.data(ThreadModel.Role.Kind) != RowKind.MESSAGE:
            continue
        option = QStyleOptionViewItem()
        option.rect = page.thread.visualRect(index)
        bubble = page.delegate.bubble(option, index)
        sides[index.data(ThreadModel.Role.Author)] = \
            "right" if bubble.center().x() > middle else "left"
    return sides


@pytest.mark.parametrize("staff", [False, True])
def test_both_parents_are_on_the_familys_side_and_the_team_on_the_other(qtbot, staff) -> None:
    service = FakeMessages(inbox(conversation(1, "Knuffel")))
    service.threads[1] = [message(1, "Mag de knuffel mee?", mine=not staff),
                          message(2, "Ik breng hem vrijdag", from_family=True,
                                  author="Thomas de Vries"),
                          message(3, "Natuurlijk!", mine=staff),
                          message(4, "Ik zet hem in haar bakje", author="Joost Bakker")]
    page = MessagesPage(service, staff=staff, profile=None if staff else parent_profile())
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    choose(page, 0)
    family, team = ("left", "right") if staff else ("right", "left")
    assert bubble_sides(page) == {"Sanne de Vries": family, "Thomas de Vries": family,
                                  "Fatima El Amrani": team, "Joost Bakker": team}


def test_the_open_conversation_is_on_screen_only_while_the_window_is_in_front(
        qtbot, page, service) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    choose(page, 0)
    assert service.on_screen and ("open", 1) in service.calls
    page.showMinimized()
    qtbot.waitUntil(lambda: not service.on_screen)
    page.showNormal()
    page.activateWindow()
    qtbot.waitUntil(lambda: service.on_screen)
    page.hide()
    assert not service.on_screen


def test_behind_the_lock_or_another_section_the_open_conversation_is_not_on_screen(
        qtbot, make_window) -> None:
    service = FakeMessages(inbox(conversation(1, "Knuffel", unread=1)))
    window = make_window(FakeSession(FakeAccount(role=Role.PRIMARY_PARENT), shared_pc=True),
                         messages=service)
    window.show_section("messages")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    choose(window.page("messages"), 0)
    assert service.on_screen
    window._lock()
    assert not service.on_screen
    window._unlock()
    assert service.on_screen
    window.show_section("news")
    assert not service.on_screen
    window.show_section("messages")
    assert service.on_screen
