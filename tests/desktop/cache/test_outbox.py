"""Queued writes keep their order and their idempotency key until the server has them."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.cache.outbox import OutboxState
from desktop.cache.store import DB_NAME, AccountCache

NOW = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


@pytest.fixture
def cache(tmp_path: Path):
    with AccountCache.open(tmp_path / "account", clock=lambda: NOW) as account_cache:
        yield account_cache


def test_enqueued_items_are_pending_in_order(cache: AccountCache) -> None:
    first = cache.outbox.enqueue("absence", {"child_id": 1, "date": "2026-03-04"})
    second = cache.outbox.enqueue("absence", {"child_id": 2, "date": "2026-03-04"})

    pending = cache.outbox.pending()

    assert [item.id for item in pending] == [first.id, second.id]
    assert pending[0].payload == {"child_id": 1, "date": "2026-03-04"}
    assert pending[0].kind == "absence"
    assert pending[0].state is OutboxState.PENDING
    assert pending[0].created_at == NOW
    assert pending == [first, second]


def test_each_item_has_its_own_uuid_idempotency_key(cache: AccountCache) -> None:
    keys = {cache.outbox.enqueue("absence", {"n": n}).idempotency_key for n in range(5)}
    assert len(keys) == 5
    for key in keys:
        assert uuid.UUID(key).version == 4


def test_items_and_keys_survive_a_restart(tmp_path: Path) -> None:
    with AccountCache.open(tmp_path / "account") as cache:
        item = cache.outbox.enqueue("absence", {"child_id": 1})
    with AccountCache.open(tmp_path / "account") as cache:
        (again,) = cache.outbox.pending()
    assert again.idempotency_key == item.idempotency_key
    assert again.payload == item.payload


def test_delivered_items_leave_the_queue(cache: AccountCache) -> None:
    first = cache.outbox.enqueue("absence", {"child_id": 1})
    second = cache.outbox.enqueue("absence", {"child_id": 2})
    cache.outbox.mark_delivered(first.id)
    assert cache.outbox.pending() == [second]
    assert cache.outbox.get(first.id).state is OutboxState.DELIVERED
    assert cache.outbox.refused() == []


def test_refused_items_keep_the_servers_message(cache: AccountCache) -> None:
    item = cache.outbox.enqueue("absence", {"child_id": 1, "date": "2026-03-02"})
    cache.outbox.mark_refused(item.id, "Afmelden kan niet meer voor vandaag.")

    assert cache.outbox.pending() == []
    (refused,) = cache.outbox.refused()
    assert refused.refusal == "Afmelden kan niet meer voor vandaag."
    assert refused.state is OutboxState.REFUSED

    cache.outbox.discard(item.id)
    assert cache.outbox.refused() == []


def test_unknown_items_are_an_error(cache: AccountCache) -> None:
    with pytest.raises(KeyError):
        cache.outbox.mark_delivered(404)
    with pytest.raises(KeyError):
        cache.outbox.mark_refused(404, "nee")
    with pytest.raises(KeyError):
        cache.outbox.discard(404)
    with pytest.raises(KeyError):
        cache.outbox.get(404)


def test_an_item_needs_a_kind(cache: AccountCache) -> None:
    with pytest.raises(ValueError):
        cache.outbox.enqueue("", {})


def test_outbox_writes_with_full_synchronous(cache: AccountCache) -> None:
    # synchronous is per connection: read it from the outbox's own connection.
    assert cache.outbox._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_outbox_lives_in_the_account_database(cache: AccountCache) -> None:
    cache.outbox.enqueue("absence", {"child_id": 1})
    db = sqlite3.connect(cache.directory / DB_NAME)
    try:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    finally:
        db.close()
