"""The records of the outbox (:mod:`desktop.cache.outbox`): a queued write, its state, and what
is still known of a write a damaged disk took."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

__all__ = ["LostWrite", "OutboxTooNew", "QueuedWrite", "WriteState"]


class WriteState(StrEnum):
    PENDING = "pending"  # waiting to be delivered
    REFUSED = "refused"  # the portal said no; kept with its message until the parent has seen it


@dataclass(frozen=True)
class QueuedWrite:
    """One queued write; ``refusal`` holds the portal's message when it was refused."""

    id: int
    kind: str
    payload: dict[str, Any]
    idempotency_key: str
    created_at: datetime
    state: WriteState
    refusal: str | None = None

    def to_copy(self) -> dict[str, Any]:
        return {"kind": self.kind, "payload": self.payload, "key": self.idempotency_key,
                "created_at": self.created_at.isoformat(), "state": self.state.value,
                "refusal": self.refusal}


@dataclass(frozen=True)
class LostWrite:
    """A queued write that could not be read back from a damaged disk: what is still known
    of it (``kind`` None: not even that — some writes may be gone that nothing can name)."""

    id: int
    kind: str | None
    created_at: datetime | None
    payload: dict[str, Any] | None


class OutboxTooNew(Exception):
    """The outbox was written by a newer version of the app; it is left untouched."""
