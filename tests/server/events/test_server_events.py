"""The event stream (docs/api.md, "Live updates"): a reply reaches the other side's stream,
on SQLite in one process and on PostgreSQL from one server process to a stream held on
another; `Last-Event-ID` gives what was missed; a revoked session ends its stream; the
headers that keep proxies from buffering."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from conftest import TEST_SECRET_KEY
from httpx_sse import ServerSentEvent, aconnect_sse
from live_server import ServerProcess
from server_helpers import FATIMA, PASSWORD, SANNE, both_databases

TIMEOUT = 20


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[list[ServerProcess]]:
    """Two server processes on the test database (one on SQLite, which allows one)."""
    count = 1 if database_url.startswith("sqlite") else 2
    made = [ServerProcess(database_url, tmp_path, TEST_SECRET_KEY) for _ in range(count)]
    yield made
    for server in made:
        server.stop()


async def token(client: httpx.AsyncClient, email: str) -> str:
    response = await client.post("/api/v1/auth/login",
                                 json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


async def events(client: httpx.AsyncClient, access: str, queue: asyncio.Queue,
                 last_event_id: str | None = None) -> None:
    headers = {"Authorization": f"Bearer {access}"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id
    async with aconnect_sse(client, "GET", "/api/v1/events", headers=headers,
                            timeout=httpx.Timeout(TIMEOUT, read=60)) as source:
        await queue.put(source.response)
        async for event in source.aiter_sse():
            await queue.put(event)


async def next_event(queue: asyncio.Queue, kind: str) -> ServerSentEvent:
    while True:
        item = await asyncio.wait_for(queue.get(), TIMEOUT)
        if isinstance(item, ServerSentEvent) and item.event == kind:
            return item


async def reply(client: httpx.AsyncClient, access: str, body: str) -> int:
    auth = {"Authorization": f"Bearer {access}"}
    inbox = (await client.get("/api/v1/conversations", headers=auth)).json()
    conversation = next(c for c in inbox["conversations"] if c["subject"] == "Slaapje van Emma")
    response = await client.post(f"/api/v1/conversations/{conversation['id']}/messages",
                                 headers=auth, json={"body": body})
    assert response.status_code == 201, response.text
    return conversation["id"]


@pytest.fixture
async def clients(servers: list[ServerProcess]) -> AsyncIterator[list[httpx.AsyncClient]]:
    made = [httpx.AsyncClient(base_url=s.url) for s in servers]
    yield made
    for client in made:
        await client.aclose()


@both_databases
async def test_a_reply_reaches_the_stream_held_on_another_process(
        clients: list[httpx.AsyncClient]) -> None:
    stream_side, reply_side = clients[0], clients[-1]
    sanne = await token(stream_side, SANNE)
    queue: asyncio.Queue = asyncio.Queue()
    task = asyncio.create_task(events(stream_side, sanne, queue))
    try:
        response = await asyncio.wait_for(queue.get(), TIMEOUT)
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["x-accel-buffering"] == "no"
        assert response.headers["cache-control"] == "no-store"
        await next_event(queue, "ready")
        conversation_id = await reply(reply_side, await token(reply_side, FATIMA), "Hoi!")
        arrived = await next_event(queue, "message")
        assert json.loads(arrived.data)["conversation_id"] == conversation_id
        assert "Hoi" not in arrived.data  # what changed, never the content
    finally:
        task.cancel()


@both_databases
async def test_last_event_id_resumes_with_what_was_missed(
        clients: list[httpx.AsyncClient]) -> None:
    client = clients[0]
    sanne, fatima = await token(client, SANNE), await token(client, FATIMA)
    queue: asyncio.Queue = asyncio.Queue()
    task = asyncio.create_task(events(client, sanne, queue))
    await next_event(queue, "ready")
    await reply(client, fatima, "Een")
    seen = await next_event(queue, "message")
    task.cancel()
    # While the app is away: two more replies.
    await reply(client, fatima, "Twee")
    await reply(client, fatima, "Drie")
    queue = asyncio.Queue()
    task = asyncio.create_task(events(client, sanne, queue, last_event_id=seen.id))
    try:
        missed = [await next_event(queue, "message"), await next_event(queue, "message")]
        assert [int(e.id) for e in missed] == sorted(int(e.id) for e in missed)
        assert all(int(e.id) > int(seen.id) for e in missed)
    finally:
        task.cancel()


async def test_a_revoked_session_ends_its_stream(clients: list[httpx.AsyncClient]) -> None:
    client = clients[0]
    sanne = await token(client, SANNE)
    queue: asyncio.Queue = asyncio.Queue()
    task = asyncio.create_task(events(client, sanne, queue))
    await next_event(queue, "ready")
    response = await client.post("/api/v1/auth/logout",
                                 headers={"Authorization": f"Bearer {sanne}"})
    assert response.status_code == 204
    await next_event(queue, "session_ended")
    await asyncio.wait_for(task, TIMEOUT)  # and the stream is over


async def test_a_stream_without_a_valid_token_is_refused(
        clients: list[httpx.AsyncClient]) -> None:
    response = await clients[0].get("/api/v1/events",
                                    headers={"Authorization": "Bearer not-a-token"})
    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")
