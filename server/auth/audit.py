"""The audit log of authentication events."""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.models import AuthEvent, AuthEventKind

MAX_ADDRESS = 64


def client_address(host: str | None) -> str:
    """The client address as the throttle and the audit log key it: an IP address in its
    canonical form (at most 45 characters); anything else a proxy passed on as the client
    (at most 64 characters, or a digest of it) so that no address can overflow a column."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if len(host) <= MAX_ADDRESS and host.isprintable():
            return host
        return "digest:" + hashlib.sha256(host.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return str(address)


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
