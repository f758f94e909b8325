"""The outbox: writes the parent made that the portal does not have yet, queued until it has.

A general store of queued writes, each with a ``kind`` (``absence`` today; messages and diary
entries will follow) and a JSON payload; the feature that queued a write delivers it
(docs/architecture.md, "Queued writes", describes the pattern). Each write gets an idempotency
key when it is queued and keeps it for every delivery attempt: if the connection drops after
the portal acted but before its answer arrived, the retry is answered with the first result
instead of acting twice.

A queued write is something the parent did and expects to happen, so it is kept apart from
everything that can be downloaded again:

* its own small SQLite file, ``outbox.sqlite3``, beside the account cache — a cache that is
  damaged, too new or set aside can never take the queue with it. A rollback journal with
  ``synchronous=FULL``: one file at rest, and still readable on a full disk;
* a second copy of the queue, ``outbox-copy.jsonl`` (one write per line, replaced atomically),
  written after every change — before the database when a write is queued, so that the copy
  never misses a write the parent was told is saved;
* a database that turns out damaged when it is opened (truncated, emptied, garbled) is set
  aside — never deleted — and the queue is rebuilt from what it still gives row by row
  (:mod:`desktop.cache.salvage`) and from the copy. A write known to exist but readable in
  neither is kept as a :class:`LostWrite` until the feature has told the parent which one;
* a full disk, a missing permission or a read-only disk is never taken for damage: the file
  stays as it is and the caller gets a :class:`desktop.cache.disk.DiskProblem`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cache.disk import DiskProblem, is_damage, writing
from desktop.cache.outbox_repair import COLUMNS, COPY_NAME, read_copy, rebuild, write_copy
from desktop.cache.paths import private_file, private_folder
from desktop.cache.queued_writes import LostWrite, OutboxTooNew, QueuedWrite, WriteState
from desktop.cache.schema import upgrade, version_of

__all__ = ["COPY_NAME", "DB_NAME", "SCHEMA_VERSION", "LostWrite", "Outbox", "OutboxTooNew",
           "QueuedWrite", "WriteState"]

log = logging.getLogger(__name__)

DB_NAME = "outbox.sqlite3"
SCHEMA_VERSION = 1


class _Damaged(Exception):
    """The database cannot be trusted as it is (internal: it is rebuilt)."""


_EMPTIED = "a new, empty database where a queue was"
_SELECT = "SELECT id, " + ", ".join(COLUMNS) + " FROM queued_write"


def _schema_v1(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE queued_write ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " kind TEXT NOT NULL,"
        " payload TEXT NOT NULL,"
        " idempotency_key TEXT NOT NULL UNIQUE,"
        " created_at TEXT NOT NULL,"
        " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),"
        " refusal TEXT,"
        " updated_at TEXT)"
    )
    db.execute("CREATE INDEX queued_write_state ON queued_write (state, id)")
    db.execute(
        "CREATE TABLE lost_write ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " kind TEXT,"
        " created_at TEXT,"
        " payload TEXT,"
        " found_at TEXT NOT NULL)"
    )


#: Ordered schema upgrades of outbox.sqlite3; append only.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_schema_v1,)
assert len(_MIGRATIONS) == SCHEMA_VERSION


class Outbox:
    """The queue of one account (``Outbox.open(account_folder)``; the account cache opens it
    as ``AccountCache.outbox``)."""

    def __init__(self, directory: Path, db: sqlite3.Connection,
                 clock: Callable[[], datetime], *, is_new: bool = False) -> None:
        self.path = directory / DB_NAME
        self.copy_path = directory / COPY_NAME
        #: Neither the database nor its copy existed before this was opened.
        self.is_new = is_new
        self._db: sqlite3.Connection | None = db
        self._clock = clock

    @classmethod
    def open(cls, directory: Path, *, clock: Callable[[], datetime] | None = None) -> Outbox:
        """Open (or create) the outbox in ``directory``, rebuilding a damaged one.

        Raises :class:`DiskProblem` when the disk refuses (nothing is set aside then) and
        :class:`OutboxTooNew` for an outbox of a newer app.
        """
        directory = Path(directory)
        now = clock or (lambda: datetime.now(UTC))
        with writing(directory):
            private_folder(directory)
        path = directory / DB_NAME
        is_new = not path.exists() and not (directory / COPY_NAME).exists()
        copy = read_copy(directory / COPY_NAME)
        try:
            db = _connect(path)
            try:
                if version_of(db) == 0 and (copy.writes or copy.damaged):
                    raise _Damaged(_EMPTIED)
                _migrate(db)
                writes = [_write(row) for row in db.execute(_SELECT + " ORDER BY id")]
            except BaseException:
                db.close()
                raise
        except _Damaged as why:
            log.warning("%s is damaged (%s); rebuilding the queue", DB_NAME, why)
            db = rebuild(path, copy, now(), emptied=why.args == (_EMPTIED,), create=_create)
            writes = [_write(row) for row in db.execute(_SELECT + " ORDER BY id")]
        outbox = cls(directory, db, now, is_new=is_new)
        if [w.to_copy() for w in writes] != copy.writes or copy.damaged:
            outbox._refresh_copy(required=False)
        return outbox

    # --- queueing -----------------------------------------------------------------------------

    def enqueue(self, kind: str, payload: dict[str, Any]) -> QueuedWrite:
        """Queue a write; it is on disk twice when this returns (or a DiskProblem is raised
        and nothing was queued)."""
        if not kind:
            raise ValueError("a queued write needs a kind")
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        write = QueuedWrite(0, kind, json.loads(body), str(uuid.uuid4()), self._clock(),
                            WriteState.PENDING)
        # The copy first: if the database then fails, the next start trusts the database (and
        # drops the copy's extra line), so the parent is never told "saved" for a lost write.
        self._refresh_copy(required=True, adding=write)
        with writing(self.path):
            cursor = self._conn.execute(
                "INSERT INTO queued_write (kind, payload, idempotency_key, created_at, state)"
                " VALUES (?, ?, ?, ?, 'pending')",
                (kind, body, write.idempotency_key, write.created_at.isoformat()))
        assert cursor.lastrowid is not None
        return QueuedWrite(cursor.lastrowid, kind, write.payload, write.idempotency_key,
                           write.created_at, WriteState.PENDING)

    def adopt(self, writes: Iterable[tuple[str, str, str, str, str, str | None]]) -> int:
        """Take over queued writes kept elsewhere by an older version — ``(kind, payload,
        idempotency_key, created_at, state, refusal)`` with their keys — skipping keys already
        here (so a hand-over interrupted by a crash can simply run again); returns how many."""
        added = 0
        with writing(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for kind, payload, key, created, state, refusal in writes:
                    cursor = self._conn.execute(
                        "INSERT OR IGNORE INTO queued_write"
                        " (kind, payload, idempotency_key, created_at, state, refusal)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (kind, payload, key, created, state, refusal))
                    added += cursor.rowcount
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        if added:
            self._refresh_copy(required=False)
        return added

    def record_lost(self, lost: Iterable[tuple[str | None, str | None, str | None]]) -> None:
        """Keep what is known of writes a damaged file took — ``(kind, created_at, payload)``,
        each None when unreadable — until the parent has been told (:meth:`lost`)."""
        rows = [(kind, created, payload, self._clock().isoformat())
                for kind, created, payload in lost]
        if rows:
            with writing(self.path):
                self._conn.executemany("INSERT INTO lost_write (kind, created_at, payload,"
                                       " found_at) VALUES (?, ?, ?, ?)", rows)

    # --- reading ------------------------------------------------------------------------------

    def pending(self, kinds: Collection[str] | None = None) -> list[QueuedWrite]:
        """Writes still to deliver, oldest first (the order the parent made them)."""
        return self._writes(WriteState.PENDING, kinds)

    def refused(self, kinds: Collection[str] | None = None) -> list[QueuedWrite]:
        """Writes the portal refused; the feature shows them with the portal's message."""
        return self._writes(WriteState.REFUSED, kinds)

    def get(self, write_id: int) -> QueuedWrite:
        row = self._conn.execute(_SELECT + " WHERE id = ?", (write_id,)).fetchone()
        if row is None:
            raise KeyError(write_id)
        return _write(row)

    def lost(self, kinds: Collection[str | None] | None = None) -> list[LostWrite]:
        """Writes a damaged disk took, as far as they are known, until :meth:`forget_lost`."""
        rows = self._conn.execute(
            "SELECT id, kind, created_at, payload FROM lost_write ORDER BY id").fetchall()
        lost = [LostWrite(i, k, _moment(c), _payload(p)) for i, k, c, p in rows]
        return [w for w in lost if kinds is None or w.kind in kinds]

    # --- changes ------------------------------------------------------------------------------

    def mark_delivered(self, write_id: int) -> None:
        """The portal has it: the write leaves the queue."""
        self._change("DELETE FROM queued_write WHERE id = ?", (write_id,), write_id)

    def mark_refused(self, write_id: int, message: str) -> None:
        self._change("UPDATE queued_write SET state = 'refused', refusal = ?, updated_at = ?"
                     " WHERE id = ?", (message, self._clock().isoformat(), write_id), write_id)

    def discard(self, write_id: int) -> None:
        """Forget a write (a refused one the parent has seen)."""
        self._change("DELETE FROM queued_write WHERE id = ?", (write_id,), write_id)

    def forget_lost(self, ids: Iterable[int]) -> None:
        """The parent has been told about these lost writes."""
        with writing(self.path):
            self._conn.executemany("DELETE FROM lost_write WHERE id = ?",
                                   [(i,) for i in ids])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- internals ----------------------------------------------------------------------------

    def _change(self, sql: str, args: tuple[Any, ...], write_id: int) -> None:
        with writing(self.path):
            cursor = self._conn.execute(sql, args)
        if cursor.rowcount == 0:
            raise KeyError(write_id)
        # A copy that lags behind only matters after the database is damaged, and then a write
        # sent again is answered from its idempotency key: the change itself stands.
        self._refresh_copy(required=False)

    def _writes(self, state: WriteState, kinds: Collection[str] | None) -> list[QueuedWrite]:
        rows = self._conn.execute(_SELECT + " WHERE state = ? ORDER BY id",
                                  (state.value,)).fetchall()
        writes = [_write(row) for row in rows]
        return [w for w in writes if kinds is None or w.kind in kinds]

    def _refresh_copy(self, *, required: bool, adding: QueuedWrite | None = None) -> None:
        writes = [_write(row) for row in self._conn.execute(_SELECT + " ORDER BY id")]
        if adding is not None:
            writes.append(adding)
        try:
            write_copy(self.copy_path, writes)
        except DiskProblem as problem:
            if required:
                raise
            log.info("outbox copy not refreshed (%s); the database has the change", problem)

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("the outbox is closed")
        return self._db


