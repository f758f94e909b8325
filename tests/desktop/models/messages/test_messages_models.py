"""The inbox and thread models: qtmodeltester, and read as the views read them; message text
stays text (only addresses become links)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from message_samples import conversation, message

from desktop.api.messages.records import Message, MessageDraft
from desktop.models.messages.conversations import ConversationsModel
from desktop.models.messages.thread import PAGE, RowKind, ThreadModel
from desktop.services.messages.service import QueuedMessage
from desktop.views.messages.delegates import linked_html


def test_the_conversations_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ConversationsModel(staff=True)
    model.set_conversations([conversation(1, "Knuffel", unread=1),
                             conversation(2, "Slaapje", answered=False, closed=True)])
    qtmodeltester.check(model, force_py=True)
    model.set_group(5)
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_the_thread_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ThreadModel()
    model.set_thread([message(1, "Hoi", mine=True, day=1), message(2, "Dag", day=1),
                      message(3, "Morgen", day=3)],
                     [QueuedMessage(4, MessageDraft("Nog één", conversation_id=1), None)],
                     read_by_other_side=1)
    qtmodeltester.check(model, force_py=True)
    kinds = [model.index(r).data(ThreadModel.Role.Kind) for r in range(model.rowCount())]
    assert kinds == [RowKind.DAY, RowKind.MESSAGE, RowKind.MESSAGE, RowKind.DAY,
                     RowKind.MESSAGE, RowKind.QUEUED]


def test_the_read_marker_sits_on_the_last_own_message_the_other_side_read() -> None:
    model = ThreadModel()
    thread = [message(1, "Een", mine=True), message(2, "Twee", mine=True),
              message(3, "Antwoord")]
    model.set_thread(thread, read_by_other_side=1)
    marked = [model.index(r).data(ThreadModel.Role.MessageId) for r in range(model.rowCount())
              if model.index(r).data(ThreadModel.Role.Status)]
    assert marked == [1]
    model.set_thread(thread, read_by_other_side=2)
    marked = [model.index(r).data(ThreadModel.Role.MessageId) for r in range(model.rowCount())
              if model.index(r).data(ThreadModel.Role.Status)]
    assert marked == [2]
    model.set_thread(thread, read_by_other_side=0)
    assert not any(model.index(r).data(ThreadModel.Role.Status)
                   for r in range(model.rowCount()))


def test_message_text_is_escaped_and_only_addresses_become_links() -> None:
    html = linked_html("<b>vet</b> & zie https://zonnebloem.nl/nieuws. Mail info@zonnebloem.nl\n"
                       "javascript:alert(1)")
    assert "<b>" not in html and "&lt;b&gt;vet&lt;/b&gt; &amp;" in html
    assert '<a href="https://zonnebloem.nl/nieuws">https://zonnebloem.nl/nieuws</a>.' in html
    assert '<a href="mailto:info@zonnebloem.nl">' in html
    assert "<br>javascript:alert(1)" in html


def _long_thread(count: int, per_day: int = 10) -> list:
    """``count`` messages, ``per_day`` a day from 1 January 2026 on (ids 1…count)."""
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    return [Message(n, 1, "Fatima El Amrani", False, False, f"Bericht {n}",
                    start + timedelta(days=(n - 1) // per_day, minutes=n), ())
            for n in range(1, count + 1)]


def _message_ids(model: ThreadModel) -> list[int]:
    return [model.index(r).data(ThreadModel.Role.MessageId) for r in range(model.rowCount())
            if model.index(r).data(ThreadModel.Role.Kind) == RowKind.MESSAGE]


def test_a_long_thread_shows_its_newest_page_and_older_ones_on_request(qtmodeltester) -> None:
    model = ThreadModel()
    model.set_thread(_long_thread(PAGE))  # exactly one page: all of it
    assert not model.older_hidden and _message_ids(model) == list(range(1, PAGE + 1))
    model = ThreadModel()
    model.set_thread(_long_thread(PAGE + 1))  # one more than a page
    ids = _message_ids(model)
    assert model.older_hidden and ids[-1] == PAGE + 1
    # Shown from its day's separator: the page's first day is whole.
    assert model.index(0).data(ThreadModel.Role.Kind) == RowKind.DAY
    assert ids[0] == 11 and len(ids) == PAGE - 9
    qtmodeltester.check(model, force_py=True)
    assert model.show_older() == 11  # the first day: its separator and ten messages
    assert not model.older_hidden and _message_ids(model) == list(range(1, PAGE + 2))
    assert model.show_older() == 0
    qtmodeltester.check(model, force_py=True)


def test_a_new_message_keeps_the_history_that_was_shown() -> None:
    model = ThreadModel()
    thread = _long_thread(5000)
    model.set_thread(thread)
    model.show_older()
    shown = model.rowCount()
    more = _long_thread(5001)
    model.set_thread(more)
    assert model.rowCount() >= shown and _message_ids(model)[-1] == 5001
    model.set_thread([replace(m, conversation_id=2) for m in thread])  # another one
    assert len(_message_ids(model)) <= PAGE


def test_older_messages_read_in_behind_the_shown_ones_leave_the_rows_as_they_are(qtbot) -> None:
    # The reader scrolls up: the service reads older messages from the cache and the page
    # hands the longer thread in. What shows is the same: no reset (a reset lays out every
    # row of a long thread again), and the older ones come in with show_older.
    model = ThreadModel()
    thread = _long_thread(4999) + [replace(_long_thread(5000)[-1], from_family=True)]
    model.set_thread(thread[-1000:])
    shown = _message_ids(model)
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_thread(thread)
    assert _message_ids(model) == shown and model.older_hidden
    assert model.show_older() > 0 and _message_ids(model)[-len(shown):] == shown
    # The group read the parent's message: its row says so, and that resets.
    with qtbot.waitSignal(model.modelReset, timeout=100):
        model.set_thread(thread, read_by_other_side=5000)


def test_messages_are_on_the_side_of_the_family_or_the_team_not_of_who_wrote() -> None:
    # Sanne reads; Thomas (the other parent) wrote too; Fatima and Joost answered for the team.
    thread = [message(1, "Van Sanne", mine=True), message(2, "Van Thomas", from_family=True,
                                                           author="Thomas de Vries"),
              message(3, "Van Fatima"), message(4, "Van Joost", author="Joost Bakker")]
    queued = [QueuedMessage(9, MessageDraft("Onderweg", conversation_id=1), None)]

    def sides(model: ThreadModel) -> list[tuple[str, bool]]:
        return [(model.index(r).data(ThreadModel.Role.Author),
                 model.index(r).data(ThreadModel.Role.OwnSide))
                for r in range(model.rowCount())
                if model.index(r).data(ThreadModel.Role.Kind) != RowKind.DAY]

    parent = ThreadModel(family_side=True)
    parent.set_thread(thread, queued)
    assert sides(parent) == [("Sanne de Vries", True), ("Thomas de Vries", True),
                             ("Fatima El Amrani", False), ("Joost Bakker", False),
                             ("You", True)]
    # Staff (Fatima's app: her own message is "mine", Joost's is not): the mirror.
    staff_thread = [replace(m, mine=m.id == 3) for m in thread]
    staff = ThreadModel(family_side=False)
    staff.set_thread(staff_thread, queued)
    assert sides(staff) == [("Sanne de Vries", False), ("Thomas de Vries", False),
                            ("Fatima El Amrani", True), ("Joost Bakker", True), ("You", True)]
