"""The account cache's SQLite file: its schema versions and their upgrades, and opening it —
the integrity check, the upgrade (after a backup to ``cache.sqlite3.bak``), the hand-over of an
old file's queued writes to the outbox, and setting a damaged file aside.

:mod:`desktop.cache.store` reads and writes the tables; this module decides what file it gets.
A migration is read next to the tables it changes: the tables' shapes are the ``_v*`` steps
below.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.cache.disk import disk_problem, is_damage, writing
from desktop.cache.outbox import Outbox
from desktop.cache.paths import private_file
from desktop.cache.salvage import read_rows
from desktop.cache.schema import upgrade

__all__ = [
    "DB_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CacheCorrupt",
    "CacheTooNew",
    "MigrationFailed",
    "open_cache_file",
]

log = logging.getLogger(__name__)

DB_NAME = "cache.sqlite3"


class CacheCorrupt(Exception):
    """The cache file cannot be used; open with ``recover=True`` to set it aside and start over
    (its queued writes are handed to the outbox first)."""


class CacheTooNew(CacheCorrupt):
    """The cache was written by a newer version of the app (its schema is unknown here)."""


class MigrationFailed(CacheCorrupt):
    """A schema upgrade failed; the file stays at the last version that completed.

    The file as it was before the upgrade is in ``cache.sqlite3.bak``.
    """


def _v1_profile(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE profile ("
        " id INTEGER PRIMARY KEY CHECK (id = 1),"
        " body TEXT NOT NULL,"
        " stored_at TEXT NOT NULL)"
    )
    db.execute("CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_outbox(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE outbox ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " kind TEXT NOT NULL,"
        " payload TEXT NOT NULL,"
        " idempotency_key TEXT NOT NULL UNIQUE,"
        " created_at TEXT NOT NULL,"
        " state TEXT NOT NULL DEFAULT 'pending'"
        "  CHECK (state IN ('pending', 'delivered', 'refused')),"
        " refusal TEXT,"
        " updated_at TEXT)"
    )
    db.execute("CREATE INDEX outbox_state ON outbox (state, id)")


def _v3_documents(db: sqlite3.Connection) -> None:
    # Small whole documents the app needs offline besides the profile (e.g. the policy).
    db.execute(
        "CREATE TABLE documents ("
        " name TEXT PRIMARY KEY,"
        " body TEXT NOT NULL,"
        " stored_at TEXT NOT NULL)"
    )


def _v4_agenda(db: sqlite3.Connection) -> None:
    # One row per month the parent looked at: the agenda as the server sent it, with its cursor
    # so revalidating an unchanged month costs one small request.
    db.execute(
        "CREATE TABLE agenda_month ("
        " month TEXT PRIMARY KEY,"
        " body TEXT NOT NULL,"
        " stored_at TEXT NOT NULL)"
    )


def _v5_domain_names(db: sqlite3.Connection) -> None:
    # The portal renamed two wire keys (docs/api.md, glossary): a child's "placements" are its
    # "contracts", the policy's "undo_absence_min_days" is "cancel_absence_min_days". Stored
    # bodies follow, so a cache written before still has the children's contracts offline.
    row = db.execute("SELECT body FROM profile WHERE id = 1").fetchone()
    if row is not None:
        profile = json.loads(row[0])
        for child in profile.get("children", ()):
            if "placements" in child:
                child["contracts"] = child.pop("placements")
        db.execute("UPDATE profile SET body = ? WHERE id = 1",
                   (json.dumps(profile, ensure_ascii=False, sort_keys=True),))
    row = db.execute("SELECT body FROM documents WHERE name = 'policy'").fetchone()
    if row is not None:
        policy = json.loads(row[0])
        if "undo_absence_min_days" in policy:
            policy["cancel_absence_min_days"] = policy.pop("undo_absence_min_days")
        db.execute("UPDATE documents SET body = ? WHERE name = 'policy'",
                   (json.dumps(policy, ensure_ascii=False, sort_keys=True),))


def _v6_outbox_moves_out(db: sqlite3.Connection) -> None:
    # The queued writes now have a file of their own (desktop/cache/outbox.py); they were handed
    # over before this step runs (_hand_over_outbox), so the old table can go.
    db.execute("DROP TABLE outbox")


def _v7_messages(db: sqlite3.Connection) -> None:
    # The threads offline (desktop/cache/threads.py): one row per message, in columns.
    db.execute(
        "CREATE TABLE message ("
        " conversation_id INTEGER NOT NULL,"
        " id INTEGER NOT NULL,"
        " author_name TEXT NOT NULL,"
        " from_family INTEGER NOT NULL,"
        " mine INTEGER NOT NULL,"
        " body TEXT NOT NULL,"
        " sent_at TEXT NOT NULL,"
        " attachments TEXT,"
        " PRIMARY KEY (conversation_id, id)) WITHOUT ROWID"
    )


#: Ordered schema upgrades; entry i brings the file from version i to version i + 1.
#: Append only: a released migration never changes.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_profile,
    _v2_outbox,
    _v3_documents,
    _v4_agenda,
    _v5_domain_names,
    _v6_outbox_moves_out,
    _v7_messages,
)
#: The first schema without the outbox table.
_OUTBOX_MOVED = 6
_LEGACY_OUTBOX = ("kind", "payload", "idempotency_key", "created_at", "state", "refusal")
SCHEMA_VERSION = len(MIGRATIONS)


def open_cache_file(path: Path, outbox: Outbox, *, recover: bool,
                    now: Callable[[], datetime]) -> sqlite3.Connection:
    """The cache file at ``path``, upgraded to :data:`SCHEMA_VERSION`.

    Raises :class:`CacheCorrupt` for an unusable file, unless ``recover``: then the queued
    writes it may still hold go to ``outbox``, the file is set aside and an empty one started.
    """
    try:
        return _open_database(path, outbox)
    except CacheCorrupt:
        if not recover:
            raise
        if _may_hold_queue(path, outbox):
            _salvage_outbox(path, outbox)
        _set_aside(path, now())
        return _open_database(path, outbox)


def _open_database(path: Path, outbox: Outbox) -> sqlite3.Connection:
    existed = path.exists() and path.stat().st_size > 0
    try:
        with writing(path):
            private_file(path)  # before SQLite creates it 0o644 (its -wal and -shm follow)
            # Autocommit: single statements commit by themselves; migrations BEGIN/COMMIT.
            db = sqlite3.connect(path, isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise CacheCorrupt(f"{path}: {exc}") from exc
    try:
        with writing(path):
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            check = db.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise CacheCorrupt(f"{path}: integrity check failed")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise CacheTooNew(f"{path}: schema {version} is newer than {SCHEMA_VERSION}")
            if version < SCHEMA_VERSION:
                if existed and version > 0:
                    _back_up(db, path.with_name(path.name + ".bak"))
                _hand_over_outbox(db, version, outbox)
                try:
                    _migrate(db, version)
                except sqlite3.Error as exc:
                    if disk_problem(exc, path) is not None or is_damage(exc):
                        raise
                    raise MigrationFailed(
                        f"{path}: upgrade from schema {version} failed: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        db.close()
        if is_damage(exc):
            raise CacheCorrupt(f"{path}: {exc}") from exc
        raise
    except BaseException:
        db.close()
        raise
    return db


def _hand_over_outbox(db: sqlite3.Connection, version: int, outbox: Outbox) -> None:
    """Before the table is dropped (schema 6), its writes go to the outbox's own file."""
    if not 2 <= version < _OUTBOX_MOVED:
        return
    rows = db.execute(f"SELECT {', '.join(_LEGACY_OUTBOX)} FROM outbox"
                      " WHERE state IN ('pending', 'refused') ORDER BY id").fetchall()
    if rows:
        log.info("handing %d queued writes over to the outbox", outbox.adopt(rows))


