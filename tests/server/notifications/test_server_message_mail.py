"""Mails about unread messages (docs/api.md, "Notifications"), through a real SMTP server
(aiosmtpd): after N minutes and not before, at most one per conversation per hour, never
once read, never without the opt-in, the text only when allowed, in the user's language,
never to an account whose access ended; and two senders on PostgreSQL mail once."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import timedelta
from email.message import EmailMessage

import httpx
import pytest
from server_helpers import FATIMA, MANAGER, SANNE, THOMAS, bearer, both_databases, tokens
from sqlalchemy import select, update

from server.config import Settings
from server.db import create_engine, create_sessionmaker
from server.mail import SmtpMailer
from server.models import Child, Contract, Organisation, User
from server.notifications.message_mail import send_due

PREFS = "/api/v1/account/notifications"
N = timedelta(minutes=15)  # the policy's default, message_mail_after_minutes
REPLY = "Emma mag haar knuffel zeker meenemen, tot morgen!"


async def auth(client: httpx.AsyncClient, email: str, **headers: str) -> dict[str, str]:
    return bearer(await tokens(client, email)) | headers


async def opt_in(client: httpx.AsyncClient, email: str, *, text: bool = False,
                 language: str = "nl") -> None:
    saved = await client.put(PREFS, headers=await auth(client, email, **{
        "Accept-Language": language}), json={"email_unread_messages": True,
                                             "email_include_text": text})
    assert saved.status_code == 200, saved.text


async def conversation(client: httpx.AsyncClient) -> int:
    """Sanne asks Emma's group (Zonnetjes) something."""
    sanne = await auth(client, SANNE)
    me = (await client.get("/api/v1/me", headers=sanne)).json()
    emma = next(c["id"] for c in me["children"] if c["first_name"] == "Emma")
    started = await client.post("/api/v1/conversations", headers=sanne, json={
        "child_id": emma, "subject": "Knuffel", "body": "Mag Emma haar knuffel meenemen?"})
    assert started.status_code == 201, started.text
    return started.json()["conversation"]["id"]


async def write(client: httpx.AsyncClient, email: str, conversation_id: int,
                body: str = REPLY) -> int:
    sent = await client.post(f"/api/v1/conversations/{conversation_id}/messages",
                             headers=await auth(client, email), json={"body": body})
    assert sent.status_code == 201, sent.text
    return sent.json()["message"]["id"]


@pytest.fixture
def send(app, settings: Settings, smtp):  # noqa: ANN001, ANN201
    """`await send()`: one round of the sender, through the real SMTP server; returns the
    mails received so far."""
    inbox, port = smtp
    mailer = SmtpMailer(replace(settings, smtp_host="127.0.0.1", smtp_port=port))

    async def send() -> list[EmailMessage]:
        await send_due(app.state.sessionmaker, mailer, settings)
        return inbox.messages

    return send


def text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return body.get_content()


@both_databases
async def test_a_reply_unread_for_n_minutes_is_mailed_once_and_not_a_second_sooner(
        client: httpx.AsyncClient, clock, send) -> None:  # noqa: ANN001
    await opt_in(client, SANNE)
    conversation_id = await conversation(client)
    await write(client, FATIMA, conversation_id)
    clock.advance(seconds=N.total_seconds() - 1)
    assert await send() == []
    clock.advance(seconds=1)
    mails = await send()
    assert [m["To"] for m in mails] == [SANNE]  # Thomas did not ask for it
    text = text_of(mails[0])
    assert "Je hebt een nieuw bericht van de Zonnetjes over Emma." in text
    assert "Berichten" in text  # how to open it
    # The text is off: neither the message nor its subject is in the mail.
    assert "knuffel" not in text.lower() and "knuffel" not in mails[0]["Subject"].lower()
    # The next rounds: nothing new to mail.
    clock.advance(hours=3)
    assert len(await send()) == 1


@both_databases
async def test_at_most_one_mail_per_conversation_per_hour(
        client: httpx.AsyncClient, clock, send) -> None:  # noqa: ANN001
    await opt_in(client, SANNE)
    conversation_id = await conversation(client)
    await write(client, FATIMA, conversation_id)
    clock.advance(seconds=N.total_seconds())
    assert len(await send()) == 1
    first_mail = clock.current
    clock.advance(minutes=10)
    await write(client, FATIMA, conversation_id, "En haar slaapzak ook graag.")
    clock.current = first_mail + timedelta(hours=1) - timedelta(seconds=1)
    assert len(await send()) == 1
    clock.current = first_mail + timedelta(hours=1)
    mails = await send()
    assert [m["To"] for m in mails] == [SANNE, SANNE]
    # Another conversation is not held up by the first one's hour.
    other = await conversation(client)
    await write(client, FATIMA, other)
    clock.advance(seconds=N.total_seconds())
    assert len(await send()) == 3


async def test_a_message_read_meanwhile_is_not_mailed(
        client: httpx.AsyncClient, clock, send) -> None:  # noqa: ANN001
    await opt_in(client, SANNE)
    conversation_id = await conversation(client)
    reply = await write(client, FATIMA, conversation_id)
    clock.advance(minutes=14)
    read = await client.post(f"/api/v1/conversations/{conversation_id}/read",
                             headers=await auth(client, SANNE), json={"last_read_id": reply})
    assert read.status_code == 200, read.text
    clock.advance(minutes=5)
    assert await send() == []


