"""Password reset end to end with a real SMTP server (aiosmtpd on loopback)."""

from __future__ import annotations

import asyncio
import email.policy
import re
import socket
from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes
from email.message import EmailMessage

import httpx
import pytest
from aiosmtpd.controller import Controller
from server_helpers import CLIENT_IP, PASSWORD, SANNE, login

from server.app import create_app
from server.mail import SmtpMailer


class Inbox:
    """aiosmtpd handler that keeps every delivered message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802
        self.messages.append(message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"

    def text_of_last(self) -> str:
        body = self.messages[-1].get_body(preferencelist=("plain",))
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


async def test_reset_by_link_and_by_code_through_real_smtp(settings, smtp) -> None:  # noqa: ANN001
    inbox, port = smtp
    settings = replace(settings, smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
                       mail_from="Kinderopvang Zonnebloem <noreply@zonnebloem.example>")
    app = create_app(settings)
    assert isinstance(app.state.mailer, SmtpMailer)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            # 1. Request a reset, receive the mail, follow the link's page and post the form.
            response = await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
            assert response.status_code == 202
            await wait_for_mail(inbox, 1)
            message = inbox.messages[-1]
            assert message["To"] == SANNE
            assert "Zonnebloem" in message["From"]
            link = re.search(r"https://zonnebloem\.example(/reset/\S+)", inbox.text_of_last())
            assert link is not None
            page = await client.get(link.group(1))
            assert page.status_code == 200 and "<form" in page.text
            done = await client.post(link.group(1), data={
                "password": "zomer aan het strand", "password_repeat": "zomer aan het strand",
                "end_other_sessions": "1"})
            assert "Je wachtwoord is ingesteld" in done.text
            assert (await login(client, SANNE, "zomer aan het strand")).status_code == 200
            assert (await login(client, SANNE, PASSWORD)).status_code == 401

            # 2. A second reset, this time with the code through the API (as the app does).
            await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
            await wait_for_mail(inbox, 2)
            code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b", inbox.text_of_last())
            assert code is not None
            confirmed = await client.post("/api/v1/auth/password-reset/confirm", json={
                "email": SANNE, "code": code.group(1), "new_password": "winter in de bergen"})
            assert confirmed.status_code == 200
            assert (await login(client, SANNE, "winter in de bergen")).status_code == 200
            assert (await login(client, SANNE, "zomer aan het strand")).status_code == 401


@pytest.mark.expect_log("server.auth.reset_mail", "ERROR", "Could not send the password reset")
async def test_unreachable_smtp_server_does_not_change_the_answer(
        settings, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    settings = replace(settings, smtp_host="127.0.0.1", smtp_port=free_port())
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            known = await client.post("/api/v1/auth/password-reset", json={"email": SANNE})
            unknown = await client.post("/api/v1/auth/password-reset",
                                        json={"email": "onbekend@voorbeeld.nl"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    failures = [r for r in caplog.records if "Could not send" in r.getMessage()]
    assert len(failures) == 1
    assert "/reset/" not in caplog.text
