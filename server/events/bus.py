"""Publishing live events: stored in the request's own transaction, so an event exists exactly
when the change it announces was committed (also under an `Idempotency-Key`, whose middleware
commits the lot). Its users' streams are woken when that transaction commits: on PostgreSQL a
`pg_notify` in the same transaction (delivered by the server at commit, to every process); in
every process the commit hook of `EventHub` (server/events/hub.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from server.events.kinds import EVENT_KINDS
from server.models import LiveEvent

__all__ = ["CHANNEL", "PENDING", "RETENTION", "prune", "publish"]

#: The PostgreSQL channel of the event stream.
CHANNEL = "ouderportaal_events"
#: Where a connection's not yet committed events keep their users (`Connection.info`).
PENDING = "ouderportaal_event_users"
#: How long events are kept for `Last-Event-ID`.
RETENTION = timedelta(days=1)
#: NOTIFY payloads are at most 8000 bytes: beyond this many users, wake every stream.
_MAX_NAMED = 500


async def publish(db: AsyncSession, kind: str, user_ids: Iterable[int], data: dict[str, Any],
                  now: datetime) -> None:
    """Store event `kind` for each of `user_ids` and have their streams woken on commit."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown event kind {kind!r} (server/events/kinds.py)")
    users = sorted(set(user_ids))
    if not users:
        return
    body = json.dumps(data, separators=(",", ":"), sort_keys=True)
    db.add_all([LiveEvent(user_id=u, kind=kind, data=body, created_at=now) for u in users])
    await db.flush()
    connection = await db.connection()
    connection.info.setdefault(PENDING, set()).update(users)
    if connection.dialect.name == "postgresql":
        named = ",".join(map(str, users)) if len(users) <= _MAX_NAMED else "*"
        await db.execute(text("SELECT pg_notify(:channel, :users)"),
                         {"channel": CHANNEL, "users": named})


async def prune(db: AsyncSession, now: datetime) -> int:
    """Forget events older than the retention; returns how many."""
    old = list((await db.scalars(select(LiveEvent.id).where(
        LiveEvent.created_at < now - RETENTION).limit(10_000))).all())
    if old:
        await db.execute(delete(LiveEvent).where(LiveEvent.id.in_(old)))
        await db.commit()
    return len(old)
