"""Repairing the outbox (:mod:`desktop.cache.outbox`): its second copy, and the rebuild of a
damaged database from what it and the copy still give.

The copy (``outbox-copy.jsonl``) holds one write per line under a header line with the count,
so a damaged stretch costs the lines it touches and says that it did. The rebuild takes every
write the damaged database gives back row by row (:mod:`desktop.cache.salvage`) or the copy has,
sets the damaged file aside (never deleted: support may want it) and keeps what is known of
writes that neither gives back as lost writes, for the feature to name to the parent.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cache.disk import write_atomically, writing
from desktop.cache.queued_writes import QueuedWrite, WriteState
from desktop.cache.salvage import read_rows

__all__ = ["COLUMNS", "COPY_NAME", "QueueCopy", "copy_row", "read_copy", "rebuild",
           "write_copy"]

log = logging.getLogger(__name__)

COPY_NAME = "outbox-copy.jsonl"
COPY_FORMAT = 1
#: The columns of a queued write in the database (after its id).
COLUMNS = ("kind", "payload", "idempotency_key", "created_at", "state", "refusal")


def rebuild(path: Path, copy: QueueCopy, found_at: datetime, *, emptied: bool,
            create: Callable[[Path], sqlite3.Connection]) -> sqlite3.Connection:
    """Set the damaged database aside and start a new one with every write that the old one
    or the copy still gives; what is known to be missing becomes a lost write. ``emptied``:
    the database was missing or empty although the copy says a queue existed; ``create``
    makes the new, empty database at ``path``."""
    salvaged = read_rows(path, "queued_write", COLUMNS)
    lost_before = read_rows(path, "lost_write", ("kind", "created_at", "payload"))
    writes: dict[str, tuple[Any, ...]] = {}
    lost: list[tuple[str | None, str | None, str | None]] = []
    for entry in copy.writes:
        writes[entry["key"]] = copy_row(entry)
    for row in salvaged.rows:
        complete = _complete(row)
        if complete is not None:
            writes[complete[2]] = complete  # the database's state is the newer one
        elif not (isinstance(row[2], str) and row[2] in writes):
            kind = row[0] if isinstance(row[0], str) else None
            lost.append((kind, _text(row[3]), _text(row[1])))
    if (emptied or salvaged.incomplete or lost_before.incomplete) and copy.damaged:
        lost.append((None, None, None))  # some writes may be gone that nothing can name
    lost += [(_text(k), _text(c), _text(p)) for k, c, p in lost_before.rows]
    _set_aside(path, found_at)
    with writing(path):
        db = create(path)
        db.execute("BEGIN IMMEDIATE")
        for row in sorted(writes.values(), key=lambda r: r[3]):
            db.execute("INSERT INTO queued_write"
                       " (kind, payload, idempotency_key, created_at, state, refusal)"
                       " VALUES (?, ?, ?, ?, ?, ?)", row)
        for kind, created, payload in lost:
            db.execute("INSERT INTO lost_write (kind, created_at, payload, found_at)"
                       " VALUES (?, ?, ?, ?)", (kind, created, payload, found_at.isoformat()))
        db.execute("COMMIT")
    log.log(logging.WARNING if lost else logging.INFO, "outbox rebuilt: %d writes kept, %d lost",
            len(writes), len(lost))
    return db


def _complete(row: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The salvaged row when every column reads back as what it must be, else None."""
    kind, payload, key, created, state, refusal = row
    if not all(isinstance(v, str) and v for v in (kind, payload, key, created, state)):
        return None
    if refusal is not None and not isinstance(refusal, str):
        return None
    try:
        if not isinstance(json.loads(payload), dict):
            return None
        datetime.fromisoformat(created)
        WriteState(state)
    except ValueError:
        return None
    return row


def _set_aside(path: Path, now: datetime) -> None:
    stamp = now.strftime("%Y%m%dT%H%M%S")
    for suffix in ("", "-journal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            with writing(part):
                part.replace(part.with_name(f"{path.name}.damaged-{stamp}{suffix}"))


# --- the copy -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueCopy:
    writes: list[dict[str, Any]]  # in QueuedWrite.to_copy() form
    damaged: bool  # the file exists but (some of) it could not be read


def read_copy(path: Path) -> QueueCopy:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return QueueCopy([], False)
    except OSError:
        return QueueCopy([], True)
    lines = data.split(b"\n")
    writes: list[dict[str, Any]] = []
    damaged = False
    try:
        header = json.loads(lines[0])
        if header.get("outbox_copy") != COPY_FORMAT or header.get("writes") != len(lines) - 1:
            damaged = True
    except (ValueError, AttributeError):
        damaged = True
    for line in lines[1:]:
        try:
            entry = json.loads(line)
            copy_row(entry)
        except (ValueError, TypeError, KeyError, AttributeError):
            damaged = True
            continue
        writes.append(entry)
    return QueueCopy(writes, damaged)


def copy_row(entry: dict[str, Any]) -> tuple[Any, ...]:
    """A line of the copy as a database row; raises when the line is not a whole write."""
    kind, key, created, state = entry["kind"], entry["key"], entry["created_at"], entry["state"]
    if not (isinstance(kind, str) and kind and isinstance(key, str) and key
            and isinstance(entry["payload"], dict)):
        raise ValueError("not a queued write")
    datetime.fromisoformat(created)
    refusal = entry.get("refusal")
    return (kind, json.dumps(entry["payload"], ensure_ascii=False, sort_keys=True), key,
            created, WriteState(state).value, refusal if isinstance(refusal, str) else None)


def write_copy(path: Path, writes: list[QueuedWrite]) -> None:
    lines = [json.dumps({"outbox_copy": COPY_FORMAT, "writes": len(writes)})]
    lines += [json.dumps(w.to_copy(), ensure_ascii=False, sort_keys=True) for w in writes]
    write_atomically(path, "\n".join(lines).encode())


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
