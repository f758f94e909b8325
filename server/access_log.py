"""Request logging without secrets.

uvicorn's own access log prints the full path, and the reset page's path holds the reset
token (`/reset/<token>`). This middleware logs instead, with such tokens masked; the server
turns uvicorn's access log off.
"""

from __future__ import annotations

import logging
import re
import time

from starlette.types import Receive, Scope, Send

from server.asgi import HttpMiddleware, ResponseWatch

logger = logging.getLogger("server.access")

_SECRET_PATHS = re.compile(r"^(/reset/)[^/]+")


def loggable_path(path: str) -> str:
    return _SECRET_PATHS.sub(r"\1…", path)


class AccessLogMiddleware(HttpMiddleware):
    """Logs method, masked path, status and duration of every HTTP request at INFO."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch)
        finally:
            client = scope.get("client")
            logger.info('%s "%s %s" %s %.1f ms', client[0] if client else "-", scope["method"],
                        loggable_path(scope["path"]), watch.status or 500,
                        (time.perf_counter() - started) * 1000)
