"""Engine and session factory, and running the Alembic migrations from code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

from server.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def create_engine(settings: Settings) -> AsyncEngine:
    """An async engine; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(settings.database_url, connect_args={"timeout": 15})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            # WAL lets readers continue while a writer commits; NORMAL is durable in WAL mode
            # except for the last transactions on power loss, which is fine for this data.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.close()

        return engine
    # A request holds its connection from its first query to its end. Keep as many open as a
    # worker serves requests at once at the peak, so a busy worker does not open and close
    # connections (a new PostgreSQL backend each) all morning; the overflow covers bursts.
    return create_async_engine(settings.database_url, pool_pre_ping=True,
                               pool_size=settings.database_pool_size,
                               max_overflow=settings.database_pool_size)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config() -> Config:
    """Alembic configuration built in code, so migrations run from an installed package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


async def migrate(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database schema to `revision` (the latest by default)."""
    await _run_migrations(engine, command.upgrade, revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Take the database schema back to `revision` (a migration's own test uses it)."""
    await _run_migrations(engine, command.downgrade, revision)


async def _run_migrations(engine: AsyncEngine, step: Any, revision: str) -> None:
    def run(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        step(config, revision)

    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode recreates a table by copying it and dropping the old one; with
            # foreign keys enforced, that drop would delete or null the rows that point at it
            # (ON DELETE CASCADE / SET NULL). SQLite ignores this pragma inside a transaction,
            # so it comes first, and is checked.
            await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            if (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar() != 0:
                raise RuntimeError("could not turn off foreign keys for the migrations")
        try:
            await connection.run_sync(run)
            if sqlite:
                broken = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                if broken:
                    raise RuntimeError(f"the migrations left broken foreign keys: {broken}")
            await connection.commit()
        finally:
            if sqlite:
                await connection.rollback()
                await connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                await connection.commit()


async def hold_rows(db: AsyncSession, model: type[DeclarativeBase], ids: list[int]) -> None:
    """Hold these rows until the transaction ends, so that requests which check and then write
    them run one after another (two parents submitting the same day at once).

    PostgreSQL: ``SELECT … FOR UPDATE`` in id order (no deadlocks). SQLite has no row locks: a
    no-op ``UPDATE`` takes its write lock — for the whole database, which is what SQLite
    offers — and the other request waits (busy timeout) until this one commits.
    """
    key = model.id  # type: ignore[attr-defined]
    if db.bind.dialect.name == "sqlite":
        await db.execute(update(model).where(key.in_(ids)).values(id=key)
                         .execution_options(synchronize_session=False))
    else:
        await db.execute(select(key).where(key.in_(ids)).order_by(key).with_for_update())


def dialect_insert(db: AsyncSession) -> Any:
    """The INSERT construct of the session's database, with its ON CONFLICT clauses."""
    return postgresql.insert if db.get_bind().dialect.name == "postgresql" else sqlite.insert


class StatementCounter:
    """Counts the SQL statements an engine runs inside `with counter:` (the benchmarks and the
    tests that keep each endpoint's queries per request from growing again)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        self.statements: list[str] = []
        self._active = False
        event.listen(engine.sync_engine, "before_cursor_execute", self._executed)

    def _executed(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self._active:
            self.count += 1
            self.statements.append(statement)

    def __enter__(self) -> StatementCounter:
        self.count, self.statements, self._active = 0, [], True
        return self

    def __exit__(self, *_exc: object) -> None:
        self._active = False
