"""Writes made while offline (absences, requests), queued until the server has them.

Each item gets an idempotency key when it is queued, and keeps it for every delivery attempt:
if the connection drops after the server acted but before the answer arrived, the retry is
recognised by the server and answered with the first result instead of acting twice. The table
lives in the account's database, written with ``synchronous=FULL`` because a queued write is
something the parent did and expects to happen, not a re-downloadable cache entry.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = ["Outbox", "OutboxItem", "OutboxState"]


class OutboxState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    REFUSED = "refused"


@dataclass(frozen=True)
class OutboxItem:
    """One queued write; ``refusal`` holds the server's message when it was refused."""

    id: int
    kind: str
    payload: dict[str, Any]
    idempotency_key: str
    created_at: datetime
    state: OutboxState
    refusal: str | None = None


_COLUMNS = "id, kind, payload, idempotency_key, created_at, state, refusal"


class Outbox:
    """The queue of one account, over the ``outbox`` table of its cache database.

    The table is created by the account cache's schema migrations; open the outbox through
    ``AccountCache.outbox`` rather than directly.
    """

    def __init__(self, db_path: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or (lambda: datetime.now(UTC))
        self._db: sqlite3.Connection | None = sqlite3.connect(db_path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")

    def enqueue(self, kind: str, payload: dict[str, Any]) -> OutboxItem:
        """Queue a write; it is on disk when this returns."""
        if not kind:
            raise ValueError("an outbox item needs a kind")
        key = str(uuid.uuid4())
        created = self._clock()
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        cursor = self._conn.execute(
            "INSERT INTO outbox (kind, payload, idempotency_key, created_at, state)"
            " VALUES (?, ?, ?, ?, 'pending')",
            (kind, body, key, created.isoformat()),
        )
        assert cursor.lastrowid is not None
        return OutboxItem(
            cursor.lastrowid, kind, json.loads(body), key, created, OutboxState.PENDING
        )

    def pending(self) -> list[OutboxItem]:
        """Items still to deliver, oldest first (the order the parent made them)."""
        return self._items(OutboxState.PENDING)

    def refused(self) -> list[OutboxItem]:
        """Items the server refused; the UI shows them with the server's message."""
        return self._items(OutboxState.REFUSED)

    def get(self, item_id: int) -> OutboxItem:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (item_id,)
        ).fetchone()
        if row is None:
            raise KeyError(item_id)
        return _item(row)

    def mark_delivered(self, item_id: int) -> None:
        self._set_state(item_id, OutboxState.DELIVERED, None)

    def mark_refused(self, item_id: int, message: str) -> None:
        self._set_state(item_id, OutboxState.REFUSED, message)

    def discard(self, item_id: int) -> None:
        """Forget an item (e.g. a refused one the parent has seen)."""
        cursor = self._conn.execute("DELETE FROM outbox WHERE id = ?", (item_id,))
        if cursor.rowcount == 0:
            raise KeyError(item_id)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _set_state(self, item_id: int, state: OutboxState, refusal: str | None) -> None:
        cursor = self._conn.execute(
            "UPDATE outbox SET state = ?, refusal = ?, updated_at = ? WHERE id = ?",
            (state.value, refusal, self._clock().isoformat(), item_id),
        )
        if cursor.rowcount == 0:
            raise KeyError(item_id)

    def _items(self, state: OutboxState) -> list[OutboxItem]:
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE state = ? ORDER BY id", (state.value,)
        ).fetchall()
        return [_item(row) for row in rows]

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("the outbox is closed")
        return self._db


def _item(row: tuple[Any, ...]) -> OutboxItem:
    item_id, kind, payload, key, created, state, refusal = row
    return OutboxItem(
        item_id,
        kind,
        json.loads(payload),
        key,
        datetime.fromisoformat(created),
        OutboxState(state),
        refusal,
    )
