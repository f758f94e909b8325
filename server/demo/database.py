"""A demo database: migrated, and filled with the demo organisation when it is empty."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.secret_box import seal
from server.auth.passwords import make_argon2
from server.config import AMSTERDAM, Settings
from server.db import create_engine, create_sessionmaker, migrate
from server.demo.logins import DEMO_PASSWORD
from server.demo.organisation import DemoSummary, build_demo
from server.models import Organisation


def amsterdam_today() -> date:
    return datetime.now(AMSTERDAM).date()


async def database_is_empty(db: AsyncSession) -> bool:
    return (await db.scalar(select(func.count()).select_from(Organisation))) == 0


async def create_demo_database(settings: Settings, *, today: date | None = None,
                               scale: int = 1) -> DemoSummary | None:
    """Migrate the database and fill it with the demo when it is empty; None if it was not."""
    engine = create_engine(settings)
    try:
        await migrate(engine)
        async with create_sessionmaker(engine)() as db:
            if not await database_is_empty(db):
                return None
            password_hash = await asyncio.to_thread(make_argon2(settings).hash, DEMO_PASSWORD)
            return await build_demo(db, password_hash, today or amsterdam_today(), scale,
                                    lambda text, label: seal(settings, text, label))
    finally:
        await engine.dispose()
