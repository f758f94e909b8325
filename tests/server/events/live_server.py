"""Real server processes for the event stream tests: ASGI in-process transports buffer a
response to its end, a stream never ends — so these run uvicorn, one process each."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """`uvicorn server.cli:app_from_env` on a free port, on the given database."""

    def __init__(self, database_url: str, data_dir: Path, secret_key: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DATABASE_URL": database_url, "OUDERPORTAAL_DATA_DIR": str(data_dir),
               "OUDERPORTAAL_PUBLISH_DOCUMENTS": "off", "OUDERPORTAAL_SECRET_KEY": secret_key,
               "OUDERPORTAAL_ARGON2_TIME_COST": "1", "OUDERPORTAAL_ARGON2_MEMORY_COST": "8",
               "OUDERPORTAAL_MESSAGE_MAILS": "off"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "server.cli:app_from_env", "--factory",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Starting takes ~12 s on two busy cores (importing the app is CPU work); 60 s was
        # not always enough there.
        deadline = time.monotonic() + 90
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(self._process.stderr.read().decode())
            try:
                if httpx.get(f"{self.url}/api/v1/portal", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the server did not start")
            time.sleep(0.2)

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stderr is not None:
            self._process.stderr.close()
