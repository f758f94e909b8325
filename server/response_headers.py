"""Headers every answer carries (docs/api.md, "Headers").

- `X-Content-Type-Options: nosniff` on every response: a JSON error or a PDF is never run
  as something else.
- `Cache-Control: no-store` on every answer to a request with credentials (a bearer token):
  no proxy or disk cache keeps a family's agenda or invoices. The app's own caches use ETags
  and cursors, which no-store does not touch.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import Message, Receive, Scope, Send

from server.asgi import HttpMiddleware


class ResponseHeadersMiddleware(HttpMiddleware):
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        credentials = any(name == b"authorization" for name, _ in scope["headers"])

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if credentials:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, with_headers)
