"""Reading what a damaged SQLite file still holds, row by row.

SQLite refuses a whole query as soon as it meets one damaged page ("database disk image is
malformed"), so a truncated or partly overwritten file answers nothing to ``SELECT *``. Looking
rows up one by one by their rowid walks the B-tree along one path each time: every row whose
path avoids the damage comes back. The file is only ever opened read-only.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["SalvagedRows", "read_rows"]

log = logging.getLogger(__name__)

#: Rowids tried past the highest one known, for rows added after the last counter update.
_PROBE_MARGIN = 64
#: Rowids tried when the file gives no hint at all of how many rows it held.
_PROBE_BLIND = 10_000


@dataclass(frozen=True)
class SalvagedRows:
    """The rows read back (in rowid order) and whether some part of the table was unreadable
    (then rows may be missing that nobody can name)."""

    rows: tuple[tuple[Any, ...], ...]
    incomplete: bool


def read_rows(path: Path, table: str, columns: Sequence[str]) -> SalvagedRows:
    """Every row of ``table`` (``columns``) that the file at ``path`` still gives back."""
    if not path.exists() or path.stat().st_size == 0:
        return SalvagedRows((), False)
    db = _open_read_only(path)
    if db is None:
        return SalvagedRows((), True)
    try:
        if not _has_table(db, table):
            return SalvagedRows((), not _schema_readable(db))
        select = f"SELECT rowid, {', '.join(columns)} FROM {table}"
        try:
            rows = db.execute(select + " ORDER BY rowid").fetchall()
            return SalvagedRows(tuple(tuple(r[1:]) for r in rows), False)
        except sqlite3.DatabaseError as error:
            log.info("%s: %s unreadable as a whole (%s); reading row by row",
                        path.name, table, error)
        return _row_by_row(db, table, select)
    finally:
        db.close()


def _row_by_row(db: sqlite3.Connection, table: str, select: str) -> SalvagedRows:
    found: dict[int, tuple[Any, ...]] = {}
    incomplete = False
    try:  # a plain scan gives the rows before the first damaged page
        for row in db.execute(select + " ORDER BY rowid"):
            found[row[0]] = tuple(row[1:])
    except sqlite3.DatabaseError:
        incomplete = True
    highest = max([*found, *_counters(db, table)], default=0)
    bound = highest + _PROBE_MARGIN if highest else _PROBE_BLIND
    for rowid in range(1, bound + 1):
        if rowid in found:
            continue
        try:
            row = db.execute(select + " WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            incomplete = True
            continue
        if row is not None:
            found[rowid] = tuple(row[1:])
    return SalvagedRows(tuple(found[k] for k in sorted(found)), incomplete)


def _counters(db: sqlite3.Connection, table: str) -> list[int]:
    """Hints at the highest rowid: the table's own answer and AUTOINCREMENT's counter."""
    hints = []
    for query, args in ((f"SELECT max(rowid) FROM {table}", ()),
                        ("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,))):
        try:
            row = db.execute(query, args).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None and isinstance(row[0], int):
            hints.append(row[0])
    return hints


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    # immutable: no journal or WAL recovery, no lock files: the damaged file stays as it is.
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
            db.execute("PRAGMA schema_version").fetchone()
            return db
        except sqlite3.DatabaseError:
            continue
    return None


def _has_table(db: sqlite3.Connection, table: str) -> bool:
    try:
        return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          (table,)).fetchone() is not None
    except sqlite3.DatabaseError:
        return False


def _schema_readable(db: sqlite3.Connection) -> bool:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
