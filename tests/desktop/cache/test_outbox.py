"""Queued writes keep their order and their idempotency key until the portal has them, in a file
of their own — and are never lost: not to a damaged cache, not to a damaged outbox file, not to a
full disk (docs/architecture.md, "Queued writes")."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from damaged_files import DAMAGE, empty, garble_pages

from desktop.cache import outbox as outbox_module
from desktop.cache import outbox_repair
from desktop.cache.disk import DiskProblem, DiskTrouble
from desktop.cache.outbox import COPY_NAME, DB_NAME, Outbox, OutboxTooNew, WriteState
from desktop.cache.store import DB_NAME as CACHE_NAME
from desktop.cache.store import AccountCache

NOW = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
SOME_LOST = r"outbox rebuilt: \d+ writes kept, [1-9]\d* lost"
THREE = [{"child_ids": [1], "first_date": "2026-03-04", "last_date": "2026-03-04"},
         {"child_ids": [2], "first_date": "2026-03-05", "last_date": "2026-03-05"},
         {"child_ids": [1, 2], "first_date": "2026-03-09", "last_date": "2026-03-13"}]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "account"


@pytest.fixture
def box(folder: Path):
    opened = Outbox.open(folder, clock=lambda: NOW)
    yield opened
    opened.close()


def queue_three(folder: Path) -> list[str]:
    """Three queued absences, the outbox closed again; returns their keys in order."""
    box = Outbox.open(folder, clock=lambda: NOW)
    keys = [box.enqueue("absence", payload).idempotency_key for payload in THREE]
    box.close()
    return keys


def pending_keys(folder: Path) -> tuple[list[str], list]:
    box = Outbox.open(folder, clock=lambda: NOW)
    try:
        return [w.idempotency_key for w in box.pending()], box.lost()
    finally:
        box.close()


# --- the queue ------------------------------------------------------------------------------


def test_enqueued_writes_are_pending_in_order(box: Outbox) -> None:
    first = box.enqueue("absence", {"child_id": 1, "date": "2026-03-04"})
    second = box.enqueue("absence", {"child_id": 2, "date": "2026-03-04"})

    pending = box.pending()

    assert pending == [first, second]
    assert pending[0].payload == {"child_id": 1, "date": "2026-03-04"}
    assert pending[0].kind == "absence"
    assert pending[0].state is WriteState.PENDING
    assert pending[0].created_at == NOW


def test_pending_can_be_asked_per_kind(box: Outbox) -> None:
    absence = box.enqueue("absence", {"n": 1})
    message = box.enqueue("message", {"n": 2})
    assert box.pending(("absence",)) == [absence]
    assert box.pending(("message",)) == [message]
    assert box.pending() == [absence, message]


def test_each_write_has_its_own_uuid_idempotency_key(box: Outbox) -> None:
    keys = {box.enqueue("absence", {"n": n}).idempotency_key for n in range(5)}
    assert len(keys) == 5
    for key in keys:
        assert uuid.UUID(key).version == 4


def test_writes_and_keys_survive_a_restart(folder: Path) -> None:
    keys = queue_three(folder)
    assert pending_keys(folder) == (keys, [])


def test_delivered_writes_leave_the_queue(box: Outbox) -> None:
    first = box.enqueue("absence", {"child_id": 1})
    second = box.enqueue("absence", {"child_id": 2})
    box.mark_delivered(first.id)
    assert box.pending() == [second]
    assert box.refused() == []
    with pytest.raises(KeyError):
        box.get(first.id)


def test_refused_writes_keep_the_portals_message(box: Outbox) -> None:
    write = box.enqueue("absence", {"child_id": 1, "date": "2026-03-02"})
    box.mark_refused(write.id, "Afmelden kan niet meer voor vandaag.")

    assert box.pending() == []
    (refused,) = box.refused()
    assert refused.refusal == "Afmelden kan niet meer voor vandaag."
    assert refused.state is WriteState.REFUSED

    box.discard(write.id)
    assert box.refused() == []


def test_unknown_writes_are_an_error(box: Outbox) -> None:
    for change in (box.mark_delivered, lambda i: box.mark_refused(i, "nee"), box.discard,
                   box.get):
        with pytest.raises(KeyError):
            change(404)


def test_a_write_needs_a_kind(box: Outbox) -> None:
    with pytest.raises(ValueError):
        box.enqueue("", {})


def test_the_outbox_writes_with_full_synchronous_and_a_rollback_journal(box: Outbox) -> None:
    # Both are per connection: read them from the outbox's own connection.
    assert box._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # One file at rest, and readable on a full disk (WAL needs room for its -shm file).
    assert box._conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_the_outbox_has_its_own_file_not_a_table_in_the_cache(folder: Path) -> None:
    with AccountCache.open(folder) as cache:
        cache.outbox.enqueue("absence", {"child_id": 1})
    db = sqlite3.connect(folder / CACHE_NAME)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()
    assert "outbox" not in tables
    assert pending_keys(folder)[0] != []


def test_every_change_is_in_the_copy_too(box: Outbox) -> None:
    first = box.enqueue("absence", THREE[0])
    second = box.enqueue("absence", THREE[1])
    box.mark_refused(second.id, "Nee")
    copy = outbox_repair.read_copy(box.copy_path)
    assert not copy.damaged
    assert [(e["key"], e["state"]) for e in copy.writes] == [
        (first.idempotency_key, "pending"), (second.idempotency_key, "refused")]
    box.mark_delivered(first.id)
    assert [e["key"] for e in outbox_repair.read_copy(box.copy_path).writes] == [
        second.idempotency_key]


# --- damage ---------------------------------------------------------------------------------


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_outbox_gives_back_all_three_writes(folder: Path, damage) -> None:
    keys = queue_three(folder)
    damage(folder / DB_NAME)

    assert pending_keys(folder) == (keys, [])
    aside = [p.name for p in folder.iterdir() if p.name.startswith(DB_NAME + ".damaged-")]
    if damage is not empty:  # an empty file is set aside too, but was nothing to keep
        assert aside  # never deleted: support may want to look at it
    # Rebuilt for good: the next start has nothing to repair.
    assert pending_keys(folder) == (keys, [])


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
def test_a_missing_outbox_file_is_rebuilt_from_its_copy(folder: Path) -> None:
    keys = queue_three(folder)
    (folder / DB_NAME).unlink()
    assert pending_keys(folder) == (keys, [])


def test_a_damaged_copy_is_written_again_from_the_database(folder: Path) -> None:
    keys = queue_three(folder)
    (folder / COPY_NAME).write_bytes(b"\x00\xff" * 100)
    assert pending_keys(folder) == (keys, [])
    copy = outbox_repair.read_copy(folder / COPY_NAME)
    assert not copy.damaged and [e["key"] for e in copy.writes] == keys


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.expect_log("desktop.cache.outbox_repair", "WARNING", SOME_LOST)
def test_a_write_neither_file_gives_back_is_told_by_what_is_left(folder: Path) -> None:
    keys = queue_three(folder)
    (folder / COPY_NAME).unlink()  # the copy is gone as well
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("UPDATE queued_write SET payload = '{\"child_ids\": [2], \"first_da' WHERE id = 2")
    db.commit()
    db.close()

    pending, lost = pending_keys(folder)

    assert pending == [keys[0], keys[2]]
    assert [(w.kind, w.created_at, w.payload) for w in lost] == [("absence", NOW, None)]


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.expect_log("desktop.cache.outbox_repair", "WARNING", SOME_LOST)
def test_when_both_copies_are_damaged_the_unknown_loss_is_still_told(folder: Path) -> None:
    keys = queue_three(folder)
    garble_pages(folder / DB_NAME)
    copy = (folder / COPY_NAME).read_bytes().split(b"\n")
    copy[2] = b"{\"kind\": \"absence\", \"payl\x00\xff"
    (folder / COPY_NAME).write_bytes(b"\n".join(copy))

    pending, lost = pending_keys(folder)

    assert pending == [keys[0], keys[2]]
    assert [(w.kind, w.payload) for w in lost] == [(None, None)]


@pytest.mark.expect_log("desktop.cache.outbox", "WARNING", r"outbox.sqlite3 is damaged")
@pytest.mark.expect_log("desktop.cache.outbox_repair", "WARNING", SOME_LOST)
def test_lost_writes_are_kept_until_forgotten(folder: Path) -> None:
    queue_three(folder)
    (folder / COPY_NAME).unlink()
    empty(folder / DB_NAME)
    (folder / COPY_NAME).write_bytes(b"garbage")
    box = Outbox.open(folder, clock=lambda: NOW)
    (lost,) = box.lost()
    box.close()
    box = Outbox.open(folder, clock=lambda: NOW)
    assert [w.id for w in box.lost()] == [lost.id]
    box.forget_lost([lost.id])
    assert box.lost() == []
    box.close()


@pytest.mark.expect_log("desktop.cache.store", "WARNING", r"unreadable account cache set aside")
def test_a_damaged_cache_does_not_take_the_queue_with_it(folder: Path) -> None:
    with AccountCache.open(folder) as cache:
        keys = [cache.outbox.enqueue("absence", p).idempotency_key for p in THREE]
    (folder / CACHE_NAME).write_bytes(b"\x00garbage\xff" * 500)
    with AccountCache.open(folder, recover=True) as cache:
        assert [w.idempotency_key for w in cache.outbox.pending()] == keys


def test_an_outbox_of_a_newer_app_is_left_alone(folder: Path) -> None:
    queue_three(folder)
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = (folder / DB_NAME).read_bytes()
    with pytest.raises(OutboxTooNew):
        Outbox.open(folder)
    assert (folder / DB_NAME).read_bytes() == before


# --- a full disk is not damage ---------------------------------------------------------------


class _Refusing:
    """A connection whose writes the disk refuses (reads still work)."""

    def __init__(self, db: sqlite3.Connection, error: sqlite3.Error) -> None:
        self._db = db
        self._error = error

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise self._error
        return self._db.execute(sql, *args)

    def close(self) -> None:
        self._db.close()


def sqlite_full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL, as SQLite sets it
    return error


def test_disk_full_at_start_sets_nothing_aside_and_keeps_every_write(folder: Path,
                                                                      monkeypatch) -> None:
    keys = queue_three(folder)
    before = sorted(p.name for p in folder.iterdir())
    real_connect = sqlite3.connect

    def full(*args, **kwargs):
        raise sqlite_full()

    monkeypatch.setattr(outbox_module.sqlite3, "connect", full)
    with pytest.raises(DiskProblem) as caught:
        AccountCache.open(folder, recover=True)
    assert caught.value.trouble is DiskTrouble.FULL
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing set aside

    monkeypatch.setattr(outbox_module.sqlite3, "connect", real_connect)  # space freed
    with AccountCache.open(folder, recover=True) as cache:
        assert [w.idempotency_key for w in cache.outbox.pending()] == keys


def test_an_outbox_another_app_holds_locked_is_not_taken_for_damage(folder: Path,
                                                                     monkeypatch) -> None:
    # A second copy of the app with the same account open: "database is locked" is neither
    # the disk nor damage, so the queue is left exactly as it is.
    keys = queue_three(folder)
    before = sorted(p.name for p in folder.iterdir())
    holder = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    real_connect = sqlite3.connect
    monkeypatch.setattr(outbox_module.sqlite3, "connect",
                        lambda *args, **kwargs: real_connect(*args, **kwargs, timeout=0.05))
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        Outbox.open(folder, clock=lambda: NOW)
    holder.execute("ROLLBACK")
    holder.close()
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing set aside
    assert pending_keys(folder) == (keys, [])


def test_a_write_the_disk_refuses_is_not_queued_and_says_why(box: Outbox) -> None:
    first = box.enqueue("absence", THREE[0])
    box._db = _Refusing(box._db, sqlite_full())
    with pytest.raises(DiskProblem) as caught:
        box.enqueue("absence", THREE[1])
    assert caught.value.trouble is DiskTrouble.FULL
    assert box.pending() == [first]


def test_a_refused_copy_refuses_the_write_before_the_database_has_it(box: Outbox,
                                                                       monkeypatch) -> None:
    first = box.enqueue("absence", THREE[0])

    def full(path: Path, data: bytes) -> None:
        raise DiskProblem(DiskTrouble.FULL, path, "No space left on device")

    monkeypatch.setattr(outbox_repair, "write_atomically", full)
    with pytest.raises(DiskProblem):
        box.enqueue("absence", THREE[1])
    assert box.pending() == [first]


def test_a_write_the_database_refused_is_not_resurrected_from_the_copy(folder: Path) -> None:
    box = Outbox.open(folder, clock=lambda: NOW)
    first = box.enqueue("absence", THREE[0])
    box._db = _Refusing(box._db, sqlite_full())
    with pytest.raises(DiskProblem):
        box.enqueue("absence", THREE[1])  # the copy already had it
    box.close()
    assert pending_keys(folder) == ([first.idempotency_key], [])


def test_a_delivery_the_copy_could_not_record_still_stands(box: Outbox, monkeypatch) -> None:
    first = box.enqueue("absence", THREE[0])

    def full(path: Path, data: bytes) -> None:
        raise DiskProblem(DiskTrouble.FULL, path, "No space left on device")

    monkeypatch.setattr(outbox_repair, "write_atomically", full)
    box.mark_delivered(first.id)
    assert box.pending() == []
