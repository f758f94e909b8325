"""`Idempotency-Key` on mutating requests of logged-in users (see docs/api.md).

A pure ASGI middleware: it needs the whole request body to recognise a replay and the whole
response to store it, which route-level dependencies cannot see.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.sessions import user_id_for_access_token
from server.models import IdempotencyRecord
from server.problems.body import problem_response

MUTATING_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
RETENTION = timedelta(hours=24)
# Token-issuing endpoints are never replayed: a stored token response would be a stored
# secret. They are safe to repeat anyway.
NOT_REPLAYED = {"/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/auth/password-reset/confirm"}


def valid_key(key: str) -> bool:
    return 1 <= len(key) <= 200 and all(33 <= ord(ch) <= 126 for ch in key)


def request_fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class IdempotencyMiddleware:
    """Stores the first response per (user, key) and replays it for the same request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] not in MUTATING_METHODS
                or scope["path"] in NOT_REPLAYED):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get("idempotency-key")
        authorization = headers.get("authorization", "")
        if key is None or not authorization.lower().startswith("bearer "):
            await self.app(scope, receive, send)
            return
        language = headers.get("accept-language")
        if not valid_key(key):
            response = problem_response(
                "validation_error", language,
                errors=[{"field": "Idempotency-Key",
                         "message": "1 to 200 visible ASCII characters"}])
            await response(scope, receive, send)
            return

        state = scope["app"].state
        sessionmaker: async_sessionmaker[AsyncSession] = state.sessionmaker
        now: datetime = state.settings.now()
        async with sessionmaker() as db:
            user_id = await user_id_for_access_token(db, authorization[7:].strip(), now)
        if user_id is None:
            # Not logged in: the route itself answers with the right 401.
            await self.app(scope, receive, send)
            return

        body = await _read_body(receive)
        fingerprint = request_fingerprint(scope["method"], scope["path"],
                                          scope.get("query_string", b""), body)
        async with sessionmaker() as db:
            record = await db.scalar(select(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key,
                IdempotencyRecord.created_at > now - RETENTION))
        if record is not None:
            if record.request_hash != fingerprint:
                await problem_response("idempotency_key_reused", language)(scope, receive, send)
            else:
                await _replay(record, send)
            return

        captured: list[Message] = []

        async def capturing_send(message: Message) -> None:
            captured.append(message)
            await send(message)

        await self.app(scope, _replaying_receive(body, receive), capturing_send)
        status, content_type, response_body = _summarise(captured)
        # Server errors are not stored: retrying them must be able to succeed.
        if status is not None and status < 500:
            await _store(sessionmaker, user_id, key, fingerprint, status, content_type,
                         response_body, now)


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying_receive(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _summarise(messages: list[Message]) -> tuple[int | None, str | None, bytes]:
    status = None
    content_type = None
    body = b""
    for message in messages:
        if message["type"] == "http.response.start":
            status = message["status"]
            for name, value in message.get("headers", []):
                if name.lower() == b"content-type":
                    content_type = value.decode("latin-1")
        elif message["type"] == "http.response.body":
            body += message.get("body", b"")
    return status, content_type, body


async def _replay(record: IdempotencyRecord, send: Send) -> None:
    headers = [(b"idempotency-replayed", b"true")]
    if record.status_code not in (204, 304):
        headers.append((b"content-length", str(len(record.body)).encode()))
    if record.content_type:
        headers.append((b"content-type", record.content_type.encode("latin-1")))
    await send({"type": "http.response.start", "status": record.status_code,
                "headers": headers})
    await send({"type": "http.response.body", "body": record.body})


async def _store(sessionmaker: async_sessionmaker[AsyncSession], user_id: int, key: str,
                 fingerprint: str, status: int, content_type: str | None, body: bytes,
                 now: datetime) -> None:
    async with sessionmaker() as db:
        await db.execute(delete(IdempotencyRecord).where(
            IdempotencyRecord.created_at <= now - RETENTION))
        db.add(IdempotencyRecord(user_id=user_id, key=key, request_hash=fingerprint,
                                 status_code=status, content_type=content_type, body=body,
                                 created_at=now))
        try:
            await db.commit()
        except IntegrityError:
            # A concurrent request with the same key stored its response first; keep that one.
            await db.rollback()


