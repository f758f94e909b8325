"""Messages against the real portal server (docs/api.md, "Messages"): a parent writes, the
group's staff answer from another app, and the parent's app shows the reply without being
asked to; a message written while the portal is down is sent exactly once after both come
back."""

from __future__ import annotations

from reliability_kit import emma, sign_in, stop_server
from test_desktop_e2e import PASSWORD, SANNE

from desktop.api.client import PortalClient
from desktop.api.messages.records import MessageDraft

FATIMA = "fatima.elamrani@voorbeeld.nl"


def staff_sign_in(qtbot, services, url: str) -> None:
    with qtbot.waitSignal(services.session.loggedIn, timeout=20_000):
        services.session.login(url, FATIMA, PASSWORD, False)


def server_bodies(run, url: str, subject: str) -> list[str]:
    """The messages the portal holds in Sanne's conversation ``subject``, oldest first."""
    async def fetch() -> list[str]:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            found = [c for c in (await client.messages.inbox()).conversations
                     if c.subject == subject]
            return [m.body for m in await client.messages.messages(found[0].id)] if found \
                else []
    return run(fetch())


def test_a_staff_reply_reaches_the_parents_app_by_itself(qtbot, portal_server, make_container,
                                                         tmp_path):
    sanne = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, sanne, portal_server.url)
    sanne.messages.set_poll_interval(300)
    with qtbot.waitSignal(sanne.messages.sent, timeout=20_000) as sent:
        sanne.messages.send(MessageDraft("Mag Emma haar knuffel meenemen?",
                                         child_id=emma(sanne), subject="Knuffel"), [])
    conversation = sent.args[1].conversation
    assert (conversation.group_name, conversation.unread) == ("Zonnetjes", 0)

    fatima = make_container(data=tmp_path / "fatima")
    staff_sign_in(qtbot, fatima, portal_server.url)
    qtbot.waitUntil(lambda: fatima.messages.conversation(conversation.id) is not None,
                    timeout=20_000)
    assert fatima.messages.conversation(conversation.id).unread == 1
    with qtbot.waitSignal(fatima.messages.sent, timeout=20_000):
        fatima.messages.send(MessageDraft("Natuurlijk!", conversation_id=conversation.id), [])

    # Nobody touches Sanne's app: it finds the reply and notifies her, naming who wrote.
    with qtbot.waitSignal(sanne.notifications.notify, timeout=20_000,
                          check_params_cb=lambda n: n.item.id == conversation.id) as told:
        pass
    notification = told.args[0]
    assert (notification.category, notification.private) == ("messages", False)
    assert notification.item.last_message_author_name == "Fatima El Amrani"
    assert notification.item.unread == 1 and notification.item.answered
    assert sanne.notifications.unread[0] >= 1
    sanne.messages.open(conversation.id)
    sanne.messages.set_thread_on_screen(True)  # what the page says while she looks at it
    qtbot.waitUntil(lambda: [m.body for m in sanne.messages.thread(conversation.id) or []] == [
        "Mag Emma haar knuffel meenemen?", "Natuurlijk!"], timeout=20_000)
    qtbot.waitUntil(lambda: sanne.messages.conversation(conversation.id).unread == 0,
                    timeout=20_000)


def test_a_message_written_offline_is_sent_once_after_both_restart(
        qtbot, portal_server, make_container, run, tmp_path):
    first = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, first, portal_server.url)
    child = emma(first)
    stop_server(qtbot, portal_server)
    first.messages.send(MessageDraft("Emma is vandaag jarig!", child_id=child,
                                     subject="Verjaardag"), [])
    qtbot.waitUntil(lambda: len(first.messages.queued(None)) == 1, timeout=20_000)
    assert first.messages.queued(None)[0].draft.body == "Emma is vandaag jarig!"
    run(first.aclose())  # the app is closed while it waits

    portal_server.start()
    second = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, second, portal_server.url)
    qtbot.waitUntil(lambda: second.messages.queued(None) == [], timeout=30_000)
    assert server_bodies(run, portal_server.url, "Verjaardag") == ["Emma is vandaag jarig!"]


