"""Records about the organisation behind a portal: who it is and its policy values."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from desktop.api.core.fields import Json, as_int, as_str

__all__ = ["ClientRelease", "Policy", "PortalInfo"]


@dataclass(frozen=True)
class ClientRelease:
    """The newest desktop app the portal knows of, and where to download it."""

    version: str
    download_url: str

    @classmethod
    def from_json(cls, data: Json) -> ClientRelease:
        return cls(version=as_str(data["version"]), download_url=as_str(data["download_url"]))


@dataclass(frozen=True)
class PortalInfo:
    """What ``GET /portal`` says about the organisation behind a base URL."""

    name: str
    short_name: str
    base_url: str
    api_version: int = 1
    client_release: ClientRelease | None = None

    @classmethod
    def from_json(cls, data: Json, base_url: str) -> PortalInfo:
        release = data.get("client")
        return cls(
            name=as_str(data["name"]),
            short_name=as_str(data["short_name"]),
            base_url=base_url,
            api_version=as_int(data.get("api_version", 1)),
            client_release=None if release is None else ClientRelease.from_json(release),
        )


#: The policy values that are yes or no (only a JSON ``true`` is yes).
_YES_NO = frozenset({"two_factor_required_for_managers"})


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
    two_factor_required_for_managers: bool = False
    other: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def from_json(cls, data: Json) -> Policy:
        names = cls._value_names()
        known = {name: (data[name] is True if name in _YES_NO else as_int(data[name]))
                 for name in names if name in data}
        other = {k: v for k, v in data.items() if k not in names}
        return cls(**known, other=other)

    @classmethod
    def _value_names(cls) -> tuple[str, ...]:
        """The known values: each field but ``other``, named on the wire as in this class."""
        return tuple(f.name for f in fields(cls) if f.name != "other")

    def to_json(self) -> dict[str, Any]:
        return {**self.other, **{name: getattr(self, name) for name in self._value_names()}}
