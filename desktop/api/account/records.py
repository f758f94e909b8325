"""Records of the account's own data: the logged-in devices (auth sessions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.api.core.fields import Json, as_optional_str, as_timestamp

__all__ = ["AuthSession"]


@dataclass(frozen=True)
class AuthSession:
    """One logged-in device of the user (``GET /auth/sessions``); the UI says "device"."""

    id: str
    device_name: str
    created_at: datetime
    last_used_at: datetime
    current: bool

    @classmethod
    def from_json(cls, data: Json) -> AuthSession:
        return cls(
            id=str(data["id"]),
            device_name=as_optional_str(data.get("device_name")) or "",
            created_at=as_timestamp(data["created_at"]),
            last_used_at=as_timestamp(data["last_used_at"]),
            current=bool(data.get("current", False)),
        )
