"""FastAPI dependencies: the database session, settings, the caller and their address.

Every dependency is `async def`, even where it awaits nothing: FastAPI runs a plain `def`
dependency in a thread pool, a thread hop per dependency on every request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from server.auth.audit import ClientInfo, client_address
from server.auth.passwords import PasswordHasher
from server.auth.sessions import Authenticated, authenticate_access
from server.blobs import BlobStore
from server.config import Settings
from server.idempotency import request_connection
from server.mail import Mailer
from server.problems import Problem


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's database session. Under an `Idempotency-Key` it works inside the
    transaction that also stores the answer (server/idempotency.py): its commits release a
    savepoint, and the middleware commits the lot."""
    if (connection := request_connection(request.scope)) is not None:
        async with AsyncSession(bind=connection, join_transaction_mode="create_savepoint",
                                expire_on_commit=False) as session:
            yield session
        return
    async with request.app.state.sessionmaker() as session:
        yield session


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_hasher(request: Request) -> PasswordHasher:
    return request.app.state.hasher


async def get_blobs(request: Request) -> BlobStore:
    return request.app.state.blobs


async def get_mailer(request: Request) -> Mailer:
    return request.app.state.mailer


async def client_info(request: Request) -> ClientInfo:
    # Behind a reverse proxy uvicorn rewrites request.client from X-Forwarded-For for the
    # addresses in --forwarded-allow-ips, so this is the real client there too.
    return ClientInfo(ip=client_address(request.client.host if request.client else None),
                      user_agent=request.headers.get("user-agent"))


_bearer = HTTPBearer(auto_error=False, description="The access token from /auth/login")


async def current_auth(
    db: Annotated[AsyncSession, Depends(get_db)],
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Authenticated:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Problem("not_authenticated", headers={"WWW-Authenticate": "Bearer"})
    return await authenticate_access(db, credentials.credentials, settings.now())


Db = Annotated[AsyncSession, Depends(get_db)]
CurrentSettings = Annotated[Settings, Depends(get_settings)]
Hasher = Annotated[PasswordHasher, Depends(get_hasher)]
CurrentMailer = Annotated[Mailer, Depends(get_mailer)]
Blobs = Annotated[BlobStore, Depends(get_blobs)]
Client = Annotated[ClientInfo, Depends(client_info)]
Auth = Annotated[Authenticated, Depends(current_auth)]