# --- the database ---------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    try:
        with writing(path):
            private_file(path)  # before SQLite creates it 0o644 (its journal follows)
            db = sqlite3.connect(path, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=DELETE")
                db.execute("PRAGMA synchronous=FULL")
                check = db.execute("PRAGMA quick_check").fetchone()
                if check is None or check[0] != "ok":
                    raise _Damaged("integrity check failed")
                version = version_of(db)
                if version > SCHEMA_VERSION:
                    raise OutboxTooNew(f"{path}: schema {version} is newer than "
                                       f"{SCHEMA_VERSION}")
            except BaseException:
                db.close()
                raise
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise _Damaged(str(error)) from error
        raise
    return db


def _create(path: Path) -> sqlite3.Connection:
    db = _connect(path)
    _migrate(db)
    return db


def _migrate(db: sqlite3.Connection) -> None:
    upgrade(db, _MIGRATIONS, version_of(db))


def _write(row: tuple[Any, ...]) -> QueuedWrite:
    write_id, kind, payload, key, created, state, refusal = row
    try:
        return QueuedWrite(write_id, kind, json.loads(payload), key,
                           datetime.fromisoformat(created), WriteState(state), refusal)
    except (TypeError, ValueError) as error:
        raise _Damaged(f"queued write {write_id} is unreadable: {error}") from error


def _moment(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _payload(value: object) -> dict[str, Any] | None:
    try:
        data = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
