"""The embedded demo server that the desktop's --demo mode and end-to-end tests run."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
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
        # The demo announces no newer desktop release, so the update hint stays silent.
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


def test_a_client_that_connects_before_the_start_is_answered_once_it_runs(tmp_path: Path) -> None:
    # ouderportaal --demo shows the address at once and starts the server after the login
    # window has painted: a portal check sent in between must wait, not be refused.
    server = EmbeddedServer(tmp_path)
    server.bind()
    url = server.url
    answers: list[httpx.Response] = []
    early = threading.Thread(target=lambda: answers.append(
        httpx.get(f"{url}/api/v1/portal", timeout=60)))
    early.start()
    try:
        time.sleep(0.2)  # connected, and waiting in the listen backlog
        assert not answers
        server.start()
        early.join(60)
        assert [a.status_code for a in answers] == [200]
        assert server.url == url
    finally:
        server.stop()


def test_a_bound_server_that_never_started_frees_its_address(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    server.bind()
    port = int(server.url.rsplit(":", 1)[1])
    server.stop()
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))  # would fail while the server still held it
    assert not server.running


def test_a_stop_while_it_starts_ends_the_start(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    failures: list[BaseException] = []

    def start() -> None:
        try:
            server.start()
        except RuntimeError as error:
            failures.append(error)

    starting = threading.Thread(target=start)
    starting.start()
    time.sleep(0.1)  # building the demo database
    server.stop()
    starting.join(60)
    assert not starting.is_alive() and not server.running
    assert [str(f) for f in failures] == ["the embedded server was stopped while it started"]
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/api/v1/portal")


# Imports the server package as the desktop's --demo does, then serves, and lists what that
# loaded: the PDF layouts (fpdf2, fontTools) wait for the first PDF.
IMPORTS = """
import json, sys
from pathlib import Path
import server.embedded
before = sorted(sys.modules)
with server.embedded.EmbeddedServer(Path(sys.argv[1])) as running:
    serving = sorted(sys.modules)
print(json.dumps({"imported": before, "serving": serving}))
"""


def test_the_pdf_layouts_are_loaded_only_when_a_pdf_is_made(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", IMPORTS, str(tmp_path)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    modules = json.loads(result.stdout.splitlines()[-1])

    def heavy(names: list[str]) -> list[str]:
        return [n for n in names if n.split(".")[0] in
                ("uvicorn", "fastapi", "sqlalchemy", "alembic", "fpdf", "fontTools")]

    assert heavy(modules["imported"]) == []  # the address can be taken without the web stack
    assert "fastapi" in modules["serving"] and "sqlalchemy" in modules["serving"]
    assert [n for n in heavy(modules["serving"]) if n.startswith(("fpdf", "fontTools"))] == []


def test_stopping_ends_an_open_event_stream_instead_of_waiting_for_it(tmp_path: Path) -> None:
    """The app keeps `GET /events` open; the stop ends it (server/events/hub.py `close`)
    rather than letting uvicorn wait out its graceful-shutdown timeout and cancel it with an
    error in the log (which fails this test)."""
    server = EmbeddedServer(tmp_path, today=date(2026, 3, 2))
    server.start()
    login = httpx.post(f"{server.url}/api/v1/auth/login",
                       json={"email": "sanne.devries@voorbeeld.nl", "password": DEMO_PASSWORD})
    token = login.json()["access_token"]
    lines: list[str] = []
    ready = threading.Event()

    def listen() -> None:
        with httpx.stream("GET", f"{server.url}/api/v1/events", timeout=60,
                          headers={"Authorization": f"Bearer {token}"}) as stream:
            for line in stream.iter_lines():
                lines.append(line)
                if line == "event: ready":
                    ready.set()

    reader = threading.Thread(target=listen)
    reader.start()
    try:
        assert ready.wait(30), lines
    finally:
        server.stop()
        reader.join(30)
    assert not reader.is_alive()  # the stream came to its end, the reader with it
    assert "event: ready" in lines
