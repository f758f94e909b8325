"""`ouderportaal-server purge`: one command made of each feature's purge step, run in order,
each in its own transaction. A step removes what its retention rule says is kept no longer,
is safe to run again (a second run removes nothing) and reports counts, never content
(README, "Retention")."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from server.config import Settings
from server.db import create_engine, create_sessionmaker
from server.diary.retention import purge_diaries

__all__ = ["PURGE_STEPS", "purge"]

# The photos' step joins here (it keeps to the same retention value).
PURGE_STEPS: tuple[Callable[[AsyncSession, date], Awaitable[object]], ...] = (purge_diaries,)


async def purge(settings: Settings) -> list[str]:
    engine = create_engine(settings)
    try:
        sessionmaker = create_sessionmaker(engine)
        reports = []
        for step in PURGE_STEPS:
            async with sessionmaker() as db:
                reports.append(str(await step(db, settings.today())))
        return reports
    finally:
        await engine.dispose()