def test_the_news_of_the_childs_group_reaches_the_parents_app(qtbot, portal_server,
                                                              make_container, tmp_path):
    sanne = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, sanne, portal_server.url)
    qtbot.waitUntil(lambda: sanne.news.news is not None, timeout=20_000)
    before = sanne.news.unread
    assert [n.title for n in sanne.news.news.items][:1] == ["Deze week bij de Zonnetjes"]
    sanne.news.mark_read(sanne.news.news.items[0].id)
    qtbot.waitUntil(lambda: sanne.news.unread == before - 1, timeout=20_000)
    assert sanne.news.news.items[0].read


def test_the_event_stream_brings_a_reply_and_a_decision_without_polling(
        qtbot, portal_server, make_container, run, tmp_path):
    thomas = make_container(data=tmp_path / "thomas")
    with qtbot.waitSignal(thomas.session.loggedIn, timeout=20_000):
        thomas.session.login(portal_server.url, "thomas.devries@voorbeeld.nl", PASSWORD, False)
    thomas.messages.set_poll_interval(600_000)  # only the stream can bring it in time
    qtbot.waitUntil(lambda: thomas.live.connected, timeout=20_000)
    qtbot.waitUntil(lambda: thomas.messages.inbox is not None, timeout=20_000)
    conversation = next(c for c in thomas.messages.inbox.conversations
                        if c.subject == "Vrijdag haalt opa Emma op")

    fatima = make_container(data=tmp_path / "fatima")
    staff_sign_in(qtbot, fatima, portal_server.url)
    with qtbot.waitSignal(thomas.messages.replyArrived, timeout=15_000,
                          check_params_cb=lambda c: c.id == conversation.id):
        fatima.messages.send(MessageDraft("Prima, tot vrijdag!",
                                          conversation_id=conversation.id), [])

    # A decision on the family's request reaches Thomas's computer, which never saw it
    # pending (the location manager decides the demo's pending requests).
    manager = make_container(data=tmp_path / "manager")
    with qtbot.waitSignal(manager.session.loggedIn, timeout=20_000):
        manager.session.login(portal_server.url, "manager@voorbeeld.nl", PASSWORD, False)
    manager.pending_requests.load()
    qtbot.waitUntil(lambda: bool(manager.pending_requests.pending), timeout=20_000)
    request = next(r for r in manager.pending_requests.pending
                   if r.child_name.startswith(("Emma", "Daan")))
    with qtbot.waitSignal(thomas.extra_days.decisionsArrived, timeout=15_000) as told:
        manager.pending_requests.reject(request.id, "Helaas vol")
    assert [r.id for r in told.args[0]] == [request.id]


def test_with_the_portal_stopped_the_parent_reads_the_threads_and_writes_once(
        qtbot, portal_server, make_container, run, tmp_path):
    first = make_container(data=tmp_path / "sanne")
    with qtbot.waitSignal(first.session.loggedIn, timeout=20_000):
        first.session.login(portal_server.url, SANNE, PASSWORD, True)  # remembered
    qtbot.waitUntil(lambda: first.messages.inbox is not None, timeout=20_000)
    # A conversation Sanne never opened on this computer: the sync kept it all the same.
    conversation = next(c for c in first.messages.inbox.conversations
                        if c.subject == "Vrijdag haalt opa Emma op")
    qtbot.waitUntil(lambda: first.session.cache.threads.last_id(conversation.id)
                    == conversation.last_message_id, timeout=20_000)
    on_the_portal = server_bodies(run, portal_server.url, conversation.subject)
    run(first.aclose())

    stop_server(qtbot, portal_server)
    second = make_container(data=tmp_path / "sanne")
    with qtbot.waitSignal(second.session.loggedIn, timeout=20_000):
        second.session.resume(second.session.known_accounts()[0].key)
    # Before any sync (there is none to be had): the inbox and the thread from the cache.
    assert conversation.id in {c.id for c in second.messages.inbox.conversations}
    second.messages.open(conversation.id)
    assert [m.body for m in second.messages.thread(conversation.id)] == on_the_portal
    second.messages.send(MessageDraft("Opa komt om vier uur.",
                                      conversation_id=conversation.id), [])
    assert [q.draft.body for q in second.messages.queued(conversation.id)] == [
        "Opa komt om vier uur."]

    portal_server.start()
    second.outbox.deliver()
    qtbot.waitUntil(lambda: second.messages.queued(conversation.id) == [], timeout=30_000)
    assert server_bodies(run, portal_server.url, conversation.subject) == [
        *on_the_portal, "Opa komt om vier uur."]
