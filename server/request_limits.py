"""Request bodies are bounded in size and in time (docs/api.md, "Input").

A JSON body over `Settings.max_request_body` is refused with 413 before more of it is read
(a declared Content-Length at once, a chunked body as soon as it passes the limit), so a
50 MB body costs no 50 MB of memory. A body that has not arrived completely
`Settings.request_body_timeout` after its first part gets 408: a connection trickling a byte
at a time cannot hold a worker forever (uvicorn only times out idle keep-alive connections).

The refusal is raised from `receive` as an HTTP exception: inside the app FastAPI's handlers
turn it into the problem answer; when a middleware was reading the body (idempotency), this
one answers it.
"""

from __future__ import annotations

import asyncio
import re

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

from server.asgi import HttpMiddleware, ResponseWatch
from server.problems.body import problem_response

#: Attachments of messages and news, which take `Settings.max_upload_body` instead.
UPLOAD_PATHS = frozenset({"/api/v1/message-attachments", "/api/v1/news-attachments"})

# Problem codes of the refusals, by status (the catalogue has their texts).
REFUSALS = {413: "request_too_large", 408: "request_timeout"}
# A photo upload's body is the image itself (a news item's picture too): it gets the photo
# cap instead, and a refusal that says so (docs/api.md, "Photos").
_UPLOAD = re.compile(r"^/api/v1/(activities/\d+/photos|news-images)$")


def _body_limit(scope: Scope, settings: object) -> tuple[int, dict[str, object]]:
    """The body cap of this request, and the refusal's code and details when it is passed."""
    if scope.get("method") == "POST" and _UPLOAD.match(scope.get("path", "")):
        limit: int = settings.max_photo_bytes  # type: ignore[attr-defined]
        return limit, {"code": "photo_too_large", "max_megabytes": limit // (1024 * 1024)}
    if scope.get("path") in UPLOAD_PATHS:
        return settings.max_upload_body, {"code": REFUSALS[413]}  # type: ignore[attr-defined]
    return settings.max_request_body, {"code": REFUSALS[413]}  # type: ignore[attr-defined]


class BodyRefused(HTTPException):
    """The request body was too large or too slow; `status_code` says which."""


class RequestLimitsMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        settings = scope["app"].state.settings
        limit, too_large = _body_limit(scope, settings)
        timeout = settings.request_body_timeout.total_seconds()
        headers = Headers(scope=scope)
        language = headers.get("accept-language")
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(413, language, scope, receive, send, too_large)
            return
        loop = asyncio.get_running_loop()
        deadline: float | None = None
        received = 0

        async def bounded_receive() -> Message:
            nonlocal deadline, received
            if deadline is None:
                deadline = loop.time() + timeout
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                raise BodyRefused(408) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyRefused(413)
                if not message.get("more_body", False):
                    deadline = float("inf")  # the body is in; what follows is a disconnect
            return message

        watch = ResponseWatch(send)
        try:
            await self.app(scope, bounded_receive, watch)
        except BodyRefused as refused:
            if watch.started:
                raise
            await _refuse(refused.status_code, language, scope, receive, send, too_large)


async def _refuse(status: int, language: str | None, scope: Scope, receive: Receive,
                  send: Send, too_large: dict[str, object]) -> None:
    # The client may still be sending: the connection closes after this answer.
    code, extra = (str(too_large["code"]), {k: v for k, v in too_large.items()
                                            if k != "code"}) if status == 413 \
        else (REFUSALS[status], {})
    response = problem_response(code, language, headers={"Connection": "close"}, **extra)
    await response(scope, receive, send)
