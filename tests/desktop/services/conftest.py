"""Fixtures for the Qt services: the qasync loop, a fake portal behind httpx.MockTransport,
and services wired to it.

qasync as docs/architecture.md ("Qt and asyncio") says: ONE session-wide ``QEventLoop(qapp,
already_running=True)``, made current for each test (pytest-asyncio's async tests of other
folders reset the current and running loop), never ``loop.stop()`` between tests. The fixture is
used by this folder only, so the core's async tests keep their own loops.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_portal import EMAIL, ORGANISATION, PASSWORD, FakePortal

from desktop.services.auth_sessions import AuthSessionsService
from desktop.services.profile import ProfileService
from desktop.services.session.clients import ClientFactory
from desktop.services.session.password_reset import PasswordResetService
from desktop.services.session.service import SessionService


@pytest.fixture(autouse=True)
def _qasync_loop(loop):
    """Every test here runs with the qasync loop current (tests/qasync_fixtures.py)."""
    return loop


# --- services against the fake portal ---------------------------------------------------------


class Crashes(list):
    """Collects what the services report as bugs; a test fails if any arrive unexpectedly."""


@pytest.fixture
def crashes() -> Iterator[Crashes]:
    collected = Crashes()
    yield collected
    assert not collected, f"unexpected errors reached the crash reporter: {collected!r}"


@pytest.fixture
def portal() -> FakePortal:
    return FakePortal()


@pytest.fixture
def clients(portal: FakePortal) -> ClientFactory:
    return ClientFactory(language="en", transport=portal.transport, max_retries=0,
                         device_name="Testlaptop")


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_session(data_root, clients, crashes, run, qapp):
    made: list[SessionService] = []

    def make(**options: Any) -> SessionService:
        options.setdefault("clients", clients)
        service = SessionService(data_root, app=qapp, on_crash=crashes.append, **options)
        made.append(service)
        return service

    yield make
    for service in made:
        run(service.aclose())


@pytest.fixture
def session(make_session) -> SessionService:
    return make_session()


@pytest.fixture
def profile_service(session, crashes, run) -> Iterator[ProfileService]:
    service = ProfileService(session, offline_retry_ms=60_000, on_crash=crashes.append)
    yield service
    run(service.aclose())


@pytest.fixture
def auth_sessions_service(session, crashes, run) -> Iterator[AuthSessionsService]:
    service = AuthSessionsService(session, on_crash=crashes.append)
    yield service
    run(service.aclose())


@pytest.fixture
def resets(clients, crashes, run) -> Iterator[PasswordResetService]:
    service = PasswordResetService(clients=clients, on_crash=crashes.append)
    yield service
    run(service.aclose())


@pytest.fixture
def log_in(qtbot):
    """Log ``session`` in and wait for ``loggedIn``; returns the Account."""

    def do_login(session: SessionService, *, email: str = EMAIL, password: str = PASSWORD,
                 remember: bool = False):
        with qtbot.waitSignal(session.loggedIn, timeout=10_000) as blocker:
            session.login(ORGANISATION, email, password, remember)
        return blocker.args[0]

    return do_login
