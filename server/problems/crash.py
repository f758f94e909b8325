"""A bug answers as a 500 problem whose reference is in the log, never as a traceback."""

from __future__ import annotations

import logging
import secrets

from starlette.types import Receive, Scope, Send

from server.asgi import HttpMiddleware, ResponseWatch
from server.problems.body import problem_response

logger = logging.getLogger(__name__)


class UnexpectedErrorMiddleware(HttpMiddleware):
    """Turns an unhandled exception into a 500 problem with a reference that is in the log.

    A pure ASGI middleware rather than an `Exception` handler: Starlette re-raises after
    calling such a handler, which would log every bug twice.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
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
