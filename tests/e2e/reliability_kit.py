"""What the reliability tests against the real portal server share (issue 12): the app as
the services container wires it, talking through a fault-injecting proxy (``faults.py``); a
small real disk (a tmpfs where this machine allows one); and the steps that queue absences and
look on the server for what arrived. Days are chosen from the agenda the server sends (planned
day-parts), never by counting from today.

Its fixtures (``proxy``, ``make_container``, ``small_disk``) reach every e2e test through
tests/e2e/conftest.py.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from faults import FaultyProxy
from test_desktop_e2e import PASSWORD, SANNE

from desktop.api.absences.records import AbsenceDraft
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.client import PortalClient
from desktop.cache.paths import account_key
from desktop.services.container import Services
from desktop.services.session.clients import ClientFactory

# --- the app as the container wires it, talking through the proxy -------------------------


@pytest.fixture
def proxy(run) -> Iterator[FaultyProxy]:
    faulty = FaultyProxy()
    yield faulty
    run(faulty.close())


@pytest.fixture
def make_container(qapp, run, tmp_path):
    made: list[Services] = []
    crashes: list = []

    def make(transport: httpx.AsyncBaseTransport | None = None, *,
             data: Path | None = None) -> Services:
        services = Services.build(
            data or tmp_path / "desktop",
            clients=ClientFactory(language="en", max_retries=0, transport=transport),
            app=qapp, on_crash=crashes.append)
        made.append(services)
        return services

    yield make
    for services in made:
        run(services.aclose())
    assert not crashes, crashes


def sign_in(qtbot, services: Services, url: str, email: str = SANNE) -> None:
    with qtbot.waitSignal(services.session.loggedIn, timeout=20_000):
        services.session.login(url, email, PASSWORD, False)
    qtbot.waitUntil(lambda: services.profile.profile is not None, timeout=20_000)


def emma(services: Services) -> int:
    return next(c.id for c in services.profile.profile.children if c.first_name == "Emma")


def planned_mornings(qtbot, services: Services, count: int) -> list[date]:
    """``count`` days on which the server plans Emma's morning, weeks ahead (so every rule
    that looks at notice periods is far away)."""
    child = emma(services)
    found: list[date] = []
    month = date.today().replace(day=1) + timedelta(days=62)
    while len(found) < count:
        with qtbot.waitSignal(services.agenda.agendaChanged, timeout=20_000) as shown:
            services.agenda.show_month(month.year, month.month)
        found += sorted(p.date for p in shown.args[0].planned
                        if p.child_id == child and p.day_part is DayPart.OCHTEND)
        month = (month + timedelta(days=32)).replace(day=1)
    return found[:count]


def server_absences(run, url: str) -> list:
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return [a for a in await client.absences.list() if not a.cancelled]
    return run(fetch())


def queue_three_offline(qtbot, services: Services, server) -> list[AbsenceDraft]:
    days = planned_mornings(qtbot, services, 3)
    drafts = [AbsenceDraft((emma(services),), d, d, DayPart.OCHTEND, AbsenceReason.ZIEK)
              for d in days]
    stop_server(qtbot, server)
    for draft in drafts:
        with qtbot.waitSignal(services.agenda.absenceQueued, timeout=20_000):
            assert services.agenda.report_absence(draft) is not None
    return drafts


def stop_server(qtbot, server) -> None:
    """The portal goes away while the app is busy with it: stopped while the app's event loop
    keeps running (a download in flight is read to its end, which a stop joined on the GUI
    thread would never let happen). A request the server cannot finish within its graceful
    timeout on a loaded machine is cancelled — that is what going away means here, so uvicorn's
    error record of it is not a failure of the test."""
    stopper = threading.Thread(target=server.stop)
    uvicorn_errors = logging.getLogger("uvicorn.error")
    uvicorn_errors.disabled = True
    try:
        stopper.start()
        qtbot.waitUntil(lambda: not stopper.is_alive(), timeout=30_000)
    finally:
        uvicorn_errors.disabled = False


def arrived(run, url: str, drafts: list[AbsenceDraft]) -> list[date]:
    wanted = {d.first_date for d in drafts}
    return sorted(a.date for a in server_absences(run, url) if a.date in wanted)


def account_folder(data: Path, url: str) -> Path:
    return data / "accounts" / account_key(url, SANNE)


# --- a small real disk -------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A 4 MB tmpfs (Linux, root); skipped where this machine cannot mount one — the injected
    variants of the same faults run everywhere."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("no tmpfs on this machine")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to the last byte; returns the filler, to delete when space is "freed"."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        block = b"\0" * 65536
        while True:
            try:
                handle.write(block)
            except OSError:
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
    return filler