async def test_no_mail_when_the_other_parent_answered_or_without_the_opt_in(
        client: httpx.AsyncClient, clock, send) -> None:  # noqa: ANN001
    await opt_in(client, SANNE)
    conversation_id = await conversation(client)
    await write(client, FATIMA, conversation_id)
    clock.advance(minutes=1)
    await write(client, THOMAS, conversation_id, "Dank je!")  # the family answered
    clock.advance(minutes=30)
    sent = await send()
    # Sanne's side has answered; Thomas's and Fatima's own messages are not for them, and
    # the staff and the manager did not ask for mails.
    assert sent == []


async def test_the_text_in_english_when_allowed_and_the_log_only_counts(
        client: httpx.AsyncClient, clock, send, caplog) -> None:  # noqa: ANN001
    caplog.set_level(logging.INFO, logger="server.notifications")
    await opt_in(client, SANNE, text=True, language="en-GB")
    conversation_id = await conversation(client)
    await write(client, FATIMA, conversation_id)
    clock.advance(seconds=N.total_seconds())
    [mail] = await send()
    text = text_of(mail)
    assert "You have a new message from the Zonnetjes about Emma." in text
    assert REPLY in text and "Subject: Knuffel" in text and "Fatima" in text
    assert mail["Subject"] == "New message from the Zonnetjes about Emma"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "1 due, 1 sent, 0 failed" in logged
    assert SANNE not in logged and "knuffel" not in logged.lower()


async def test_staff_and_managers_are_mailed_about_the_familys_message(
        client: httpx.AsyncClient, clock, send) -> None:  # noqa: ANN001
    await opt_in(client, FATIMA)
    await opt_in(client, MANAGER, text=True)
    await conversation(client)
    clock.advance(seconds=N.total_seconds())
    mails = {m["To"]: text_of(m) for m in await send()}
    assert set(mails) == {FATIMA, MANAGER}
    assert "Je hebt een nieuw bericht van de familie De Vries over Emma." in mails[FATIMA]
    assert "Mag Emma haar knuffel meenemen?" not in mails[FATIMA]
    assert "Mag Emma haar knuffel meenemen?" in mails[MANAGER]


async def test_the_policy_sets_n(client: httpx.AsyncClient, clock, db, send) -> None:  # noqa: ANN001
    await db.execute(update(Organisation).values(policy={"message_mail_after_minutes": 60}))
    await db.commit()
    await opt_in(client, SANNE)
    await write(client, FATIMA, await conversation(client))
    clock.advance(minutes=59)
    assert await send() == []
    clock.advance(minutes=1)
    assert len(await send()) == 1


async def test_messages_from_before_the_opt_in_are_not_mailed(
        client: httpx.AsyncClient, clock, send) -> None:  # noqa: ANN001
    await write(client, FATIMA, await conversation(client))
    clock.advance(minutes=1)
    await opt_in(client, SANNE)
    clock.advance(hours=1)
    assert await send() == []


@pytest.mark.expect_log("server.notifications.message_mail", "WARNING", "could not be sent")
async def test_a_mail_the_smtp_server_refused_is_sent_at_the_next_round(
        app, client: httpx.AsyncClient, clock, settings, smtp) -> None:  # noqa: ANN001
    inbox, port = smtp
    await opt_in(client, SANNE)
    await write(client, FATIMA, await conversation(client))
    clock.advance(seconds=N.total_seconds())
    nowhere = SmtpMailer(replace(settings, smtp_host="127.0.0.1", smtp_port=1))
    assert await send_due(app.state.sessionmaker, nowhere, settings) == 0
    working = SmtpMailer(replace(settings, smtp_host="127.0.0.1", smtp_port=port))
    assert await send_due(app.state.sessionmaker, working, settings) == 1
    assert [m["To"] for m in inbox.messages] == [SANNE]


@pytest.mark.parametrize(("retention_months", "mailed"), [(1200, 1), (0, 0)])
async def test_a_parent_whose_access_ended_gets_none(
        client: httpx.AsyncClient, clock, db, send, retention_months: int,  # noqa: ANN001
        mailed: int) -> None:
    await opt_in(client, SANNE)
    await write(client, FATIMA, await conversation(client))
    # Care ended on each contract's first day (before today); access lasts the retention
    # period after that: a hundred years (still on), or none at all (ended).
    family_id = await db.scalar(select(User.family_id).where(User.email == SANNE))
    children = select(Child.id).where(Child.family_id == family_id)
    await db.execute(update(Contract).where(Contract.child_id.in_(children)).values(
        end_date=Contract.start_date))
    await db.execute(update(Organisation).values(
        policy={"account_retention_months": retention_months}))
    await db.commit()
    clock.advance(seconds=N.total_seconds())
    assert len(await send()) == mailed


class SlowMailer:
    """SMTP that takes its time, so that two senders really overlap."""

    def __init__(self, inner: SmtpMailer) -> None:
        self._inner = inner
        self.logs_reset_codes = self.delivers_before_response = False

    async def send(self, message: EmailMessage) -> None:
        await asyncio.sleep(0.3)
        await self._inner.send(message)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_two_server_processes_send_each_mail_once(
        app, client: httpx.AsyncClient, clock, settings, smtp) -> None:  # noqa: ANN001
    inbox, port = smtp
    await opt_in(client, SANNE)
    await opt_in(client, THOMAS)
    await write(client, FATIMA, await conversation(client))
    clock.advance(seconds=N.total_seconds())
    mailer = SlowMailer(SmtpMailer(replace(settings, smtp_host="127.0.0.1", smtp_port=port)))
    engines = [create_engine(settings) for _ in range(2)]  # a process each
    try:
        sent = await asyncio.gather(*(send_due(create_sessionmaker(e), mailer, settings)
                                      for e in engines))
    finally:
        for engine in engines:
            await engine.dispose()
    assert sorted(m["To"] for m in inbox.messages) == sorted([SANNE, THOMAS])
    assert sum(sent) == 2
