"""Strangers cannot lock the parent's own computer out (docs/api.md, "Throttling"): the app
keeps the device token of its last login and sends it with the next one, against the real
portal.

Each side connects from its own loopback address (``local_address``; Linux routes all of
127.0.0.0/8 to the loopback), so the portal sees them as different client addresses, as the
server's throttle test does with the ASGI transport's ``client``. The portal hashes with the
server tests' minimal argon2 cost: the attack checks a hundred wrong passwords.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop.services.session.clients import ClientFactory
from desktop.services.session.service import SessionService
from server.auth.passwords import make_argon2
from server.auth.throttle import FREE_FAILURES, HOURLY_CAP
from server.config import Settings
from server.embedded import EmbeddedServer

SANNE = "sanne.devries@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"

pytestmark = pytest.mark.skipif(sys.platform != "linux",
                                reason="needs Linux's loopback range (127.0.0.0/8)")


CHEAP = {"argon2_time_cost": 1, "argon2_memory_cost": 8}  # as tests/server/conftest.py


class CheapHashes(EmbeddedServer):
    """The demo portal with the server tests' argon2 cost."""

    def settings(self) -> Settings:
        return dataclasses.replace(super().settings(), **CHEAP)


@pytest.fixture
def cheap_portal(demo_template: Path, tmp_path: Path) -> Iterator[EmbeddedServer]:
    folder = tmp_path / "server"
    shutil.copytree(demo_template, folder)
    server = CheapHashes(folder)
    with sqlite3.connect(folder / "ouderportaal.sqlite3") as db:
        db.execute("UPDATE app_user SET password_hash = ? WHERE email = ?",
                   (make_argon2(Settings(folder, "", **CHEAP))
                    .hash(PASSWORD), SANNE))
    server.start()
    yield server
    server.stop()


async def attack(url: str) -> None:
    """HOURLY_CAP failed logins against Sanne, FREE_FAILURES from each of many addresses: no
    address is ever delayed, so only the account's hourly cap can stop them."""
    for n in range(HOURLY_CAP // FREE_FAILURES):
        transport = httpx.AsyncHTTPTransport(local_address=f"127.1.0.{n + 1}")
        async with httpx.AsyncClient(base_url=url, transport=transport) as stranger:
            for _ in range(FREE_FAILURES):
                answer = await stranger.post("/api/v1/auth/login",
                                             json={"email": SANNE, "password": "raden"})
                assert answer.json()["code"] == "invalid_credentials", answer.text


def test_the_parents_computer_logs_in_while_strangers_fill_the_accounts_cap(
        cheap_portal, tmp_path, qapp, qtbot, run):
    crashes: list[BaseException] = []
    made: list[SessionService] = []

    def app_at(data: Path, address: str) -> SessionService:
        """The app on this computer (``data``), its connections from ``address``."""
        clients = ClientFactory(language="en", max_retries=0,
                                transport=httpx.AsyncHTTPTransport(local_address=address))
        session = SessionService(data, clients=clients, app=qapp, on_crash=crashes.append)
        made.append(session)
        return session

    def log_in(session: SessionService) -> str:
        """Sanne logs in; "" once she is in, else the login window's message."""
        answers: list[str] = []
        session.loggedIn.connect(lambda account: answers.append(""))
        session.loginFailed.connect(answers.append)
        session.login(cheap_portal.url, SANNE, PASSWORD, False)
        qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
        return answers[0]

    home = tmp_path / "sannes-laptop"
    first = app_at(home, "127.0.0.2")
    assert log_in(first) == ""
    first.set_keep_offline_copy(True)  # her own laptop keeps her data (Account page)
    run(first.aclose())  # the app is closed

    run(attack(cheap_portal.url))

    # Another computer, from an address the account never logged in from: capped.
    refused = log_in(app_at(tmp_path / "library-pc", "127.0.0.4"))
    assert refused.startswith("Too many attempts. You can try again at ")
    # Her laptop on the train (an address the account never logged in from either) is let
    # in: it sends the device token of its last login.
    laptop = app_at(home, "127.0.0.3")
    assert log_in(laptop) == ""
    assert laptop.account is not None and laptop.account.email == SANNE

    for session in made:
        run(session.aclose())
    assert not crashes
