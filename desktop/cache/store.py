"""The offline store of one account: a SQLite file with a versioned schema.

The app opens with the last known data when the server cannot be reached, so this store keeps
what ``GET /me`` returned and when the last successful sync happened. Everything in it can be
downloaded again; the writes the parent made that wait for the portal live in their own file
(:mod:`desktop.cache.outbox`), so a cache that is damaged and set aside costs nothing that
cannot come back. A write refused by the disk (full, no permission, read-only) is a
:class:`desktop.cache.disk.DiskProblem`, never taken for a damaged file. The schema version lives
in ``PRAGMA user_version``; :data:`MIGRATIONS` upgrades older files in order, after copying the
file to ``cache.sqlite3.bak`` so an upgrade that goes wrong cannot cost the user their data.

One piece (about 400 lines) on purpose: the schema, its migrations and the typed get/put of
each table describe one SQLite file, and a migration must be read next to the tables it
changes. Blob files and the outbox, which have rules of their own, live beside it; up to
schema 5 the outbox was a table here, and opening such a file hands its writes over first.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop.api.absences.records import Absence
from desktop.api.agenda.records import Agenda
from desktop.api.extra_days.records import ExtraDayRequest
from desktop.api.finance.records import FinanceOverview
from desktop.api.portal.records import Policy
from desktop.api.profile.records import Profile
from desktop.cache.blobs import BlobStore
from desktop.cache.disk import disk_problem, is_damage, writing
from desktop.cache.outbox import Outbox
from desktop.cache.paths import private_file, private_folder
from desktop.cache.salvage import read_rows
from desktop.cache.schema import upgrade

__all__ = [
    "DB_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AccountCache",
    "CacheCorrupt",
    "CacheTooNew",
    "MigrationFailed",
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


#: Ordered schema upgrades; entry i brings the file from version i to version i + 1.
#: Append only: a released migration never changes.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_profile,
    _v2_outbox,
    _v3_documents,
    _v4_agenda,
    _v5_domain_names,
    _v6_outbox_moves_out,
)
#: The first schema without the outbox table.
_OUTBOX_MOVED = 6
_LEGACY_OUTBOX = ("kind", "payload", "idempotency_key", "created_at", "state", "refusal")
SCHEMA_VERSION = len(MIGRATIONS)


class AccountCache:
    """The cache folder of one account: ``cache.sqlite3``, ``blobs/`` and the outbox.

    Use :meth:`open`; call :meth:`close` when done, or :meth:`wipe` to remove every trace of
    the account from this computer (shared-PC logout).
    """

    def __init__(self, directory: Path, db: sqlite3.Connection, outbox: Outbox,
                 clock: Callable[[], datetime]):
        self.directory = directory
        self.db_path = directory / DB_NAME
        self._db: sqlite3.Connection | None = db
        self._clock = clock
        self.blobs = BlobStore(directory / "blobs")
        self.outbox = outbox

    @classmethod
    def open(
        cls,
        directory: Path,
        *,
        recover: bool = False,
        clock: Callable[[], datetime] | None = None,
    ) -> AccountCache:
        """Open (or create) the cache and the outbox in ``directory``, migrating an older
        schema.

        Raises :class:`CacheCorrupt` for an unusable file, unless ``recover`` is true: then the
        queued writes it still holds go to the outbox, the file is renamed to
        ``cache.sqlite3.corrupt-<time>`` and an empty cache is started. A disk that refuses
        (full, no permission, read-only) raises :class:`DiskProblem` and nothing is set aside.
        """
        directory = Path(directory)
        with writing(directory):
            private_folder(directory)  # docs: nothing here is for other users
        now = clock or (lambda: datetime.now(UTC))
        outbox = Outbox.open(directory, clock=now)
        path = directory / DB_NAME
        try:
            try:
                db = _open_database(path, outbox)
            except CacheCorrupt:
                if not recover:
                    raise
                if _may_hold_queue(path, outbox):
                    _salvage_outbox(path, outbox)
                _set_aside(path, now())
                db = _open_database(path, outbox)
        except BaseException:
            outbox.close()
            raise
        return cls(directory, db, outbox, now)

    # --- profile ------------------------------------------------------------------------------

    def put_profile(self, profile: Profile) -> None:
        body = json.dumps(profile.to_json(), ensure_ascii=False, sort_keys=True)
        self._write(
            "INSERT INTO profile (id, body, stored_at) VALUES (1, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET body = excluded.body,"
            " stored_at = excluded.stored_at",
            (body, self._clock().isoformat()),
        )

    def profile(self) -> Profile | None:
        row = self._conn.execute("SELECT body FROM profile WHERE id = 1").fetchone()
        if row is None:
            return None
        try:
            return Profile.from_json(json.loads(row[0]))
        except (ValueError, KeyError, TypeError) as exc:
            # A row this version cannot read is stale cache, not user data: drop it and let
            # the next sync fill it again, rather than refusing to open the account.
            log.warning("discarding unreadable cached profile: %s", exc)
            self._write("DELETE FROM profile WHERE id = 1")
            return None

    # --- policy -------------------------------------------------------------------------------

    def put_policy(self, policy: Policy) -> None:
        self._put_document("policy", policy.to_json())

    def policy(self) -> Policy | None:
        """The organisation's policy as last fetched (e.g. for the inactivity lock offline)."""
        data = self._document("policy")
        if data is None:
            return None
        try:
            return Policy.from_json(data)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding unreadable cached policy: %s", exc)
            self._write("DELETE FROM documents WHERE name = 'policy'")
            return None

    # --- agenda -------------------------------------------------------------------------------

    def put_agenda_month(self, month: str, agenda: Agenda) -> None:
        """Keep the agenda of `month` ("YYYY-MM")."""
        self._write(
            "INSERT INTO agenda_month (month, body, stored_at) VALUES (?, ?, ?)"
            " ON CONFLICT (month) DO UPDATE SET body = excluded.body,"
            " stored_at = excluded.stored_at",
            (month, json.dumps(agenda.to_json(), ensure_ascii=False), self._clock().isoformat()),
        )

    def agenda_month(self, month: str) -> Agenda | None:
        row = self._conn.execute(
            "SELECT body FROM agenda_month WHERE month = ?", (month,)
        ).fetchone()
        if row is None:
            return None
        try:
            return Agenda.from_json(json.loads(row[0]))
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding unreadable cached agenda %s: %s", month, exc)
            self._write("DELETE FROM agenda_month WHERE month = ?", (month,))
            return None

    def agenda_months(self) -> list[str]:
        """The months kept offline, oldest first."""
        rows = self._conn.execute("SELECT month FROM agenda_month ORDER BY month").fetchall()
        return [row[0] for row in rows]

    def put_absences(self, absences: list[Absence]) -> None:
        self._put_document("absences", {"absences": [a.to_json() for a in absences]})

    def absences(self) -> list[Absence] | None:
        """The family's absences as last fetched (the request overview offline)."""
        data = self._document("absences")
        if data is None:
            return None
        try:
            return [Absence.from_json(a) for a in data["absences"]]  # type: ignore[union-attr]
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding unreadable cached absences: %s", exc)
            self._write("DELETE FROM documents WHERE name = 'absences'")
            return None

    # --- finance ------------------------------------------------------------------------------

    def put_finance(self, overview: FinanceOverview) -> None:
        """Keep the finance overview (the PDFs themselves are blobs named by their SHA-256)."""
        self._put_document("finance", overview.to_json())

    def finance(self) -> FinanceOverview | None:
        data = self._document("finance")
        if data is None:
            return None
        try:
            return FinanceOverview.from_json(data)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding unreadable cached finance overview: %s", exc)
            self._write("DELETE FROM documents WHERE name = 'finance'")
            return None

    def put_extra_day_requests(self, requests: list[ExtraDayRequest]) -> None:
        self._put_document("extra_day_requests",
                           {"requests": [r.to_json() for r in requests]})

    def extra_day_requests(self) -> list[ExtraDayRequest] | None:
        """The family's extra-day requests as last fetched (the request overview offline)."""
        data = self._document("extra_day_requests")
        if data is None:
            return None
        try:
            return [ExtraDayRequest.from_json(r)
                    for r in data["requests"]]  # type: ignore[union-attr]
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding unreadable cached extra-day requests: %s", exc)
            self._write("DELETE FROM documents WHERE name = 'extra_day_requests'")
            return None

    def _put_document(self, name: str, data: dict[str, object]) -> None:
        self._write(
            "INSERT INTO documents (name, body, stored_at) VALUES (?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET body = excluded.body,"
            " stored_at = excluded.stored_at",
            (name, json.dumps(data, ensure_ascii=False, sort_keys=True), self._clock().isoformat()),
        )

    def _document(self, name: str) -> dict[str, object] | None:
        row = self._conn.execute("SELECT body FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return data if isinstance(data, dict) else None

    # --- sync state ---------------------------------------------------------------------------

    def mark_synced(self, when: datetime) -> None:
        """Remember the time of the last successful sync (an aware datetime)."""
        if when.tzinfo is None:
            raise ValueError("mark_synced needs an aware datetime")
        self._write(
            "INSERT INTO sync_state (name, value) VALUES ('last_synced', ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (when.isoformat(),),
        )

    def last_synced(self) -> datetime | None:
        row = self._conn.execute(
            "SELECT value FROM sync_state WHERE name = 'last_synced'"
        ).fetchone()
        return None if row is None else datetime.fromisoformat(row[0])

    def keep_offline_copy(self) -> bool | None:
        """The account's choice to keep this copy after logging out (None: not chosen)."""
        row = self._conn.execute(
            "SELECT value FROM sync_state WHERE name = 'keep_offline_copy'").fetchone()
        return None if row is None else row[0] == "yes"

    def set_keep_offline_copy(self, keep: bool) -> None:
        self._conn.execute(
            "INSERT INTO sync_state (name, value) VALUES ('keep_offline_copy', ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("yes" if keep else "no",),
        )

    # --- lifetime -----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def close(self) -> None:
        self.outbox.close()
        if self._db is not None:
            self._db.close()
            self._db = None

    def wipe(self) -> None:
        """Close and delete the whole account folder (database, blobs, everything)."""
        self.close()
        shutil.rmtree(self.directory, ignore_errors=False)

    def __enter__(self) -> AccountCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("the account cache is closed")
        return self._db

    def _write(self, sql: str, args: tuple[object, ...] = ()) -> None:
        """One statement that changes the file; the disk's refusal is a DiskProblem."""
        with writing(self.db_path):
            self._conn.execute(sql, args)


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
