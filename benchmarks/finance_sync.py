"""Finance sync speed: the app's document download next to a plain httpx download, from a
stand-in portal and from the real server.

Two sources, each in its own process (as a real portal is):

- stand-in (``--serve``): the finance endpoints of the desktop's contract serving ``--documents``
  generated PDF-sized documents from memory, ``Range`` support, and just enough auth for a
  login — the client side's ceiling;
- real: the portal server itself (``server.embedded``, the demo organisation: the documents of
  the De Vries family, about 30, each a PDF the server publishes once, when the family is
  first listed — its listing says ``preparing`` until then).

For each, in this process:

- plain: one ``httpx.AsyncClient`` downloads the same documents (same concurrency), before and
  after the app's sync;
- sync: the real ``SessionService`` and ``FinanceService`` log in and sync everything into an
  empty cache (resumable writes, SHA-256 verified, atomic rename) — throughput next to plain;
- again: a second sync with nothing new (should be one small request);
- stall: a 16 ms heartbeat QTimer records how late it fires, from the login click through the
  sync — the login and the sync reported apart.

Run: ``uv run python benchmarks/finance_sync.py [--documents N] [--source stand-in|real|both]``
(500 stand-in documents by default). Prints figures; asserts nothing.
Targets from the issues: >= 80 % of the plain throughput, second sync one request < 100 ms,
no GUI stall over 16 ms (at login too).
"""

# No "from __future__ import annotations": FastAPI reads the stand-in's parameter types, which
# are imported inside serve().
import argparse
import asyncio
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_DOCUMENTS = 500  # --documents N for another figure (the test suite uses a few)
SIZE = 60_000  # bytes: a one-page invoice with a logo is about this size
CONCURRENCY = 4
SANNE = "sanne.devries@voorbeeld.nl"
DEMO_PASSWORD = "zonnebloem-demo"  # docs/api.md, "Demo organisation"


def _document_bytes(number: int) -> bytes:
    head = f"%PDF-1.4\n% document {number}\n".encode()
    body = hashlib.shake_256(str(number).encode()).digest(SIZE - len(head))
    return head + body


def serve(port: int, count: int) -> None:
    """The stand-in portal (runs in the child process)."""
    import uvicorn
    from fastapi import FastAPI, Request, Response

    documents = {str(n): _document_bytes(n) for n in range(count)}
    overview = {
        "access": "granted", "primary_parent_name": "Sanne de Vries", "cursor": "v1",
        "tariffs": [{"year": 2026, "care_type": "KDV", "hourly_rate_cents": 1150,
                     "max_hourly_rate_cents": 1123}],
        "documents": [
            {"id": key, "kind": "invoice", "number": f"F2026-{int(key):05d}",
             "period": f"20{10 + int(key) // 12:02d}-{int(key) % 12 + 1:02d}",
             "year": 2010 + int(key) // 12, "amount_cents": 100_000 + int(key),
             "status": "paid", "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
             "url": f"/api/v1/finance/documents/{key}"}
            for key, data in documents.items()],
    }
    user = {"id": 3, "email": "sanne@example.nl", "name": "Sanne de Vries", "phone": None,
            "role": "primary_parent"}
    app = FastAPI()

    @app.get("/api/v1/portal")
    def portal() -> dict:
        return {"name": "Benchmark", "short_name": "bench", "api_version": 1}

    @app.post("/api/v1/auth/login")
    def login() -> dict:
        return {"access_token": "a", "refresh_token": "r", "token_type": "Bearer",
                "expires_in": 3600, "session_id": "s"}

    @app.get("/api/v1/me")
    def me() -> dict:
        return {"user": user, "family": {"id": 1, "name": "De Vries",
                                         "primary_parent_name": "Sanne de Vries"},
                "children": [], "groups": [], "locations": [], "access_until": None}

    @app.get("/api/v1/policy")
    def policy() -> dict:
        return {"inactivity_lock_minutes": 10, "cancel_absence_min_days": 30}

    @app.get("/api/v1/finance")
    def finance(cursor: str | None = None) -> dict:
        return {"unchanged": True, "cursor": "v1"} if cursor == "v1" else overview

    @app.get("/api/v1/finance/documents/{key}")
    def document(key: str, request: Request) -> Response:
        data = documents[key]
        start = 0
        status = 200
        headers = {"Accept-Ranges": "bytes", "ETag": f'"{hashlib.sha256(data).hexdigest()}"'}
        range_header = request.headers.get("range")
        if range_header:
            start = int(range_header.removeprefix("bytes=").split("-")[0])
            status = 206
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        return Response(data[start:], status_code=status, media_type="application/pdf",
                        headers=headers)

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


# The real server in its own process; prints its address, serves until stdin closes.
SERVE_REAL = """
import sys
from pathlib import Path
from server.embedded import EmbeddedServer
with EmbeddedServer(Path(sys.argv[1])) as server:
    print(server.url, flush=True)
    sys.stdin.read()
"""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    email: str
    password: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the test portal did not start")


