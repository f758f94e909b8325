"""What the pure ASGI middlewares (access log, crash handling) share."""

from __future__ import annotations

from starlette.types import Message, Send


class ResponseWatch:
    """Passes an app's messages on to `send`, noting the status once the response starts."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status: int | None = None

    @property
    def started(self) -> bool:
        return self.status is not None

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        await self._send(message)
