"""Messages speed: a staff reply to the parent's notification, a long thread from the cache,
and the server's memory with many event streams open.

- **Reply → notification**: two server processes on PostgreSQL (``--postgres``; without it
  one process on SQLite, which allows only one). The parent's app (the real services
  container, its inbox polled only every ten minutes: the event stream must bring it) holds
  its stream on the first process; a staff member's client posts each reply to the second.
  The time from the POST to the app's ``Notifier.notify``, median and p99 over ``--replies``,
  next to the POST's own round trip and a plain ``GET /portal`` in the same run.
- **A long thread from the cache**: ``--messages`` messages in one conversation (put on the
  server, then synced into the app's cache the usual way); fresh services over that cache
  (as after a restart), the real Berichten page: the time from choosing the conversation to
  the thread painted (target < 100 ms), then scrolling from the newest message to the first,
  each step painted, while a 16 ms timer records the GUI thread's stalls (target p99 <= 16 ms).
- **Streams**: the first process's resident memory before and with ``--streams`` event
  streams open (each has had its ``ready``), per stream.

Run: ``uv run python benchmarks/messages.py [--postgres postgresql://test@127.0.0.1:54354/postgres]``.
Prints figures and the machine's load; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
import qasync  # noqa: E402
from dagboek import Stalls, _p99, wait_for  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from server_load import recreate_postgres  # noqa: E402

from desktop.services.container import Services  # noqa: E402
from desktop.services.session.clients import ClientFactory  # noqa: E402
from desktop.views.messages.page import MessagesPage  # noqa: E402

SANNE = "sanne.devries@voorbeeld.nl"
FATIMA = "fatima.elamrani@voorbeeld.nl"
PASSWORD = "zonnebloem-demo"
REPLIED = "Vrijdag haalt opa Emma op"  # the replies go here
LONG = "Slaapje van Emma"  # and the long thread is this one
SECRET_KEY = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def server_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url, "OUDERPORTAAL_DATA_DIR": str(data_dir),
            "OUDERPORTAAL_SECRET_KEY": SECRET_KEY,  # one for both processes
            "OUDERPORTAAL_MAIL_FOLDER": str(data_dir / "mail"),  # no SMTP server here
            "OUDERPORTAAL_PUBLISH_DOCUMENTS": "off", "OUDERPORTAAL_ACCESS_TOKEN_MINUTES": "600"}


async def build_database(env: dict[str, str], messages: int) -> None:
    """The demo, and ``messages`` messages in Sanne's conversation ``LONG``, a few a day."""
    from sqlalchemy import select

    from server.config import Settings
    from server.db import create_engine, create_sessionmaker
    from server.demo.database import create_demo_database
    from server.models import Conversation, Message, User

    settings = Settings.from_env(env)
    await create_demo_database(settings)
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as db:
            users = dict((await db.execute(select(User.email, User.id).where(
                User.email.in_((SANNE, FATIMA))))).all())
            conversation = (await db.scalars(select(Conversation).where(
                Conversation.subject == LONG))).one()
            start = datetime.now(UTC) - timedelta(minutes=messages * 90)
            for n in range(messages):
                family = n % 2 == 0
                db.add(Message(conversation_id=conversation.id,
                               author_id=users[SANNE if family else FATIMA], from_family=family,
                               body=f"Bericht {n + 1}: " + "over het slapen en eten " * (n % 7),
                               sent_at=start + timedelta(minutes=90 * n)))
            conversation.last_message_at = start + timedelta(minutes=90 * messages)
            await db.commit()
    finally:
        await engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "server.cli:app_from_env", "--factory", "--host",
         "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/portal", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    return f"median {statistics.median(ordered):.1f} ms, p99 {_p99(ordered):.1f} ms"


