"""The audit log of authentication events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuthEvent, AuthEventKind


@dataclass(frozen=True)
class ClientInfo:
    """Who is calling: the client address (after the proxy headers uvicorn trusts) and agent."""

    ip: str
    user_agent: str | None


def record_event(
    db: AsyncSession,
    kind: AuthEventKind,
    at: datetime,
    client: ClientInfo | None,
    *,
    user_id: int | None = None,
    email: str | None = None,
    session_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Add an audit row to the session's transaction. Callers pass identifiers only:
    never a password, token or code."""
    user_agent = client.user_agent[:300] if client and client.user_agent else None
    db.add(AuthEvent(
        at=at, kind=kind, user_id=user_id, email=email, session_id=session_id,
        ip_address=client.ip if client else None, user_agent=user_agent, detail=detail,
    ))
