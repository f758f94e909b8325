"""One `EventHub` per server process: the streams of this process wait on it, and it wakes
those of the users an event is for.

Wake-ups come from two places. The engine's commit hook wakes this process's streams for the
users whose events a transaction on this process just committed (`bus.PENDING`, both
databases: on SQLite, one process, that is all there is). On PostgreSQL a dedicated asyncpg
connection LISTENs on `bus.CHANNEL`: the `pg_notify` of a transaction committed by any
process wakes the streams here too — no broker. A lost listening connection is made again
with backoff, and then every stream is woken once, to catch up on what it may have missed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from server.events.bus import CHANNEL, PENDING

__all__ = ["EventHub"]

log = logging.getLogger(__name__)


class EventHub:
    def __init__(self) -> None:
        self._waiting: dict[int, set[asyncio.Event]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listener: asyncio.Task[None] | None = None
        self._engine: AsyncEngine | None = None
        self._closing = False

    @property
    def closing(self) -> bool:
        """The server is shutting down: every stream ends (see :meth:`close`)."""
        return self._closing

    def close(self) -> None:
        """End every stream now, before the server waits for its open requests to finish.

        A server run by uvicorn's signal handlers has sse-starlette end the streams; one that
        is stopped by setting `should_exit` (the embedded demo server, a thread) does not, and
        would wait its whole graceful-shutdown timeout for the app's open event stream."""
        self._closing = True
        self.wake(None)

    @property
    def streams(self) -> int:
        return sum(len(s) for s in self._waiting.values())

    @contextlib.contextmanager
    def subscribe(self, user_id: int) -> Iterator[asyncio.Event]:
        """An asyncio.Event that is set whenever something happens for `user_id`."""
        woken = asyncio.Event()
        self._waiting.setdefault(user_id, set()).add(woken)
        try:
            yield woken
        finally:
            waiting = self._waiting.get(user_id)
            if waiting is not None:
                waiting.discard(woken)
                if not waiting:
                    del self._waiting[user_id]

    def wake(self, user_ids: set[int] | None) -> None:
        """Wake the streams of these users (None: every stream)."""
        targets = self._waiting.values() if user_ids is None else [
            self._waiting.get(u, ()) for u in user_ids]
        for waiting in list(targets):
            for woken in list(waiting):
                woken.set()

    # --- wiring -------------------------------------------------------------------------------

    def start(self, engine: AsyncEngine, database_url: str) -> None:
        self._loop = asyncio.get_running_loop()
        self._engine = engine
        event.listen(engine.sync_engine, "commit", self._committed)
        event.listen(engine.sync_engine, "rollback", self._rolled_back)
        if engine.dialect.name == "postgresql":
            self._listener = asyncio.create_task(self._listen(database_url),
                                                 name="event-listener")

    async def stop(self) -> None:
        if self._engine is not None:
            event.remove(self._engine.sync_engine, "commit", self._committed)
            event.remove(self._engine.sync_engine, "rollback", self._rolled_back)
            self._engine = None
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        self.wake(None)  # the streams see the shutdown and end

    def _committed(self, connection: Any) -> None:
        users = connection.info.pop(PENDING, None)
        if users:
            self.wake(users)

    def _rolled_back(self, connection: Any) -> None:
        connection.info.pop(PENDING, None)

    def _notified(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        self.wake(None if payload == "*" else {int(u) for u in payload.split(",") if u})

    async def _listen(self, database_url: str) -> None:
        import asyncpg  # only on PostgreSQL

        dsn = make_url(database_url).set(drivername="postgresql").render_as_string(
            hide_password=False)
        delay = 0.5
        while True:
            try:
                connection = await asyncpg.connect(dsn)
            except (OSError, asyncpg.PostgresError) as error:
                log.warning("event listener cannot connect (%s); again in %.1f s",
                            type(error).__name__, delay)
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 30)
                continue
            lost = asyncio.Event()
            try:
                connection.add_termination_listener(lambda _c, lost=lost: lost.set())
                await connection.add_listener(CHANNEL, self._notified)
                delay = 0.5
                self.wake(None)  # anything published while nobody listened
                await lost.wait()
                log.warning("event listener lost its connection; connecting again")
            finally:
                with contextlib.suppress(Exception):
                    await connection.close()