async def token(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    response = await client.post("/api/v1/auth/login",
                                 json={"email": email, "password": PASSWORD})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def build_services(data: Path, qapp: QApplication) -> Services:
    return Services.build(data, clients=ClientFactory(language="nl", max_retries=0), app=qapp)


async def log_in(services: Services, url: str) -> None:
    services.session.login(url, SANNE, PASSWORD, False)
    await wait_for(lambda: services.messages.inbox is not None and services.live.connected)
    services.session.set_keep_offline_copy(True)  # the copy stays for the restart below
    services.messages.set_poll_interval(600_000)  # only the event stream brings replies


async def measure_notifications(stream_url: str, reply_url: str, qapp: QApplication,
                                data: Path, replies: int) -> None:
    services = build_services(data, qapp)
    await log_in(services, stream_url)
    inbox = services.messages.inbox
    replied = next(c for c in inbox.conversations if c.subject == REPLIED)
    long = next(c for c in inbox.conversations if c.subject == LONG)
    cache = services.session.cache
    started = time.perf_counter()
    await wait_for(lambda: cache.threads.last_id(long.id) == long.last_message_id, 300)
    print(f"first sync of the long thread into the cache: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    told: list[float] = []
    services.notifications.notify.connect(
        lambda n: told.append(time.perf_counter()) if n.item.id == replied.id else None)
    latencies, posts, plain = [], [], []
    async with httpx.AsyncClient(base_url=reply_url) as staff:
        headers = await token(staff, FATIMA)
        for n in range(replies):
            began = time.perf_counter()
            (await staff.get("/api/v1/portal")).raise_for_status()
            plain.append((time.perf_counter() - began) * 1000)
            seen = len(told)
            began = time.perf_counter()
            response = await staff.post(
                f"/api/v1/conversations/{replied.id}/messages",
                json={"body": f"Antwoord {n + 1}"},
                headers={**headers, "Idempotency-Key": secrets.token_hex(16)})
            response.raise_for_status()
            posts.append((time.perf_counter() - began) * 1000)
            await wait_for(lambda: len(told) > seen, 30)  # noqa: B023 (awaited here)
            latencies.append((told[-1] - began) * 1000)
    print(f"reply POST on the other process → the parent app's notification, {replies} "
          f"replies: {summary(latencies)}")
    print(f"  the reply POST's own round trip: {summary(posts)}")
    print(f"  plain HTTP round trip (GET /portal) in the same run: {summary(plain)}")
    await services.aclose()


async def measure_long_thread(url: str, qapp: QApplication, data: Path) -> None:
    # As after a restart: new services over the same cache, nothing in memory.
    services = build_services(data, qapp)
    await log_in(services, url)
    page = MessagesPage(services.messages, staff=False, profile=services.profile.profile)
    page.resize(1180, 720)
    page.show()
    # The parent reads the newest conversation first (the first text laid out in a process
    # costs more than any after it: fonts and shaping are loaded then).
    replied = next(c for c in services.messages.inbox.conversations if c.subject == REPLIED)
    page.list.setCurrentIndex(page.conversations.index(page.conversations.row_of(replied.id)))
    page.thread.viewport().repaint()
    await asyncio.sleep(0.5)
    long = next(c for c in services.messages.inbox.conversations if c.subject == LONG)
    row = page.conversations.row_of(long.id)
    long_count = len(services.session.cache.threads.messages(long.id) or [])
    started = time.perf_counter()
    page.list.setCurrentIndex(page.conversations.index(row))
    page.thread.viewport().repaint()
    opened = (time.perf_counter() - started) * 1000
    print(f"open the {long_count}-message conversation from the cache (to the thread painted, "
          f"after another one): {opened:.1f} ms (target < 100)")
    stalls = Stalls()
    stalls.start()
    bar = page.thread.verticalScrollBar()
    steps = 0
    first = services.session.cache.threads.messages(long.id, limit=-1)[0].id

    def at_the_first() -> bool:
        return bar.value() == bar.minimum() and not page.thread_model.older_hidden \
            and services.messages.thread(long.id)[0].id == first

    while not at_the_first() and steps < 50_000:
        bar.setValue(max(bar.minimum(), bar.value() - bar.pageStep() // 2))
        page.thread.viewport().repaint()
        steps += 1
        await asyncio.sleep(0.004)
    stalls.stop()
    if not at_the_first():
        print("scrolling did not reach the first message")
    print(f"scroll to the first message ({steps} steps, {page.thread_model.rowCount()} rows): "
          f"GUI-thread stalls {stalls.report()} (target p99 <= 16)")
    page.close()
    await services.aclose()


async def measure_streams(url: str, pid: int, count: int) -> None:
    async with httpx.AsyncClient(base_url=url) as client:
        headers = await token(client, FATIMA)
    host, port = url.removeprefix("http://").split(":")
    request = (f"GET /api/v1/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n"
               f"Authorization: {headers['Authorization']}\r\n\r\n").encode()

    refused: list[str] = []

    async def open_one() -> asyncio.StreamWriter:
        for _attempt in range(5):  # an app that is refused comes back (with backoff)
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.write(request)
            await writer.drain()
            try:
                await asyncio.wait_for(reader.readuntil(b"event: ready"), 60)
                return writer
            except asyncio.IncompleteReadError as answer:
                refused.append(answer.partial.split(b"\r\n", 1)[0].decode())
                writer.close()
                await asyncio.sleep(1)
        raise RuntimeError(f"a stream was refused five times: {refused[-1]}")

    await asyncio.sleep(1)
    before = rss_kb(pid)
    writers: list[asyncio.StreamWriter] = []
    for first in range(0, count, 50):  # 50 apps at a time
        writers += await asyncio.gather(*(open_one() for _ in range(min(50, count - first))))
    await asyncio.sleep(1)
    during = rss_kb(pid)
    print(f"server memory (RSS of the process holding them): {before / 1024:.1f} MB before, "
          f"{during / 1024:.1f} MB with {count} event streams open: "
          f"{(during - before) / count:.1f} kB per stream")
    print(f"  streams refused at the first try and opened again: {len(refused)}"
          + (f" (the first answer: {refused[0]})" if refused else ""))
    for writer in writers:
        writer.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL server URL (a scratch database is "
                        "made there); without it SQLite and one server process")
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--streams", type=int, default=2000)
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average "
          f"{', '.join(f'{n:.2f}' for n in os.getloadavg())} (1, 5, 15 min)")
    root = Path(tempfile.mkdtemp(prefix="messages-bench-"))
    if options.postgres:
        database_url, _pid = asyncio.run(recreate_postgres(options.postgres))
    else:
        database_url = f"sqlite+aiosqlite:///{root / 'server' / 'ouderportaal.sqlite3'}"
    env = server_env(database_url, root / "server")
    asyncio.run(build_database(env, options.messages))
    processes = [start_server(env) for _ in range(2 if options.postgres else 1)]
    try:
        stream_url, reply_url = processes[0][1], processes[-1][1]
        print(f"{len(processes)} server process(es) on "
              f"{'PostgreSQL' if options.postgres else 'SQLite'}")
        qapp = QApplication.instance() or QApplication(sys.argv[:1])
        qapp.setQuitOnLastWindowClosed(False)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(qapp)) as runner:
            runner.run(measure_notifications(stream_url, reply_url, qapp, root / "desktop",
                                             options.replies))
            runner.run(measure_long_thread(stream_url, qapp, root / "desktop"))
        asyncio.run(measure_streams(stream_url, processes[0][0].pid, options.streams))
    finally:
        for process, _url in processes:
            process.terminate()
            process.wait(30)
    print(f"load average at the end: {', '.join(f'{n:.2f}' for n in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
