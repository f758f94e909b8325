"""Shared helpers of the server tests: the demo logins, a controllable clock, a mailer that
keeps mail, and small request helpers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from email.message import EmailMessage

import httpx
import pytest

from server.config import Settings
from server.demo.logins import DEMO_PASSWORD

# The day the demo data is built for; a Monday in March 2026.
TODAY = date(2026, 3, 2)
CLIENT_IP = "203.0.113.7"
PASSWORD = DEMO_PASSWORD
SANNE = "sanne.devries@voorbeeld.nl"
THOMAS = "thomas.devries@voorbeeld.nl"
LOTTE = "lotte.jansen@voorbeeld.nl"
MARK = "mark.bakker@voorbeeld.nl"
FATIMA = "fatima.elamrani@voorbeeld.nl"
MANAGER = "manager@voorbeeld.nl"


class FakeClock:
    """A clock the test moves by hand; the server asks it for the time."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class MemoryMailer:
    """Keeps sent messages in a list (and never logs a code)."""

    logs_reset_codes = False
    delivers_before_response = False

    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []

    async def send(self, message: EmailMessage) -> None:
        self.sent.append(message)

    def last_text(self, to: str) -> str:
        for message in reversed(self.sent):
            if message["To"] == to:
                body = message.get_body(preferencelist=("plain",))
                assert body is not None
                return body.get_content()
        raise AssertionError(f"no mail to {to}")

    def last_code(self, to: str) -> str:
        match = re.search(r"in de app in: ([A-Z0-9]{4}-[A-Z0-9]{4})", self.last_text(to))
        assert match is not None
        return match.group(1)

    def last_link(self, to: str) -> str:
        match = re.search(r"(http\S+/reset/\S+)", self.last_text(to))
        assert match is not None
        return match.group(1)


async def login(client: httpx.AsyncClient, email: str = SANNE, password: str = PASSWORD,
                **extra: object) -> httpx.Response:
    return await client.post("/api/v1/auth/login",
                             json={"email": email, "password": password, **extra})


async def tokens(client: httpx.AsyncClient, email: str = SANNE) -> dict[str, object]:
    response = await login(client, email)
    assert response.status_code == 200, response.text
    return response.json()


def bearer(token_body: dict[str, object]) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_body['access_token']}"}


def with_settings(settings: Settings, **changes: object) -> Settings:
    return replace(settings, **changes)


both_databases = pytest.mark.parametrize(
    "database_url", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
    indirect=True)


def client_at(app, ip: str) -> httpx.AsyncClient:  # noqa: ANN001
    """A client that reaches the app from another address."""
    transport = httpx.ASGITransport(app=app, client=(ip, 52000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def live_events(db, kind: str) -> dict[str, list[dict]]:  # noqa: ANN001 (AsyncSession)
    """The stored live events of `kind` by the e-mail address of their user, oldest first."""
    import json

    from sqlalchemy import select

    from server.models import LiveEvent, User

    rows = (await db.execute(select(User.email, LiveEvent.data).join(
        User, User.id == LiveEvent.user_id).where(LiveEvent.kind == kind)
        .order_by(LiveEvent.id))).all()
    found: dict[str, list[dict]] = {}
    for email, data in rows:
        found.setdefault(email, []).append(json.loads(data))
    return found