def _may_hold_queue(path: Path, outbox: Outbox) -> bool:
    """Whether a damaged cache may still hold queued writes: its header says schema 2 to 5, or
    the header is unreadable and this version has not started an outbox of its own yet."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if len(header) == 100 and header.startswith(b"SQLite format 3\x00"):
        return 2 <= int.from_bytes(header[60:64], "big") < _OUTBOX_MOVED
    return outbox.is_new


def _salvage_outbox(path: Path, outbox: Outbox) -> None:
    """A cache about to be set aside may still hold queued writes (schema 2 to 5): whatever
    the damaged file gives back goes to the outbox, what it cannot is recorded as lost."""
    salvaged = read_rows(path, "outbox", _LEGACY_OUTBOX)
    writes, lost = [], []
    for row in salvaged.rows:
        kind, payload, key, created, state, _refusal = row
        if state not in ("pending", "refused"):
            continue  # delivered long ago
        if all(isinstance(v, str) and v for v in (kind, payload, key, created)):
            writes.append(row)
        else:
            lost.append((kind if isinstance(kind, str) else None,
                         created if isinstance(created, str) else None,
                         payload if isinstance(payload, str) else None))
    if salvaged.incomplete:
        lost.append((None, None, None))
    outbox.adopt(writes)
    outbox.record_lost(lost)


def _migrate(db: sqlite3.Connection, version: int) -> None:
    upgrade(db, MIGRATIONS, version,
            lambda target: log.info("account cache migrated to schema %d", target))


def _back_up(db: sqlite3.Connection, destination: Path) -> None:
    # The backup API copies a consistent snapshot, including pages still in the WAL file.
    target = sqlite3.connect(destination)
    try:
        db.backup(target)
    finally:
        target.close()


def _set_aside(path: Path, now: datetime) -> None:
    stamp = now.strftime("%Y%m%dT%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            part.replace(part.with_name(f"{path.name}.corrupt-{stamp}{suffix}"))
    log.warning("unreadable account cache set aside as %s.corrupt-%s", path.name, stamp)
