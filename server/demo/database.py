"""A demo database: migrated, and filled with the demo organisation when it is empty."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.passwords import make_argon2
from server.blobs import create_blob_store
from server.config import AMSTERDAM, Settings
from server.db import create_engine, create_sessionmaker, migrate
from server.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from server.demo.organisation import DemoSummary, build_demo
from server.finance.publication import publish_families
from server.models import Organisation, User


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
            return await build_demo(db, password_hash, today or amsterdam_today(), scale)
    finally:
        await engine.dispose()


async def publish_demo_families(settings: Settings, today: date) -> int:
    """Publish the finance documents of the families behind the demo logins now; the other
    families stay queued for a publisher. What the test suites' demo templates start from, so
    a test that lists documents need not render them first. Returns the families published."""
    engine = create_engine(settings)
    try:
        sessionmaker = create_sessionmaker(engine)
        async with sessionmaker() as db:
            families = list(await db.scalars(select(User.family_id).distinct().where(
                User.email.in_([email for email, _ in DEMO_LOGINS]),
                User.family_id.is_not(None))))
        return await publish_families(sessionmaker, create_blob_store(settings), families,
                                      today, settings.now())
    finally:
        await engine.dispose()
