"""The embedded demo server that the desktop's --demo mode and end-to-end tests run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest
from mail_folder import read_reset_code, read_reset_link

from server.demo.logins import DEMO_PASSWORD
from server.embedded import EmbeddedServer


def test_serves_the_demo_and_restarts_on_the_same_address(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path, today=date(2026, 3, 2))
    with server:
        portal = httpx.get(f"{server.url}/api/v1/portal").json()
        assert portal == {"name": "Kinderopvang Zonnebloem", "short_name": "zonnebloem",
                          "api_version": 1, "client": None}
        login = httpx.post(f"{server.url}/api/v1/auth/login",
                           json={"email": "sanne.devries@voorbeeld.nl",
                                 "password": DEMO_PASSWORD})
        assert login.status_code == 200
        url = server.url

    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/api/v1/portal")

    # Same data dir: the database is kept, not rebuilt, and the address stays the same.
    with server:
        assert server.url == url
        me = httpx.get(f"{url}/api/v1/me",
                       headers={"Authorization": f"Bearer {login.json()['access_token']}"})
        assert me.status_code == 200
        assert [c["first_name"] for c in me.json()["children"]] == ["Emma", "Daan"]


def test_reset_mail_lands_in_the_mail_folder(tmp_path: Path) -> None:
    with EmbeddedServer(tmp_path) as server:
        response = httpx.post(f"{server.url}/api/v1/auth/password-reset",
                              json={"email": "Thomas.deVries@voorbeeld.nl"})
        assert response.status_code == 202
        # In demo mode the mail is written before the answer: no waiting, no stale code.
        first = read_reset_code(server.mail_folder, "thomas.devries@voorbeeld.nl", wait=0)
        httpx.post(f"{server.url}/api/v1/auth/password-reset",
                   json={"email": "thomas.devries@voorbeeld.nl"})
        code = read_reset_code(server.mail_folder, "thomas.devries@voorbeeld.nl", wait=0)
        assert code != first
        link = read_reset_link(server.mail_folder, "thomas.devries@voorbeeld.nl", wait=0)
        assert link.startswith(f"{server.url}/reset/")
        confirm = httpx.post(f"{server.url}/api/v1/auth/password-reset/confirm",
                             json={"email": "thomas.devries@voorbeeld.nl", "code": code,
                                   "new_password": "een nieuw wachtwoord"})
        assert confirm.status_code == 200
        login = httpx.post(f"{server.url}/api/v1/auth/login",
                           json={"email": "thomas.devries@voorbeeld.nl",
                                 "password": "een nieuw wachtwoord"})
        assert login.status_code == 200


async def test_starts_and_stops_inside_a_running_event_loop(tmp_path: Path) -> None:
    # The desktop starts it from the GUI thread while its qasync loop runs.
    server = EmbeddedServer(tmp_path)
    server.start()
    try:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"{server.url}/api/v1/portal")
        assert response.status_code == 200
    finally:
        server.stop()
    assert not server.running


def test_url_before_start_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        _ = EmbeddedServer(tmp_path).url
