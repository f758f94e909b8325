"""A real SMTP server for the mail tests: aiosmtpd on loopback, keeping what it receives.

Use the fixture by importing it into the test module: `from smtp_inbox import smtp`."""

from __future__ import annotations

import asyncio
import email.policy
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """aiosmtpd handler that keeps every delivered message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802
        self.messages.append(message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"

    def text_of_last(self, to: str | None = None) -> str:
        message = next(m for m in reversed(self.messages) if to is None or m["To"] == to)
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        return body.get_content()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


async def wait_for_mail(inbox: Inbox, count: int) -> None:
    for _ in range(500):
        if len(inbox.messages) >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("no mail arrived at the SMTP server")
