"""The offline store of one account: a SQLite file with a versioned schema.

The app opens with the last known data when the server cannot be reached, so this store keeps
what ``GET /me`` returned and when the last successful sync happened. Everything in it can be
downloaded again; the writes the parent made that wait for the portal live in their own file
(:mod:`desktop.cache.outbox`), so a cache that is damaged and set aside costs nothing that
cannot come back. A write refused by the disk (full, no permission, read-only) is a
:class:`desktop.cache.disk.DiskProblem`, never taken for a damaged file.

This module is the typed get/put of each table. The file itself — its schema versions
(``PRAGMA user_version``), their upgrades after a backup to ``cache.sqlite3.bak``, and setting a
damaged file aside — is :mod:`desktop.cache.store_file`. Blob files and the outbox, which have
rules of their own, live beside it.
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
from desktop.api.photos.records import PhotoListing
from desktop.api.portal.records import Policy
from desktop.api.profile.records import Profile
from desktop.cache.blobs import BlobStore
from desktop.cache.disk import writing
from desktop.cache.outbox import Outbox
from desktop.cache.paths import private_folder
from desktop.cache.photo_listing import (
    LINES_DOCUMENT,
    OLD_DOCUMENT,
    listing_lines,
    read_photo_listing,
)
from desktop.cache.store_file import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    CacheCorrupt,
    CacheTooNew,
    MigrationFailed,
    open_cache_file,
)
from desktop.cache.threads import ThreadCache

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
        self.threads = ThreadCache(lambda: self._conn, self.db_path, clock)

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
            db = open_cache_file(path, outbox, recover=recover, now=now)
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

    # --- photos -------------------------------------------------------------------------------

    def put_photos(self, listing: PhotoListing) -> None:
        """Keep the family's photo listing (the thumbnails and screen copies are blobs)."""
        self.put_photo_lines(listing_lines(listing))

    def put_photo_lines(self, body: str) -> None:
        """Keep a listing already in the cache's form (:func:`listing_lines`, which the photos
        service runs in a worker: 20,000 photos are too many for the GUI thread)."""
        self._write(
            "INSERT INTO documents (name, body, stored_at) VALUES (?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET body = excluded.body,"
            " stored_at = excluded.stored_at",
            (LINES_DOCUMENT, body, self._clock().isoformat()))
        self._write("DELETE FROM documents WHERE name = ?", (OLD_DOCUMENT,))

    def photos(self) -> PhotoListing | None:
        """The kept listing (:func:`read_photo_listing`, which a worker thread may call
        with :attr:`db_path` instead)."""
        return read_photo_listing(self.db_path)

    # --- diary --------------------------------------------------------------------------------

    def put_diary(self, child_id: int, diary: dict[str, object]) -> None:
        """Keep a child's diary as far as it was read: its days (wire form), revision and the
        cursor of the next older page (docs/api.md, "Group day and diary")."""
        self._put_document(f"diary-{child_id}", diary)

    def diary(self, child_id: int) -> dict[str, object] | None:
        return self._document(f"diary-{child_id}")

    def put_diary_read(self, child_id: int, read: dict[str, str]) -> None:
        """The days of the child's diary the reader saw, with what each said then (its
        fingerprint): a day that changed since shows as new again, also after a restart."""
        self._put_document(f"diary-read-{child_id}", {"days": read})

    def diary_read(self, child_id: int) -> dict[str, str] | None:
        data = self._document(f"diary-read-{child_id}")
        days = data.get("days") if data is not None else None
        if not isinstance(days, dict):
            return None
        return {str(k): str(v) for k, v in days.items()}

    def forget_diary(self, child_id: int) -> None:
        """An unreadable copy: dropped, the next sync fetches the diary again."""
        self._write("DELETE FROM documents WHERE name = ?", (f"diary-{child_id}",))

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
