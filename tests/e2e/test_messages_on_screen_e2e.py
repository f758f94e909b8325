"""Messages read as a user reads them, against the real portal server: a conversation is
marked read only while it is really on screen (not while the window is minimised or another
section is in front) and when its reader comes back to it, and the parent's "Read by the
group" follows; in a family's thread both parents are on the family's side."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionViewItem
from reliability_kit import emma, sign_in
from test_desktop_e2e import PASSWORD, log_in, wait_for_main_window
from test_messages_e2e import FATIMA

from desktop.api.messages.records import MessageDraft
from desktop.models.messages.thread import RowKind, ThreadModel

THOMAS = "thomas.devries@voorbeeld.nl"


def messages_page(qtbot, window):
    window.show_section("messages")
    page = window.page("messages")
    qtbot.waitUntil(lambda: page.conversations.rowCount() > 0, timeout=20_000)
    return page


def choose(page, conversation_id: int) -> None:
    page.list.setCurrentIndex(page.conversations.index(page.conversations.row_of(
        conversation_id)))


def synced(qtbot, services) -> None:
    """One whole inbox sync of this app, after what it did before (its open thread included)."""
    with qtbot.waitSignal(services.messages.inboxChanged, timeout=20_000):
        services.messages.refresh()
    qtbot.waitUntil(lambda: not services.messages.syncing, timeout=20_000)


def navigation(window) -> str:
    return window.sections.index(window.sections.row_of("messages")).data()


def group_read_id(qtbot, parent, conversation_id: int) -> int:
    synced(qtbot, parent)
    return parent.messages.conversation(conversation_id).group_read_id


def bring_to_front(qtbot, window) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)


def test_the_group_reads_a_message_only_when_it_is_on_their_screen(
        qtbot, portal_server, make_app, make_container, tmp_path):
    sanne = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, sanne, portal_server.url)
    with qtbot.waitSignal(sanne.messages.sent, timeout=20_000) as sent:
        sanne.messages.send(MessageDraft("Mag Emma haar knuffel meenemen?",
                                         child_id=emma(sanne), subject="Knuffel"), [])
    conversation = sent.args[1].conversation

    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, FATIMA, PASSWORD)
    window = wait_for_main_window(qtbot, desktop)
    fatima = desktop.services
    page = messages_page(qtbot, window)
    qtbot.waitUntil(lambda: page.conversations.row_of(conversation.id) >= 0, timeout=20_000)

    # Minimised, the conversation is opened (a click in the taskbar's preview, say): the
    # thread is fetched, but Fatima has not seen it.
    window.showMinimized()
    qtbot.waitUntil(lambda: not page.on_screen.on_screen, timeout=10_000)
    choose(page, conversation.id)
    qtbot.waitUntil(lambda: fatima.messages.thread(conversation.id), timeout=20_000)
    synced(qtbot, fatima)
    assert fatima.messages.conversation(conversation.id).unread == 1
    unread = fatima.messages.unread  # the demo's other conversations count too
    assert navigation(window) == f"Messages ({unread})"
    assert group_read_id(qtbot, sanne, conversation.id) == 0

    # She comes back to the window: now it is read, and Sanne sees that.
    bring_to_front(qtbot, window)
    qtbot.waitUntil(lambda: fatima.messages.conversation(conversation.id).unread == 0,
                    timeout=20_000)
    assert navigation(window) == (f"Messages ({unread - 1})" if unread > 1 else "Messages")
    first_id = fatima.messages.thread(conversation.id)[-1].id
    assert group_read_id(qtbot, sanne, conversation.id) == first_id

    # Another section in front: Sanne's next message arrives in the open thread unread.
    window.show_section("overview")
    with qtbot.waitSignal(sanne.messages.sent, timeout=20_000):
        sanne.messages.send(MessageDraft("Hij heet Beer.", conversation_id=conversation.id), [])
    synced(qtbot, fatima)
    assert [m.body for m in fatima.messages.thread(conversation.id)][-1] == "Hij heet Beer."
    assert fatima.messages.conversation(conversation.id).unread == 1
    assert group_read_id(qtbot, sanne, conversation.id) == first_id
    window.show_section("messages")  # back on Berichten, the conversation still open
    qtbot.waitUntil(lambda: fatima.messages.conversation(conversation.id).unread == 0,
                    timeout=20_000)
    assert group_read_id(qtbot, sanne, conversation.id) > first_id


def test_both_parents_write_on_the_familys_side(qtbot, portal_server, make_app,
                                                make_container, tmp_path):
    thomas = make_container(data=tmp_path / "thomas")
    with qtbot.waitSignal(thomas.session.loggedIn, timeout=20_000):
        thomas.session.login(portal_server.url, THOMAS, PASSWORD, False)
    qtbot.waitUntil(lambda: thomas.profile.profile is not None, timeout=20_000)
    with qtbot.waitSignal(thomas.messages.sent, timeout=20_000) as sent:
        thomas.messages.send(MessageDraft("Ik haal Emma vrijdag eerder op.",
                                          child_id=emma(thomas), subject="Vrijdag"), [])
    conversation = sent.args[1].conversation
    fatima = make_container(data=tmp_path / "fatima")
    with qtbot.waitSignal(fatima.session.loggedIn, timeout=20_000):
        fatima.session.login(portal_server.url, FATIMA, PASSWORD, False)
    qtbot.waitUntil(lambda: fatima.messages.conversation(conversation.id) is not None,
                    timeout=20_000)
    with qtbot.waitSignal(fatima.messages.sent, timeout=20_000):
        fatima.messages.send(MessageDraft("Prima, om drie uur?",
                                          conversation_id=conversation.id), [])

    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, "sanne.devries@voorbeeld.nl", PASSWORD)
    window = wait_for_main_window(qtbot, desktop)
    bring_to_front(qtbot, window)
    page = messages_page(qtbot, window)
    qtbot.waitUntil(lambda: page.conversations.row_of(conversation.id) >= 0, timeout=20_000)
    choose(page, conversation.id)
    qtbot.waitUntil(lambda: len(desktop.services.messages.thread(conversation.id) or []) == 2,
                    timeout=20_000)
    with qtbot.waitSignal(desktop.services.messages.sent, timeout=20_000):
        page.composer.text.setPlainText("Dan ben ik er ook.")
        page.composer.submit()
    qtbot.waitUntil(lambda: page.thread_model.rowCount() >= 4, timeout=20_000)

    middle = page.thread.viewport().width() // 2
    sides = []
    for row in range(page.thread_model.rowCount()):
        index = page.thread_model.index(row)
        if index.data(ThreadModel.Role.Kind) == RowKind.MESSAGE:
            option = QStyleOptionViewItem()
            option.rect = page.thread.visualRect(index)
            right = page.delegate.bubble(option, index).center().x() > middle
            sides.append((index.data(ThreadModel.Role.Author), "right" if right else "left"))
    assert sides == [("Thomas de Vries", "right"), ("Fatima El Amrani", "left"),
                     ("Sanne de Vries", "right")]
