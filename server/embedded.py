"""An in-process demo server for `ouderportaal --demo` and the desktop end-to-end tests.

Importing this module is cheap on purpose: the app imports it in its GUI thread to take the
demo's address before its login window paints, and the web stack (uvicorn, the app, the demo
data) is imported by the server's own thread when it starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import weakref
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from server.config import Settings, sqlite_url

if TYPE_CHECKING:
    import uvicorn

logger = logging.getLogger(__name__)

START_TIMEOUT = 60.0


class EmbeddedServer:
    """The demo portal server on loopback, running uvicorn in a daemon thread.

    `start()` migrates the SQLite database in `data_dir`, builds the demo organisation when
    the database is empty and returns once the server accepts requests. `bind()` may take the
    address earlier: `url` is known from then on, and a client that connects before the server
    runs waits in the listen backlog instead of being refused. `stop()` shuts it down
    gracefully, also while it is still starting. It can be started again on the same data
    dir; when port 0 (any free port) was asked for, a restart reuses the port of the first
    start so clients keep their address.
    No signal handlers are installed (uvicorn only does that in the main thread).
    Reset mails are written as .eml files to `mail_folder` (`server.mail.MailFolderMailer`).
    """

    def __init__(self, data_dir: Path, *, host: str = "127.0.0.1", port: int = 0,
                 today: date | None = None, demo_photos: bool = False) -> None:
        self.data_dir = Path(data_dir)
        # The app's demo shows photos; the test suites' portals start without (server/demo/
        # photos.py).
        self._demo_photos = demo_photos
        self.host = host
        self._port = port
        self._today = today
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._stopping = False
        self._server: uvicorn.Server | None = None
        self._server_loop: asyncio.AbstractEventLoop | None = None
        self._started = threading.Event()
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        if not self._port:
            raise RuntimeError("the embedded server has not been started yet")
        return f"http://{self.host}:{self._port}"

    @property
    def mail_folder(self) -> Path:
        return self.data_dir / "mail"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def settings(self) -> Settings:
        return Settings(
            data_dir=self.data_dir,
            database_url=sqlite_url(self.data_dir),
            public_url=self.url,
            mail_folder=self.mail_folder,
            # PDFs are rendered on the parent's own computer here: only the families whose
            # documents someone opens, not the whole demo organisation.
            publish_documents="wanted",
        )

    def bind(self) -> None:
        """Take the address (a free port for port 0) and listen; serving starts with `start`."""
        if self._socket is None and not self.running:
            self._socket = self._bind()

    def start(self) -> None:
        if self.running:
            raise RuntimeError("the embedded server is already running")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.bind()
        sock, self._socket = self._socket, None
        self._started.clear()
        self._error = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, args=(sock,),
                                        name="ouderportaal-embedded-server", daemon=True)
        self._thread.start()
        if not self._started.wait(START_TIMEOUT):
            self.stop()
            raise RuntimeError("the embedded server did not start in time")
        if self._stopping:
            raise RuntimeError("the embedded server was stopped while it started")
        if self._error is not None:
            self._thread.join()
            self._thread = None
            raise RuntimeError("the embedded server failed to start") from self._error

    def stop(self) -> None:
        # The flag first: a server thread that has not made its uvicorn server yet sees it.
        self._stopping = True
        if self._server is not None:
            # The app's event stream ends first: uvicorn would wait for it (server/events).
            loop = self._server_loop
            hub = getattr(self._server.config.app.state, "events", None)  # after the startup
            if loop is not None and hub is not None:
                with contextlib.suppress(RuntimeError):  # the loop has just ended
                    loop.call_soon_threadsafe(hub.close)
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._server = None
        if self._socket is not None:  # bound, never started
            self._socket.close()
            self._socket = None

    def __enter__(self) -> EmbeddedServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _bind(self) -> socket.socket:
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only when
        # the socket says it is TCP, and proto 0 does not. Without it every response (headers
        # and body written separately) waited ~40 ms for the client's delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        # A restart right after a stop must get the same port despite TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self._port))
        except OSError:
            sock.close()
            raise
        self._port = sock.getsockname()[1]
        sock.listen()  # from now on a connection waits for the server instead of failing
        return sock

    def _run(self, sock: socket.socket) -> None:
        try:
            asyncio.run(self._serve(sock))
        except BaseException as exc:  # reported to start() or logged; the thread must end
            if not self._started.is_set():
                self._error = exc
            else:
                logger.exception("The embedded server stopped with an error")
        finally:
            sock.close()
            self._started.set()

    async def _serve(self, sock: socket.socket) -> None:
        import uvicorn

        from server.app import create_app
        from server.demo.database import amsterdam_today, create_demo_database

        settings = self.settings()
        built = await create_demo_database(settings, today=self._today)
        if built is not None and self._demo_photos:
            from server.demo.photos import add_demo_photos

            await add_demo_photos(settings, self._today or amsterdam_today())
        if self._stopping:
            return
        connections: weakref.WeakSet[asyncio.BaseTransport] = weakref.WeakSet()
        config = uvicorn.Config(
            create_app(settings), log_config=None, access_log=False, lifespan="on",
            loop="asyncio", http=_tracked_h11(connections), ws="none", timeout_graceful_shutdown=5,
            server_header=False,
        )
        server = uvicorn.Server(config)
        self._server_loop = asyncio.get_running_loop()
        self._server = server
        if self._stopping:  # stop() came before it could see the server
            return
        serving = asyncio.ensure_future(server.serve(sockets=[sock]))
        while not server.started:
            if serving.done():
                serving.result()  # raises the startup error
                raise RuntimeError("uvicorn stopped during startup")
            await asyncio.sleep(0.01)
        self._started.set()
        await serving
        # A connection whose close waits for a client that stopped reading, or whose request
        # was cancelled at the end of the graceful timeout, would keep its socket past this
        # loop's end: closed here, while the loop still runs the close callbacks.
        for transport in list(connections):
            transport.abort()
        await asyncio.sleep(0)
        # A request cancelled in the middle of a database call (an event stream ended by the
        # stop) leaves SQLAlchemy closing that connection in a task of its own: it ends before
        # this loop does, not destroyed with it. Only those: other leftovers (sse-starlette's
        # shutdown watcher polls for as long as the thread lives) are asyncio.run's to cancel.
        closing = {task for task in asyncio.all_tasks()
                   if getattr(task.get_coro(), "__name__", "") == "_terminate_graceful_close"}
        deadline = asyncio.get_running_loop().time() + 5
        while closing and asyncio.get_running_loop().time() < deadline:
            _done, closing = await asyncio.wait(closing, timeout=0.05)
            closing = {task for task in closing if _can_still_close(task)}


def _can_still_close(task: asyncio.Task) -> bool:
    """Whether SQLAlchemy's graceful close in `task` can still end. With aiosqlite 0.22.1 it
    cannot once SQLAlchemy forced the close meanwhile (the request was cancelled again): the
    connection's worker thread ends at that first stop, and the graceful close's own stop
    waits for an answer from it for ever. Such a task is left to asyncio.run to cancel,
    instead of holding every stop for the full five seconds (seen in the e2e teardowns)."""
    frame = getattr(task.get_coro(), "cr_frame", None)
    adapted = frame.f_locals.get("self") if frame is not None else None
    worker = getattr(getattr(adapted, "_connection", None), "_thread", None)
    return worker is None or worker.is_alive()


def _tracked_h11(connections: weakref.WeakSet[asyncio.BaseTransport]) -> type:
    """uvicorn's h11 protocol, noting each connection's transport in ``connections``."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class TrackedH11(H11Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
            connections.add(transport)
            super().connection_made(transport)  # type: ignore[arg-type]

    return TrackedH11
