"""End-to-end fixtures: the real portal server on loopback and the whole desktop app.

The demo organisation is built once per session into a template folder; each test serves a copy,
so tests cannot see each other's changes and the suite stays fast. The qasync loop is the one of
docs/architecture.md, "Qt and asyncio" (tests/qasync_fixtures.py). The reliability tests'
fixtures (a fault-injecting proxy, the services container, a small real disk) live in
reliability_kit.py.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from agenda_app import AgendaApp
from PySide6.QtCore import QSettings
from reliability_kit import make_container, proxy, small_disk  # noqa: F401 - fixtures
from render_memo import memo_folder, rendered_once

from desktop.services.session.clients import ClientFactory
from desktop.services.shared.crash import CrashReporter
from desktop.wiring import AppOptions, DesktopApp
from server.demo.database import amsterdam_today, publish_demo_families
from server.embedded import EmbeddedServer


@pytest.fixture(autouse=True)
def _qasync_loop(loop):
    """Every test here runs with the qasync loop current (tests/qasync_fixtures.py)."""
    return loop


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    server = EmbeddedServer(folder)
    with server:
        pass  # building the demo organisation is the slow part; done once
    # So is rendering PDFs: the demo logins' families get theirs once, here (in a thread: the
    # tests' qasync loop is already running in this one).
    with ThreadPoolExecutor(1) as thread, rendered_once(memo_folder(tmp_path_factory)):
        thread.submit(asyncio.run, publish_demo_families(server.settings(),
                                                         amsterdam_today())).result()
    return folder


@pytest.fixture
def portal_server(demo_template: Path, tmp_path: Path) -> Iterator[EmbeddedServer]:
    folder = tmp_path / "server"
    shutil.copytree(demo_template, folder)
    server = EmbeddedServer(folder)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def desktop_data(tmp_path: Path) -> Path:
    return tmp_path / "desktop"


@pytest.fixture
def make_app(qapp, tmp_path, desktop_data, run):
    """Start the desktop app (as ``main()`` would, minus the loop) pointed at the server."""
    started: list[DesktopApp] = []
    reports: list[str] = []

    def make(portal: str, *, shared_pc: bool = False, computer: str = "") -> DesktopApp:
        """``computer`` names another computer: its own data folder and settings."""
        crash = CrashReporter()
        crash.crashed.connect(reports.append)
        settings = QSettings(str(tmp_path / f"settings{computer}.ini"),
                             QSettings.Format.IniFormat)
        data_dir = tmp_path / f"desktop-{computer}" if computer else desktop_data
        desktop = DesktopApp(
            AppOptions(data_dir=data_dir, portal=portal, shared_pc=shared_pc),
            app=qapp,
            crash=crash,
            clients=ClientFactory(language="en", max_retries=0, device_name="E2E-laptop"),
            settings=settings,
        )
        desktop.start()
        started.append(desktop)
        return desktop

    yield make
    for desktop in started:
        if not desktop.closed.is_set():
            desktop.closed.set()
        run(desktop.aclose())
    assert not reports, "the app reported unexpected errors:\n" + "\n".join(reports)


@pytest.fixture
def make_services(tmp_path, qapp, run):
    made: list[AgendaApp] = []
    crashes: list = []

    def make(transport=None) -> AgendaApp:
        app = AgendaApp(tmp_path / "desktop", qapp, crashes, transport)
        made.append(app)
        return app

    yield make
    for app in made:
        run(app.aclose())
    assert not crashes
