"""`ouderportaal-server purge`: remove what the retention rules say may no longer be kept.

One command made of per-feature steps (`PURGE_STEPS`), run in order, each in its own
transaction and idempotent: running the command twice removes nothing the second time. Each
step logs only counts, never who. Run it daily (cron) next to the server.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobStore, create_blob_store
from server.config import Settings
from server.db import create_engine, create_sessionmaker
from server.diary.retention import purge_diaries
from server.photos.purge import purge_photos
from server.uploads_purge import purge_unsent_uploads

__all__ = ["PURGE_STEPS", "purge"]

log = logging.getLogger("server.purge")

PurgeStep = Callable[[AsyncSession, BlobStore, date], Awaitable[dict[str, int]]]



async def _purge_diaries(db: AsyncSession, _blobs: BlobStore, today: date) -> dict[str, int]:
    return dataclasses.asdict(await purge_diaries(db, today))  # the diary keeps no blobs


#: The steps of every feature with a retention rule (one retention value for the dagboek and
#: the photos: the policy's `diary_retention_weeks`).
PURGE_STEPS: dict[str, PurgeStep] = {
    "diary": _purge_diaries,
    "photos": purge_photos,
    "unsent_uploads": purge_unsent_uploads,
}


async def purge(settings: Settings) -> dict[str, dict[str, int]]:
    """Run every step; what each removed, by step."""
    engine = create_engine(settings)
    sessions = create_sessionmaker(engine)
    blobs = create_blob_store(settings)
    done: dict[str, dict[str, int]] = {}
    try:
        for name, step in PURGE_STEPS.items():
            async with sessions() as db:
                done[name] = await step(db, blobs, settings.today())
    finally:
        await engine.dispose()
    return done