async def _first_listing(source: Source) -> tuple[float, list[str], str]:
    """Log in with plain httpx and list the documents until every one is there (the real
    server publishes a family's PDFs off the request path: its listing says `preparing` until
    they are made), following the pages; returns that duration, the download paths and the
    access token."""
    import httpx

    async with httpx.AsyncClient(base_url=source.url, timeout=60) as client:
        response = await client.post("/api/v1/auth/login", json={
            "email": source.email, "password": source.password, "device_name": "benchmark"})
        response.raise_for_status()
        token = response.json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        started = time.perf_counter()
        while True:
            paths, cursor, preparing = [], None, False
            while True:
                listing = await client.get("/api/v1/finance", headers=auth,
                                           params={"cursor": cursor} if cursor else None)
                listing.raise_for_status()
                page = listing.json()
                preparing = preparing or page.get("preparing", False)
                paths += [d["url"] for d in page["documents"]]
                if not (cursor := page.get("next_cursor")):
                    break
            if not preparing:
                break
            await asyncio.sleep(0.05)
        seconds = time.perf_counter() - started
    return seconds, paths, token


async def _plain(source: Source, paths: list[str], token: str) -> tuple[float, int]:
    import httpx

    todo = list(paths)
    received = 0
    async with httpx.AsyncClient(base_url=source.url, timeout=60) as client:
        async def worker() -> None:
            nonlocal received
            while todo:
                response = await client.get(todo.pop(),
                                            headers={"Authorization": f"Bearer {token}"})
                response.raise_for_status()
                received += len(response.content)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return time.perf_counter() - started, received


async def measure(source: Source, data: Path) -> None:
    from heartbeat import Heartbeat
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.services.finance.service import FinanceService
    from desktop.services.session.clients import ClientFactory
    from desktop.services.session.service import SessionService

    listing_seconds, paths, token = await _first_listing(source)
    before_seconds, plain_bytes = await _plain(source, paths, token)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    session = SessionService(data, settings=settings, app=QApplication.instance(),
                             clients=ClientFactory(language="nl", max_retries=0,
                                                   device_name="bench"))
    finance = FinanceService(session)
    heartbeat = Heartbeat()
    logged_in = asyncio.Event()
    session.loggedIn.connect(lambda _account: logged_in.set())
    # The heartbeat runs from the click on: the login path must not stall either.
    heartbeat.start("login")
    session.login(source.url, source.email, source.password, False)
    await logged_in.wait()
    heartbeat.phase = "sync"
    started = time.perf_counter()
    await asyncio.sleep(0)
    while finance.overview is None or finance.syncing:
        await asyncio.sleep(0.005)
    sync_seconds = time.perf_counter() - started
    heartbeat.stop()
    blobs = session.cache.blobs
    synced = [d for d in finance.overview.documents if blobs.path(d.blob_name)]
    synced_bytes = sum(d.size for d in synced)

    again_started = time.perf_counter()
    finance.refresh()
    while finance.syncing:
        await asyncio.sleep(0.001)
    again_ms = (time.perf_counter() - again_started) * 1000

    # The plain download once more after the sync: the figure it is compared with is the
    # mean of both, so a slow start (or a warmer server later) does not favour either side.
    after_seconds, _bytes = await _plain(source, paths, token)
    plain_seconds = (before_seconds + after_seconds) / 2
    plain_rate = plain_bytes / plain_seconds / 1e6
    sync_rate = synced_bytes / sync_seconds / 1e6
    print(f"[{source.name}] documents: {len(paths)}, {plain_bytes / len(paths) / 1000:.0f} kB "
          f"each on average, concurrency {CONCURRENCY}")
    print(f"[{source.name}] first listing (until every PDF is published): "
          f"{listing_seconds * 1000:.0f} ms")
    print(f"[{source.name}] plain httpx download : {plain_seconds:6.2f} s  {plain_rate:7.1f} MB/s"
          f"  (mean of {before_seconds:.2f} s before and {after_seconds:.2f} s after)")
    print(f"[{source.name}] app sync (verified)  : {sync_seconds:6.2f} s  {sync_rate:7.1f} MB/s"
          f"  ({sync_rate / plain_rate:.0%} of plain; {len(synced)} documents on disk)")
    print(f"[{source.name}] second sync, nothing new: {again_ms:.1f} ms (one GET /finance)")
    print(f"[{source.name}] largest GUI-thread stall at login: {heartbeat.report('login')}")
    print(f"[{source.name}] largest GUI-thread stall during the sync: "
          f"{heartbeat.report('sync')}")
    await finance.aclose()
    await session.aclose()


def _stand_in(count: int) -> tuple[subprocess.Popen, Source]:
    port = _free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), str(count)])
    _wait_for(port)
    return server, Source("stand-in", f"http://127.0.0.1:{port}", "sanne@example.nl",
                          "benchmark-password")


def _real(folder: Path) -> tuple[subprocess.Popen, Source]:
    server = subprocess.Popen([sys.executable, "-c", SERVE_REAL, str(folder)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    if not url:
        raise SystemExit("the portal server did not start")
    return server, Source("real server", url, SANNE, DEMO_PASSWORD)


def _stop(server: subprocess.Popen) -> None:
    if server.stdin is not None:
        server.stdin.close()
    else:
        server.terminate()
    server.wait(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=DEFAULT_DOCUMENTS,
                        help="documents of the stand-in portal")
    parser.add_argument("--source", choices=("stand-in", "real", "both"), default="both")
    args = parser.parse_args()
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    folder = Path(tempfile.mkdtemp(prefix="finance-bench-"))
    starts = {"stand-in": lambda: _stand_in(args.documents),
              "real": lambda: _real(folder / "server")}
    chosen = list(starts) if args.source == "both" else [args.source]
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        for name in chosen:
            server, source = starts[name]()
            try:
                runner.run(measure(source, folder / f"desktop-{name}"))
            finally:
                _stop(server)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(main())
