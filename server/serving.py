"""How `ouderportaal-server serve` runs uvicorn: its options, and several workers that share the
load evenly.

With uvicorn's own `--workers`, the supervisor binds one listening socket and every worker
accepts from it. Whichever worker wakes first takes every connection that is waiting, and a
keep-alive connection stays with the worker that took it: a burst of new connections (a proxy
opening its pool, the morning peak) lands on one worker and one core while the other idles. On
Linux each worker therefore listens on a socket of its own in the port's SO_REUSEPORT group, and
the kernel spreads new connections over them. Elsewhere the workers share one socket as before.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess

# Balancing over the sockets of a SO_REUSEPORT group is Linux behaviour; on macOS and the BSDs
# the option exists but one socket gets every connection.
BALANCED_WORKERS = sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT")


def uvicorn_options(forwarded_allow_ips: str = "127.0.0.1") -> dict[str, Any]:
    """The options every server process runs with (the load benchmark's trivial endpoint runs
    with the same). uvicorn's access log would print reset tokens; server.access_log masks
    them."""
    return {"proxy_headers": True, "access_log": False,
            "forwarded_allow_ips": forwarded_allow_ips, "ws": "none",
            "server_header": False}


def serve(app: Any, host: str, port: int, workers: int = 1, *, factory: bool = False,
          forwarded_allow_ips: str = "127.0.0.1") -> None:
    """Serve `app` (with several workers: an import string, which each worker imports)."""
    options = uvicorn_options(forwarded_allow_ips)
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, factory=factory, **options)
        return
    if not BALANCED_WORKERS:
        uvicorn.run(app, host=host, port=port, factory=factory, workers=workers, **options)
        return
    config = uvicorn.Config(app, host=host, port=port, factory=factory, workers=workers,
                            **options)
    _own_listener(host, port).close()  # a port already taken fails here, once, not per worker
    Multiprocess(config, sockets=[OwnListener(host, port)]).run()


class OwnListener:
    """Stands for the listening socket in the list uvicorn gives each worker (it pickles the
    list into every worker it starts, restarted ones too): unpickled in the worker, it is a new
    socket of that worker's own in the port's SO_REUSEPORT group."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return _own_listener, (self.host, self.port)


def _own_listener(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only when the
    # socket says it is TCP (see server.embedded).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock
