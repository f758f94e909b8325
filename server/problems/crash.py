"""A bug answers as a 500 problem whose reference is in the log, never as a traceback."""

from __future__ import annotations

import logging
import secrets

from starlette.types import ASGIApp, Receive, Scope, Send

from server.asgi import ResponseWatch
from server.problems.body import problem_response

logger = logging.getLogger(__name__)


class UnexpectedErrorMiddleware:
    """Turns an unhandled exception into a 500 problem with a reference that is in the log.

    A pure ASGI middleware rather than an `Exception` handler: Starlette re-raises after
    calling such a handler, which would log every bug twice.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch)
        except Exception:
            reference = secrets.token_hex(6)
            logger.exception("Unhandled error, reference %s, %s %s", reference,
                             scope.get("method"), scope.get("path"))
            if watch.started:
                raise
            language = dict(scope.get("headers") or []).get(b"accept-language", b"").decode(
                "latin-1")
            response = problem_response("internal_error", language, reference=reference)
            await response(scope, receive, send)
