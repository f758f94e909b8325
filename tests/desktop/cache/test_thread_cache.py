"""The messages offline (desktop/cache/threads.py): the inbox and the threads as last synced,
read back as they were; an unreadable copy is dropped, never shown half."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from message_samples import LETTER, conversation, inbox, message

from desktop.cache.store import AccountCache


@pytest.fixture
def cache(tmp_path):
    with AccountCache.open(tmp_path / "account") as opened:
        yield opened


def test_the_inbox_comes_back_as_it_was_kept(cache, tmp_path) -> None:
    assert cache.threads.inbox() is None
    kept = inbox(replace(conversation(1, "Knuffel", unread=2),
                         last_message_author_name="Fatima El Amrani"),
                 conversation(2, "Slaapje", closed=True))
    cache.threads.put_inbox(kept)
    cache.close()
    with AccountCache.open(tmp_path / "account") as again:
        assert again.threads.inbox() == kept


def test_a_thread_comes_back_oldest_first_with_its_files(cache) -> None:
    assert cache.threads.messages(1) is None and cache.threads.last_id(1) is None
    thread = [message(3, "Antwoord", day=3), message(1, "Vraag", mine=True, day=1),
              message(2, "Met brief", day=2, attachments=(LETTER,))]
    cache.threads.add_messages(1, thread)
    cache.threads.add_messages(1, [thread[0]])  # a message kept twice is there once
    assert cache.threads.messages(1) == sorted(thread, key=lambda m: m.id)
    assert cache.threads.last_id(1) == 3
    assert cache.threads.messages(2) is None  # another conversation has nothing of it


@pytest.mark.expect_log("desktop.cache.threads", "WARNING", r"unreadable cached thread 1")
def test_an_unreadable_thread_is_dropped_for_the_next_sync(cache) -> None:
    cache.threads.add_messages(1, [message(1, "Vraag")])
    with sqlite3.connect(cache.db_path) as db:
        db.execute("UPDATE message SET sent_at = 'gisteren'")
    assert cache.threads.messages(1) is None
    assert cache.threads.last_id(1) is None  # fetched whole again


def test_the_wipe_of_a_shared_pc_takes_the_threads_with_it(cache) -> None:
    cache.threads.add_messages(1, [message(1, "Vraag")])
    cache.threads.put_inbox(inbox(conversation(1, "Knuffel")))
    folder = cache.directory
    cache.wipe()
    assert not folder.exists()


def test_a_thread_reads_back_newest_first_in_steps(cache) -> None:
    thread = [message(n, f"Bericht {n}") for n in range(1, 11)]
    cache.threads.add_messages(1, thread)
    newest = cache.threads.messages(1, limit=4)
    assert [m.id for m in newest] == [7, 8, 9, 10]  # still oldest first
    older = cache.threads.messages(1, before=7, limit=4)
    assert [m.id for m in older] == [3, 4, 5, 6]
    assert [m.id for m in cache.threads.messages(1, before=3, limit=4)] == [1, 2]
    assert cache.threads.messages(1, before=1, limit=4) is None
