"""The access/refresh token pair of one account, and the one shared silent refresh.

:class:`TokenKeeper` holds the tokens and makes sure that however many requests see an expired
(or refused) access token at the same moment, the refresh token is exchanged once: the server
rotates it on every exchange and ends a session whose old refresh token comes back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.api.core.errors import PortalError, SessionExpired
from desktop.api.core.fields import Json, as_int, as_optional_str, as_str

__all__ = ["REFRESH_MARGIN", "TokenKeeper", "Tokens"]

#: Refresh a little before the access token expires, so a request does not race its expiry.
REFRESH_MARGIN = timedelta(seconds=30)

Exchange = Callable[[str], Awaitable["Tokens"]]


@dataclass(frozen=True)
class Tokens:
    """An access/refresh token pair. The secrets are kept out of ``repr`` (and so out of logs).

    ``device_token`` is what a login hands out to mark this device as one the account logged
    in from (docs/api.md, "Auth"); a refresh has none.
    """

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: datetime
    session_id: str | None = None
    device_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: Json, now: datetime | None = None) -> Tokens:
        issued = now if now is not None else datetime.now(UTC)
        session_id = data.get("session_id")
        return cls(
            access_token=as_str(data["access_token"]),
            refresh_token=as_str(data["refresh_token"]),
            expires_at=issued + timedelta(seconds=as_int(data["expires_in"])),
            session_id=None if session_id is None else str(session_id),
            device_token=as_optional_str(data.get("device_token")),
        )


class TokenKeeper:
    """The tokens of one client; ``exchange`` posts a refresh token and returns the new pair.

    ``on_tokens`` hears every new pair (login, restore, refresh) and ``None`` when the tokens
    are gone (logout, or a refresh the server refused).
    """

    def __init__(self, exchange: Exchange, clock: Callable[[], datetime],
                 on_tokens: Callable[[Tokens | None], None] | None = None) -> None:
        self._exchange = exchange
        self._clock = clock
        self._on_tokens = on_tokens
        self._tokens: Tokens | None = None
        self._lock = asyncio.Lock()
        # Every refresh attempt bumps the round; a failed one leaves its error for the callers
        # that were waiting on it (see refresh_shared).
        self._round = 0
        self._error: PortalError | None = None

    @property
    def tokens(self) -> Tokens | None:
        return self._tokens

    def set(self, tokens: Tokens | None) -> None:
        """Replace the tokens without telling ``on_tokens`` (the caller already knows them)."""
        self._tokens = tokens

    def store(self, tokens: Tokens | None) -> None:
        self._tokens = tokens
        if self._on_tokens is not None:
            self._on_tokens(tokens)

    def drop(self) -> None:
        if self._tokens is not None:
            self.store(None)

    def needs_refresh(self, tokens: Tokens) -> bool:
        return tokens.expires_at - REFRESH_MARGIN <= self._clock()

    async def restore(self, refresh_token: str) -> Tokens:
        """Start from a remembered refresh token (e.g. from the keyring)."""
        async with self._lock:
            return await self._refresh_with(refresh_token)

    async def refresh(self) -> Tokens:
        async with self._lock:
            if self._tokens is None:
                raise SessionExpired(401, "session_expired", "not logged in")
            return await self._refresh_with(self._tokens.refresh_token)

    async def refresh_shared(self, stale_access_token: str) -> None:
        """Refresh once for everyone who saw ``stale_access_token`` fail or expire.

        Callers that were waiting for a refresh that failed get its failure too, instead of
        each firing another refresh at a server that just failed (or that may have rotated
        the token already, so that the old one is dead).
        """
        # A refresh already running counts as "ours": its outcome is shared with this caller.
        round_seen = self._round - (1 if self._lock.locked() else 0)
        async with self._lock:
            current = self._tokens
            if current is None:
                raise SessionExpired(401, "session_expired", "the session has ended")
            if current.access_token != stale_access_token:
                return  # another caller refreshed while we waited for the lock
            if self._round != round_seen and self._error is not None:
                raise self._error
            await self._refresh_with(current.refresh_token)

    async def _refresh_with(self, refresh_token: str) -> Tokens:
        """Exchange ``refresh_token``; the caller holds the lock."""
        self._round += 1
        self._error = None
        try:
            tokens = await self._exchange(refresh_token)
        except PortalError as exc:
            self._error = exc
            raise
        self.store(tokens)
        return tokens
