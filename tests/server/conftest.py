"""Fixtures for the server tests: a demo database per test, a controllable clock, the app
in-process through httpx's ASGI transport (with its lifespan), and a mailer that keeps mail."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from render_memo import memo_folder, rendered_once
from s3_server import s3_bucket, s3_server  # noqa: F401  (fixtures: a real S3 server)
from server_helpers import CLIENT_IP, TODAY, FakeClock, MemoryMailer
from smtp_inbox import smtp  # noqa: F401  (a fixture: a real SMTP server for the mail tests)
from sqlalchemy import make_url, select, text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from server.account.secret_box import seal
from server.app import create_app
from server.auth.passwords import make_argon2
from server.blobs import create_blob_store
from server.config import AMSTERDAM, Settings, normalise_database_url, sqlite_url
from server.db import create_engine, create_sessionmaker, migrate
from server.demo.database import create_demo_database, publish_demo_families
from server.demo.logins import DEMO_PASSWORD
from server.demo.organisation import build_demo
from server.finance.publication import publish_families
from server.models import User

# One server key for the demo template and every test's copy of it: the demo's two-factor
# secret is sealed with it (server/account/secret_box.py).
TEST_SECRET_KEY = "dGVzdC1rZXktb2YtdGhlLXNlcnZlci10ZXN0cy0zMmI"


def cheap_settings(data_dir: Path, database_url: str, clock: FakeClock) -> Settings:
    # Minimal argon2 cost keeps the suite fast; test_passwords checks the real defaults. No
    # background mail sender (a test sends a round itself) and no background publisher: the
    # templates hold the documented families' finance documents published, and a test
    # publishes what else it needs (`publish`).
    return Settings(data_dir=data_dir, database_url=database_url,
                    public_url="https://zonnebloem.example", argon2_time_cost=1,
                    argon2_memory_cost=8, publish_documents="off", message_mails=False,
                    clock=clock,
                    secret_key=TEST_SECRET_KEY)


def _copy_blobs(template: Path, data_dir: Path) -> None:
    # Hard links: blob files are never written in place (a new version is a new file).
    if template.exists():
        shutil.copytree(template, data_dir / "blobs", copy_function=os.link)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data built once (database file and blob folder); each test gets a copy."""
    folder = tmp_path_factory.mktemp("demo-template")
    settings = cheap_settings(folder, sqlite_url(folder), FakeClock(datetime.now(AMSTERDAM)))
    asyncio.run(create_demo_database(settings, today=TODAY))
    # Rendering a family's PDFs takes a second or two: the demo logins' families are
    # published once here, the other families stay queued.
    with rendered_once(memo_folder(tmp_path_factory)):
        asyncio.run(publish_demo_families(settings, TODAY))
    return folder


# One pair per pytest-xdist worker ("gw0", "gw1", …; none without xdist): the workers share
# the one PostgreSQL server but never a database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
TEMPLATE_DB = f"ouderportaal_test_template{_WORKER}"
TEST_DB = f"ouderportaal_test{_WORKER}"


async def _recreate_database(server_url: str, name: str, template: str | None = None) -> None:
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            clause = f' TEMPLATE "{template}"' if template else ""
            await connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    finally:
        await engine.dispose()


async def _build_postgres_template(server_url: str, blob_folder: Path) -> None:
    await _recreate_database(server_url, TEMPLATE_DB)
    url = make_url(server_url).set(database=TEMPLATE_DB).render_as_string(hide_password=False)
    settings = cheap_settings(blob_folder, url, FakeClock(datetime.now(AMSTERDAM)))
    engine = create_engine(settings)
    try:
        await migrate(engine)
        password_hash = make_argon2(settings).hash(DEMO_PASSWORD)
        async with create_sessionmaker(engine)() as db:
            await build_demo(db, password_hash, TODAY,
                             seal=lambda text, label: seal(settings, text, label),
                             blobs=create_blob_store(settings))
    finally:
        await engine.dispose()
    await publish_demo_families(settings, TODAY)


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The PostgreSQL of TEST_DATABASE_URL with a migrated demo template database in it, and
    the template's blob folder.

    Each test then gets a fresh copy of the template (CREATE DATABASE ... TEMPLATE), which is
    much quicker than migrating and building the demo again."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set: no PostgreSQL to test against")
    url = normalise_database_url(url)
    folder = tmp_path_factory.mktemp("postgres-template")
    with rendered_once(memo_folder(tmp_path_factory)):
        asyncio.run(_build_postgres_template(url, folder))
    return url, folder / "blobs"



@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path, demo_template: Path) -> str:
    """A fresh demo database: SQLite by default; modules that parametrize this fixture
    indirectly with "postgres" also run on the PostgreSQL in TEST_DATABASE_URL."""
    backend = getattr(request, "param", "sqlite")
    if backend == "postgres":
        server_url, blobs = request.getfixturevalue("postgres_template")
        asyncio.run(_recreate_database(server_url, TEST_DB, template=TEMPLATE_DB))
        _copy_blobs(blobs, tmp_path)
        return make_url(server_url).set(database=TEST_DB).render_as_string(hide_password=False)
    shutil.copyfile(demo_template / "ouderportaal.sqlite3", tmp_path / "ouderportaal.sqlite3")
    _copy_blobs(demo_template / "blobs", tmp_path)
    return sqlite_url(tmp_path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0, tzinfo=AMSTERDAM))


@pytest.fixture
def settings(database_url: str, tmp_path: Path, clock: FakeClock) -> Settings:
    return cheap_settings(tmp_path, database_url, clock)


@pytest.fixture
def mailer() -> MemoryMailer:
    return MemoryMailer()


@pytest.fixture
async def app(settings: Settings, mailer: MemoryMailer):  # noqa: ANN201
    application = create_app(settings, mailer=mailer)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:  # noqa: ANN001
    transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 51000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def publish(app):  # noqa: ANN001, ANN201
    """`await publish(SANNE, ...)`: publish the finance documents of these users' families,
    as the billing run does (the app's own publisher is off in the tests)."""
    async def publish(*emails: str) -> None:
        async with app.state.sessionmaker() as session:
            families = list(await session.scalars(
                select(User.family_id).where(User.email.in_(emails))))
        settings = app.state.settings
        await publish_families(app.state.sessionmaker, app.state.blobs, families,
                               settings.today(), settings.now())

    return publish


@pytest.fixture
async def db(app) -> AsyncIterator[AsyncSession]:  # noqa: ANN001
    """A session on the app's own database, for looking behind the API."""
    async with app.state.sessionmaker() as session:
        yield session
