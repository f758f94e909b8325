"""Finance sync speed: 500 documents downloaded by the app next to a plain httpx download.

Starts a local test portal in its own process (``--serve``: the finance endpoints of the
desktop's contract with 500 generated PDF-sized documents, ``Range`` support, and just enough
auth for a login), then in this process:

- plain: one ``httpx.AsyncClient`` downloads the same 500 documents (same concurrency), before
  and after the app's sync;
- sync: the real ``FinanceService`` logs in and syncs everything into an empty cache (resumable
  writes, SHA-256 verified, atomic rename) — throughput next to the plain figure;
- again: a second sync with nothing new (should be one small request);
- stall: a 16 ms heartbeat QTimer records how late it fires during the sync.

Run: ``uv run python benchmarks/finance_sync.py [--documents N]`` (500 by default). Prints
figures; asserts nothing.
Targets from the issue: >= 80 % of the plain throughput, second sync one request < 100 ms,
no GUI stall over 16 ms.
"""

import argparse
import asyncio
import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_DOCUMENTS = 500  # --documents N for another figure (the test suite uses a few)
SIZE = 60_000  # bytes: a one-page invoice with a logo is about this size
CONCURRENCY = 4


def _document_bytes(number: int) -> bytes:
    head = f"%PDF-1.4\n% document {number}\n".encode()
    body = hashlib.shake_256(str(number).encode()).digest(SIZE - len(head))
    return head + body


def serve(port: int, count: int) -> None:
    """The test portal (runs in the child process)."""
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


async def _plain(base: str, count: int) -> tuple[float, int]:
    import httpx

    keys = [str(n) for n in range(count)]
    received = 0
    async with httpx.AsyncClient(base_url=base) as client:
        async def worker() -> None:
            nonlocal received
            while keys:
                key = keys.pop()
                response = await client.get(f"/api/v1/finance/documents/{key}",
                                            headers={"Authorization": "Bearer a"})
                received += len(response.content)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return time.perf_counter() - started, received


def measure(base: str, count: int) -> None:
    import qasync
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.services.finance.service import FinanceService
    from desktop.services.session.clients import ClientFactory
    from desktop.services.session.service import SessionService

    app = QApplication(sys.argv)
    data = Path(tempfile.mkdtemp(prefix="finance-bench-"))
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    session = SessionService(data, app=app, settings=settings,
                             clients=ClientFactory(language="nl", max_retries=0,
                                                   device_name="bench"))
    finance = FinanceService(session)

    async def main() -> None:
        before_seconds, plain_bytes = await _plain(base, count)
        # Heartbeat: how late does a 16 ms timer fire while the app syncs?
        lateness: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            lateness.append(now - last[0] - 0.016)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(16)
        heartbeat.timeout.connect(beat)

        logged_in = asyncio.Event()
        session.loggedIn.connect(lambda _account: logged_in.set())
        session.login(base, "sanne@example.nl", "benchmark-password", False)
        await logged_in.wait()
        started = time.perf_counter()
        heartbeat.start()
        last[0] = time.perf_counter()
        await asyncio.sleep(0)
        while finance.overview is None or finance.syncing:
            await asyncio.sleep(0.005)
        sync_seconds = time.perf_counter() - started
        heartbeat.stop()
        blobs = session.cache.blobs
        synced = sum(1 for d in finance.overview.documents if blobs.path(d.blob_name))

        again_started = time.perf_counter()
        finance.refresh()
        while finance.syncing:
            await asyncio.sleep(0.001)
        again_ms = (time.perf_counter() - again_started) * 1000

        # The plain download once more after the sync: the figure it is compared with is the
        # mean of both, so a slow start (or a warmer server later) does not favour either side.
        after_seconds, _bytes = await _plain(base, count)
        plain_seconds = (before_seconds + after_seconds) / 2
        plain_rate = plain_bytes / plain_seconds / 1e6
        sync_rate = synced * SIZE / sync_seconds / 1e6
        print(f"documents: {count} x {SIZE // 1000} kB, concurrency {CONCURRENCY}")
        print(f"plain httpx download : {plain_seconds:6.2f} s  {plain_rate:7.1f} MB/s  "
              f"(mean of {before_seconds:.2f} s before and {after_seconds:.2f} s after)")
        print(f"app sync (verified)  : {sync_seconds:6.2f} s  {sync_rate:7.1f} MB/s  "
              f"({sync_rate / plain_rate:.0%} of plain; {synced} documents on disk)")
        print(f"second sync, nothing new: {again_ms:.1f} ms (one GET /finance)")
        print(f"largest GUI-thread stall during the sync: "
              f"{max(lateness, default=0) * 1000:.1f} ms over {len(lateness)} heartbeats")
        await finance.aclose()
        await session.aclose()

    qasync.run(main())


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), int(sys.argv[3]))
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--documents", type=int, default=DEFAULT_DOCUMENTS)
        count = parser.parse_args().documents
        port = _free_port()
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), str(count)])
        try:
            _wait_for(port)
            measure(f"http://127.0.0.1:{port}", count)
        finally:
            server.terminate()
            server.wait()
