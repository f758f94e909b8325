"""`Idempotency-Key` on mutating requests of logged-in users (docs/api.md, "Idempotency").

A pure ASGI middleware: it needs the whole request body to recognise a replay and the whole
response to store it, which route-level dependencies cannot see.

The stored answer is written in the same transaction as the write it answers, so a server
that dies after the write committed has stored the answer too (docs/architecture.md,
"Idempotent writes"):

1. The middleware opens the request's transaction on one connection and claims the key in
   it (an `IdempotencyRecord` row without an answer yet). A concurrent request with the same
   key waits on that row's unique index (SQLite: on the write lock) until the first commits,
   then replays its answer.
2. The route runs on that same connection: `server.deps.get_db` binds the request's
   session to it with savepoints, so the route's own commits only release a savepoint.
3. A 2xx answer goes into the claimed row and everything commits at once; only then is the
   answer sent. A refusal (4xx) changed nothing the key must protect: it is not stored (the
   claim is dropped, what the route committed stays), so a retry is answered from the state
   of then, and a 409 is never what a key replays. A 5xx rolls everything back.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.auth.sessions import user_id_for_access_token
from server.models import IdempotencyRecord
from server.problems.body import problem_response

MUTATING_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
RETENTION = timedelta(hours=24)
# Token-issuing endpoints are never replayed: a stored token response would be a stored
# secret. They are safe to repeat anyway. The reset request is public and answers the same
# either way (and its mail goes out after the answer).
NOT_REPLAYED = {"/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/password-reset",
                "/api/v1/auth/password-reset/check", "/api/v1/auth/password-reset/confirm",
                "/api/v1/auth/login/two-factor", "/api/v1/auth/login/two-factor-setup",
                "/api/v1/auth/login/two-factor-setup/confirm",
                # Their bodies hold passwords (a stored fingerprint is a fast hash of them) or
                # their answers a two-factor secret or recovery codes (docs/api.md, "Account
                # security", says why each is safe to repeat).
                "/api/v1/account/password", "/api/v1/account/email",
                "/api/v1/account/two-factor/setup", "/api/v1/account/two-factor/confirm"}
# Where the middleware leaves the request's connection for `server.deps.get_db`.
CONNECTION_SCOPE_KEY = "ouderportaal.idempotent_connection"


def valid_key(key: str) -> bool:
    return 1 <= len(key) <= 200 and all(33 <= ord(ch) <= 126 for ch in key)


def request_fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def request_connection(scope: Scope) -> AsyncConnection | None:
    """The connection an idempotent request's writes must use, if this is one."""
    return scope.get(CONNECTION_SCOPE_KEY)


class IdempotencyMiddleware:
    """Stores the first answer per (user, key) with the write and replays it."""

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
        request = _KeyedRequest(user_id, key, request_fingerprint(
            scope["method"], scope["path"], scope.get("query_string", b""), body), now)
        while not await request.answer_stored(sessionmaker, scope, receive, send, language):
            answer = await request.run(state.engine, self.app, {**scope},
                                       _replaying_receive(body, receive))
            if answer is not None:
                for message in answer:
                    await send(message)
                await _forget_expired(sessionmaker, now)
                return
            # A concurrent request with this key answered first: replay its answer.


class _KeyedRequest:
    def __init__(self, user_id: int, key: str, fingerprint: str, now: datetime) -> None:
        self.user_id, self.key, self.fingerprint, self.now = user_id, key, fingerprint, now

    async def answer_stored(self, sessionmaker: async_sessionmaker[AsyncSession], scope: Scope,
                            receive: Receive, send: Send, language: str | None) -> bool:
        """Answer from the stored record of this key, if there is one."""
        async with sessionmaker() as db:
            record = await db.scalar(select(IdempotencyRecord).where(
                IdempotencyRecord.user_id == self.user_id, IdempotencyRecord.key == self.key,
                IdempotencyRecord.created_at > self.now - RETENTION))
        if record is None:
            return False
        if record.request_hash != self.fingerprint:
            await problem_response("idempotency_key_reused", language)(scope, receive, send)
        else:
            await _replay(record, send)
        return True

    async def run(self, engine: AsyncEngine, app: ASGIApp, scope: Scope,
                  receive: Receive) -> list[Message] | None:
        """Run the request in one transaction with its claimed record; the messages of its
        answer once committed, or None when another request holds or held the key."""
        async with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                # The write lock from the start: no other writer can come in between, and a
                # concurrent request with this key waits here (busy timeout) for this one.
                await connection.exec_driver_sql("BEGIN IMMEDIATE")
            await connection.execute(delete(IdempotencyRecord).where(
                IdempotencyRecord.user_id == self.user_id, IdempotencyRecord.key == self.key,
                IdempotencyRecord.created_at <= self.now - RETENTION))
            try:
                claim = (await connection.execute(
                    insert(IdempotencyRecord).values(
                        user_id=self.user_id, key=self.key, request_hash=self.fingerprint,
                        status_code=0, content_type=None, body=b"", created_at=self.now)
                    .returning(IdempotencyRecord.id))).scalar_one()
            except IntegrityError:
                await connection.rollback()
                return None
            scope[CONNECTION_SCOPE_KEY] = connection
            messages: list[Message] = []

            async def keep(message: Message) -> None:
                messages.append(message)

            try:
                await app(scope, receive, keep)
            except BaseException:
                await connection.rollback()
                raise
            status, content_type, body = _summarise(messages)
            if status is None or status >= 500:
                # Retrying a server error must be able to succeed: nothing stays.
                await connection.rollback()
                return messages
            if status < 400:
                await connection.execute(
                    update(IdempotencyRecord).where(IdempotencyRecord.id == claim)
                    .values(status_code=status, content_type=content_type, body=body))
            else:
                await connection.execute(
                    delete(IdempotencyRecord).where(IdempotencyRecord.id == claim))
            await connection.commit()
            return messages


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


async def _forget_expired(sessionmaker: async_sessionmaker[AsyncSession],
                          now: datetime) -> None:
    """Records older than RETENTION; after the answer, outside any request's transaction."""
    async with sessionmaker() as db:
        await db.execute(delete(IdempotencyRecord).where(
            IdempotencyRecord.created_at <= now - RETENTION))
        await db.commit()
