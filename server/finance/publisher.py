"""The publisher of queued finance documents: a background task of a server process, or the
`ouderportaal-server publish` command.

Every server process runs one (the app's lifespan) unless `Settings.publish_documents` is
"off": it looks for queued families every `POLL_SECONDS` — the billing command and other
processes queue them too — and publishes them one by one (server.finance.publication); once a
day it queues the families whose jaaropgaven of the finished year are missing. Several
processes share the queue through its claims.

Rendering is CPU work in a thread of the process that publishes. For a large batch (the monthly
billing run of a big organisation) the web workers can be left alone: run them with
`OUDERPORTAAL_PUBLISH_DOCUMENTS=off` and one `ouderportaal-server publish --follow` beside them.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.background import BackgroundTask
from server.blobs import BlobStore, create_blob_store
from server.config import Settings
from server.db import create_engine, create_sessionmaker, migrate
from server.finance.publication import enqueue_year_end, publish_family, waiting_families

logger = logging.getLogger(__name__)

POLL_SECONDS = 5.0
BATCH = 20


class DocumentPublisher:
    """Publishes the queued families (`only_wanted`: those a listing asked for) until stopped;
    `wake()` makes it look at once instead of at the next poll."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], blobs: BlobStore,
                 settings: Settings, *, poll_seconds: float = POLL_SECONDS,
                 only_wanted: bool = False) -> None:
        self._sessionmaker = sessionmaker
        self._blobs = blobs
        self._settings = settings
        self._poll_seconds = poll_seconds
        self._only_wanted = only_wanted
        self._year_checked_on: date | None = None
        self._background = BackgroundTask()
        self._woken = asyncio.Event()

    def wake(self) -> None:
        self._woken.set()

    def start(self) -> None:
        self._background.start("finance-document-publisher", self.run_forever())

    async def stop(self) -> None:
        await self._background.stop()

    async def publish_waiting(self) -> int:
        """Publish every family that is queued now; returns how many were published."""
        today, now = self._settings.today(), self._settings.now()
        if self._year_checked_on != today:
            async with self._sessionmaker() as db:
                await enqueue_year_end(db, today, now)
                await db.commit()
            self._year_checked_on = today
        published = 0
        while True:
            async with self._sessionmaker() as db:
                families = await waiting_families(db, self._settings.now(), BATCH,
                                                  only_wanted=self._only_wanted)
            if not families:
                return published
            for family_id in families:
                if self._background.stopping:
                    return published
                try:
                    published += await publish_family(self._sessionmaker, self._blobs,
                                                      family_id, self._settings.today(),
                                                      self._settings.now())
                except Exception:
                    # Its claim stays until the lease ends, so a failing family (a full disk)
                    # is tried again later and does not hold up the others.
                    logger.exception("Publishing the documents of family %s failed", family_id)

    async def run_forever(self) -> None:
        """Publish what is queued, then look again every poll interval (or when woken), until
        stopped."""
        while not self._background.stopping:
            try:
                await self.publish_waiting()
            except Exception:  # the database is away: try again at the next poll
                logger.exception("Publishing finance documents failed")
            await self._background.pause(self._poll_seconds, self._woken)
            self._woken.clear()


async def publish_from_command(settings: Settings, *, follow: bool = False) -> str:
    """`ouderportaal-server publish [--follow]`: publish what waits (and, following, what comes
    later); returns the line to print."""
    engine = create_engine(settings)
    try:
        await migrate(engine)
        publisher = DocumentPublisher(create_sessionmaker(engine), create_blob_store(settings),
                                      settings)
        if follow:
            await publisher.run_forever()
        published = await publisher.publish_waiting()
    finally:
        await engine.dispose()
    return f"Documenten klaargezet voor {published} {'gezin' if published == 1 else 'gezinnen'}."
