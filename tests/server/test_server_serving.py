"""Several workers share the connections (server/serving.py): a burst of new keep-alive
connections is spread over the workers instead of landing on whichever woke first."""

from __future__ import annotations

import http.client
import json
import pickle
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from server.serving import BALANCED_WORKERS, OwnListener

HERE = Path(__file__).resolve().parent
linux_only = pytest.mark.skipif(not BALANCED_WORKERS,
                                reason="SO_REUSEPORT balances connections on Linux only")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@linux_only
def test_each_worker_gets_a_listening_socket_of_its_own_on_the_same_port() -> None:
    port = free_port()
    placeholder = OwnListener("127.0.0.1", port)
    first, second = pickle.loads(pickle.dumps(placeholder)), \
        pickle.loads(pickle.dumps(placeholder))
    try:
        assert first.fileno() != second.fileno()
        assert first.getsockname() == second.getsockname() == ("127.0.0.1", port)
        assert first.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
        assert first.proto == socket.IPPROTO_TCP
    finally:
        first.close()
        second.close()


@linux_only
def test_a_burst_of_connections_is_spread_over_both_workers() -> None:
    port = free_port()
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); from server.serving import serve; "
            f"serve('pid_app:pid_app', '127.0.0.1', {port}, 2, factory=True)")
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2:  # both workers up (each answers on its own socket)
            assert time.monotonic() < deadline, "the workers did not start"
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                probe.request("GET", "/pid")
                workers.add(json.loads(probe.getresponse().read())["pid"])
                probe.close()
            except OSError:
                time.sleep(0.2)
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                       for _ in range(32)]
        for connection in connections:
            connection.connect()  # all at once, as a proxy opening its pool does
        answered: Counter[int] = Counter()
        for connection in connections:
            connection.request("GET", "/pid")
            answered[json.loads(connection.getresponse().read())["pid"]] += 1
            connection.close()
        # One shared socket gave one worker 31 or 32 of them; hashing over two sockets
        # leaves fewer than 4 on one side about once in 400,000 runs.
        assert len(answered) == 2 and min(answered.values()) >= 4, answered
    finally:
        server.terminate()
        server.wait(30)


def test_a_worker_imports_little_before_it_answers_the_health_check() -> None:
    # Every worker re-imports server.cli (multiprocessing's spawn) before it can answer
    # uvicorn's five-second health check; with the database layer and Alembic in that import,
    # workers on a busy machine were killed and restarted in a loop (server/cli.py).
    code = ("import sys, server.cli; heavy = {'alembic', 'sqlalchemy', 'fastapi', 'fpdf'}; "
            "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"
