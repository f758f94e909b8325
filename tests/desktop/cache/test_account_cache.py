"""The per-account offline store: profile, last sync, schema migrations, corruption."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.api.profile.records import Profile
from desktop.cache.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    AccountCache,
    CacheCorrupt,
    CacheTooNew,
)

ME = {
    "user": {
        "id": 3,
        "email": "sanne.devries@voorbeeld.nl",
        "name": "Sanne de Vries",
        "phone": "06 12345678",
        "role": "primary_parent",
    },
    "family": {"id": 1, "name": "Familie De Vries", "primary_parent_name": "Sanne de Vries"},
    "children": [
        {
            "id": 1,
            "first_name": "Emma",
            "last_name": "de Vries",
            "date_of_birth": "2023-04-12",
            "photo_consent": {"portal": True, "website": False, "social_media": False},
            "contracts": [
                {
                    "id": 1,
                    "group_id": 2,
                    "care_type": "KDV",
                    "start_date": "2024-01-01",
                    "end_date": None,
                }
            ],
        },
    ],
    "groups": [{"id": 2, "name": "Zonnetjes", "care_type": "KDV", "location_id": 1}],
    "locations": [
        {
            "id": 1,
            "name": "Zonnebloem Centrum",
            "address": "Stratumseind 12",
            "postal_code": "5611 ET",
            "city": "Eindhoven",
            "phone": "040 - 123 45 67",
            "email": "centrum@zonnebloem.nl",
            "lrk_numbers": {"KDV": "123456789"},
        }
    ],
    "access_until": None,
}
PROFILE = Profile.from_json(ME)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "accounts" / "0123456789abcdef0123"


def test_a_new_cache_is_empty(folder: Path) -> None:
    with AccountCache.open(folder) as cache:
        assert cache.profile() is None
        assert cache.last_synced() is None
    assert (folder / DB_NAME).is_file()


def test_profile_survives_closing_and_reopening(folder: Path) -> None:
    with AccountCache.open(folder) as cache:
        cache.put_profile(PROFILE)
    with AccountCache.open(folder) as cache:
        assert cache.profile() == PROFILE


def test_a_newer_profile_replaces_the_old_one(folder: Path) -> None:
    renamed = Profile.from_json({**ME, "user": {**ME["user"], "name": "Sanne van Dijk"}})
    with AccountCache.open(folder) as cache:
        cache.put_profile(PROFILE)
        cache.put_profile(renamed)
        assert cache.profile().user.name == "Sanne van Dijk"


def test_last_synced_is_remembered_with_its_offset(folder: Path) -> None:
    amsterdam = timezone(timedelta(hours=1))
    when = datetime(2026, 3, 2, 10, 15, tzinfo=amsterdam)
    with AccountCache.open(folder) as cache:
        cache.mark_synced(when)
    with AccountCache.open(folder) as cache:
        assert cache.last_synced() == when
        assert cache.last_synced().utcoffset() == timedelta(hours=1)


def test_naive_sync_times_are_refused(folder: Path) -> None:
    with AccountCache.open(folder) as cache, pytest.raises(ValueError):
        cache.mark_synced(datetime(2026, 3, 2, 10, 15))


def test_the_database_uses_wal_and_the_current_schema(folder: Path) -> None:
    AccountCache.open(folder).close()
    db = sqlite3.connect(folder / DB_NAME)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.close()


def test_an_old_schema_is_backed_up_then_migrated(folder: Path) -> None:
    # A cache written by the first release: only the first migration applied.
    folder.mkdir(parents=True)
    old = sqlite3.connect(folder / DB_NAME)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO sync_state (name, value) VALUES ('last_synced', ?)",
        ("2026-03-01T08:00:00+01:00",),
    )
    old.commit()
    old.close()

    with AccountCache.open(folder) as cache:
        assert cache.last_synced() == datetime(2026, 3, 1, 7, 0, tzinfo=UTC)
        cache.outbox.enqueue("absence", {"child_id": 1})

    backup = sqlite3.connect(folder / (DB_NAME + ".bak"))
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT value FROM sync_state").fetchone()[0] == (
            "2026-03-01T08:00:00+01:00"
        )
    finally:
        backup.close()


def test_a_cache_of_the_old_wire_names_keeps_contracts_and_policy(folder: Path) -> None:
    # Written before the portal called a child's placements "contracts" and the policy's
    # undo_absence_min_days "cancel_absence_min_days" (schema 4): both survive the upgrade.
    folder.mkdir(parents=True)
    old = sqlite3.connect(folder / DB_NAME)
    for migration in MIGRATIONS[:4]:
        migration(old)
    old.execute("PRAGMA user_version = 4")
    emma = {k: v for k, v in ME["children"][0].items() if k != "contracts"}
    old_me = {**ME, "children": [{**emma, "placements": ME["children"][0]["contracts"]}]}
    old.execute("INSERT INTO profile (id, body, stored_at) VALUES (1, ?, '2026-03-01T08:00:00Z')",
                (json.dumps(old_me),))
    old.execute("INSERT INTO documents (name, body, stored_at)"
                " VALUES ('policy', ?, '2026-03-01T08:00:00Z')",
                (json.dumps({"undo_absence_min_days": 21, "inactivity_lock_minutes": 5}),))
    old.commit()
    old.close()

    with AccountCache.open(folder) as cache:
        profile = cache.profile()
        policy = cache.policy()
    assert profile is not None and policy is not None
    assert [c.care_type for c in profile.children[0].contracts] == ["KDV"]
    assert policy.cancel_absence_min_days == 21
    assert policy.inactivity_lock_minutes == 5


def schema_5_cache(folder: Path, *, agenda_months: int = 0) -> list[str]:
    """A cache as the releases with the outbox inside wrote it: three pending absences, one
    delivered, one refused; returns the keys of the pending ones."""
    folder.mkdir(parents=True)
    old = sqlite3.connect(folder / DB_NAME)
    for migration in MIGRATIONS[:5]:
        migration(old)
    old.execute("PRAGMA user_version = 5")
    rows = [("p1", "pending", None), ("d1", "delivered", None), ("p2", "pending", None),
            ("r1", "refused", "Afmelden kan niet meer."), ("p3", "pending", None)]
    for n, (key, state, refusal) in enumerate(rows, start=1):
        old.execute("INSERT INTO outbox (kind, payload, idempotency_key, created_at, state,"
                    " refusal) VALUES ('absence', ?, ?, ?, ?, ?)",
                    (json.dumps({"child_ids": [1], "first_date": f"2026-03-0{n}"}), key,
                     f"2026-03-01T0{n}:00:00+00:00", state, refusal))
    for month in range(agenda_months):  # bulk after the outbox, as months are looked at
        old.execute("INSERT INTO agenda_month (month, body, stored_at) VALUES (?, ?, ?)",
                    (f"20{month // 12:02d}-{month % 12 + 1:02d}", "x" * 3000, "2026"))
    old.commit()
    old.close()
    return ["p1", "p2", "p3"]


def test_an_upgrade_hands_the_queued_writes_to_the_outbox(folder: Path) -> None:
    keys = schema_5_cache(folder)
    with AccountCache.open(folder) as cache:
        assert [w.idempotency_key for w in cache.outbox.pending()] == keys
        (refused,) = cache.outbox.refused()
        assert (refused.idempotency_key, refused.refusal) == ("r1", "Afmelden kan niet meer.")
    db = sqlite3.connect(folder / DB_NAME)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()
    assert "outbox" not in tables


def test_a_hand_over_interrupted_by_a_crash_runs_again_without_doubles(folder: Path,
                                                                       monkeypatch) -> None:
    from desktop.cache import store

    keys = schema_5_cache(folder)

    def crash(db: sqlite3.Connection, version: int) -> None:
        raise KeyboardInterrupt  # the app killed after the hand-over, before the migration

    monkeypatch.setattr(store, "_migrate", crash)
    with pytest.raises(KeyboardInterrupt):
        AccountCache.open(folder)
    monkeypatch.undo()
    with AccountCache.open(folder) as cache:
        assert [w.idempotency_key for w in cache.outbox.pending()] == keys


@pytest.mark.expect_log("desktop.cache.store", "WARNING", r"unreadable account cache set aside")
def test_a_damaged_old_cache_hands_over_what_it_still_holds(folder: Path) -> None:
    keys = schema_5_cache(folder, agenda_months=60)
    data = bytearray((folder / DB_NAME).read_bytes())
    tail = len(data) - 8 * 4096  # the last pages: agenda months, not the queue
    data[tail:] = bytes((i * 31 + 7) % 256 for i in range(len(data) - tail))
    (folder / DB_NAME).write_bytes(bytes(data))
    with pytest.raises(CacheCorrupt):
        AccountCache.open(folder).close()

    with AccountCache.open(folder, recover=True) as cache:
        assert [w.idempotency_key for w in cache.outbox.pending()] == keys
        assert cache.outbox.lost() == []
    assert [p for p in folder.iterdir() if p.name.startswith(DB_NAME + ".corrupt-")]


def test_a_cache_on_a_full_disk_is_not_set_aside(folder: Path, monkeypatch) -> None:
    from desktop.cache import disk, store

    AccountCache.open(folder).close()
    real_connect = sqlite3.connect

    class Full:
        def __init__(self, db: sqlite3.Connection) -> None:
            self._db = db

        def execute(self, sql: str, *args):
            if sql.startswith("PRAGMA journal_mode"):  # SQLite growing its WAL index file
                error = sqlite3.OperationalError("disk I/O error")
                error.sqlite_errorcode = 4874  # SQLITE_IOERR_SHMSIZE
                raise error
            return self._db.execute(sql, *args)

        def close(self) -> None:
            self._db.close()

    def connect(path, *args, **kwargs):
        db = real_connect(path, *args, **kwargs)
        return Full(db) if Path(path).name == DB_NAME else db  # the cache, not the outbox

    monkeypatch.setattr(store.sqlite3, "connect", connect)
    monkeypatch.setattr(disk, "_low_space", lambda path: True)
    with pytest.raises(disk.DiskProblem) as caught:
        AccountCache.open(folder, recover=True)
    assert caught.value.trouble is disk.DiskTrouble.FULL
    assert not [p for p in folder.iterdir() if ".corrupt-" in p.name]


def test_a_fresh_cache_needs_no_backup(folder: Path) -> None:
    AccountCache.open(folder).close()
    AccountCache.open(folder).close()
    assert not (folder / (DB_NAME + ".bak")).exists()


def test_a_corrupt_file_is_reported(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / DB_NAME).write_bytes(b"this is not a database, it is a shopping list" * 100)
    with pytest.raises(CacheCorrupt):
        AccountCache.open(folder)


@pytest.mark.expect_log("desktop.cache.store", "WARNING", r"unreadable account cache set aside")
def test_recover_sets_a_corrupt_file_aside_and_starts_empty(folder: Path) -> None:
    folder.mkdir(parents=True)
    garbage = b"\x00garbage\xff" * 500
    (folder / DB_NAME).write_bytes(garbage)

    with AccountCache.open(folder, recover=True) as cache:
        assert cache.profile() is None
        cache.put_profile(PROFILE)
        assert cache.profile() == PROFILE

    aside = [p for p in folder.iterdir() if p.name.startswith(DB_NAME + ".corrupt-")]
    assert len(aside) == 1
    assert aside[0].read_bytes() == garbage


def test_a_cache_from_a_newer_app_is_not_touched(folder: Path) -> None:
    AccountCache.open(folder).close()
    db = sqlite3.connect(folder / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(CacheTooNew):
        AccountCache.open(folder)
    db = sqlite3.connect(folder / DB_NAME)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    finally:
        db.close()


@pytest.mark.expect_log("desktop.cache.store", "WARNING", r"discarding unreadable cached profile")
def test_an_unreadable_cached_profile_is_dropped_not_fatal(folder: Path) -> None:
    with AccountCache.open(folder) as cache:
        cache.put_profile(PROFILE)
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("UPDATE profile SET body = '{\"user\": 1}'")
    db.commit()
    db.close()
    with AccountCache.open(folder) as cache:
        assert cache.profile() is None
        assert cache.profile() is None


def test_wipe_removes_every_file_of_the_account(folder: Path) -> None:
    cache = AccountCache.open(folder)
    cache.put_profile(PROFILE)
    cache.outbox.enqueue("absence", {"child_id": 1})
    cache.blobs.write("photo-1.jpg", [b"jpeg"], hashlib.sha256(b"jpeg").hexdigest())
    sibling = folder.parent / "another-account"
    sibling.mkdir()

    cache.wipe()

    assert not folder.exists()
    assert sibling.exists()
    assert not cache.is_open
    with pytest.raises(RuntimeError):
        cache.profile()


def test_policy_is_cached_for_offline_use(folder: Path) -> None:
    from desktop.api.portal.records import Policy

    policy = Policy.from_json({"inactivity_lock_minutes": 5, "invoice_day": 25})
    with AccountCache.open(folder) as cache:
        assert cache.policy() is None
        cache.put_policy(policy)
    with AccountCache.open(folder) as cache:
        assert cache.policy() == policy
        assert cache.policy().inactivity_lock_minutes == 5


def test_a_failing_migration_leaves_the_last_good_version(folder: Path, monkeypatch) -> None:
    from desktop.cache import store

    folder.mkdir(parents=True)
    old = sqlite3.connect(folder / DB_NAME)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    def broken_step(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (x INTEGER)")
        db.execute("UPDATE profile SET no_such_column = 1")  # a migration with a bug

    monkeypatch.setattr(store, "MIGRATIONS", (*MIGRATIONS[:2], broken_step))
    monkeypatch.setattr(store, "SCHEMA_VERSION", 3)
    with pytest.raises(store.MigrationFailed):
        AccountCache.open(folder)

    db = sqlite3.connect(folder / DB_NAME)
    try:
        # The second step committed, the broken third one left no trace.
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert "outbox" in tables
        assert "half_done" not in tables
    finally:
        db.close()
    assert (folder / (DB_NAME + ".bak")).exists()
