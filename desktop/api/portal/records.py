"""Records about the organisation behind a portal: who it is and its policy values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from desktop.api.core.fields import Json, as_int, as_str

__all__ = ["Policy", "PortalInfo"]


@dataclass(frozen=True)
class PortalInfo:
    """What ``GET /portal`` says about the organisation behind a base URL."""

    name: str
    short_name: str
    base_url: str
    api_version: int = 1

    @classmethod
    def from_json(cls, data: Json, base_url: str) -> PortalInfo:
        return cls(
            name=as_str(data["name"]),
            short_name=as_str(data["short_name"]),
            base_url=base_url,
            api_version=as_int(data.get("api_version", 1)),
        )


@dataclass(frozen=True)
class Policy:
    """The organisation's policy values (``GET /policy``); unknown values land in ``other``."""

    absence_credit_notice_hours: int = 48
    cancel_absence_min_days: int = 30
    absence_credit_valid_months: int = 0
    extra_day_min_days_ahead: int = 4
    extra_day_max_days_ahead: int = 90
    account_retention_months: int = 15
    diary_retention_weeks: int = 8
    inactivity_lock_minutes: int = 10
    other: dict[str, Any] = field(default_factory=dict, hash=False)

    #: field → key on the wire (the same unless named here).
    _WIRE: ClassVar[dict[str, str]] = {
        "absence_credit_notice_hours": "absence_credit_notice_hours",
        "cancel_absence_min_days": "undo_absence_min_days",
        "absence_credit_valid_months": "absence_credit_valid_months",
        "extra_day_min_days_ahead": "extra_day_min_days_ahead",
        "extra_day_max_days_ahead": "extra_day_max_days_ahead",
        "account_retention_months": "account_retention_months",
        "diary_retention_weeks": "diary_retention_weeks",
        "inactivity_lock_minutes": "inactivity_lock_minutes",
    }

    @classmethod
    def from_json(cls, data: Json) -> Policy:
        known = {name: as_int(data[key]) for name, key in cls._WIRE.items() if key in data}
        wire_keys = set(cls._WIRE.values())
        other = {k: v for k, v in data.items() if k not in wire_keys}
        return cls(**known, other=other)

    def to_json(self) -> dict[str, Any]:
        return {**self.other, **{key: getattr(self, name) for name, key in self._WIRE.items()}}
