"""The Alembic migration creates exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from server_helpers import both_databases

from server.config import Settings
from server.db import create_engine, migrate
from server.models import Base

pytestmark = both_databases


async def test_migrated_schema_matches_the_models(settings: Settings, tmp_path: Path) -> None:
    engine = create_engine(settings)
    try:
        await migrate(engine)  # already at head: must be a no-op

        def differences(connection):  # noqa: ANN001, ANN202
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)

        async with engine.connect() as connection:
            assert await connection.run_sync(differences) == []
    finally:
        await engine.dispose()
