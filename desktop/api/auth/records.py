"""Records of the auth group: what the portal says of a new password while it is typed."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.api.core.fields import Json, as_int, as_optional_str

__all__ = ["PasswordAssessment"]


@dataclass(frozen=True)
class PasswordAssessment:
    """``POST /auth/password-reset/check``: whether the policy accepts the password (else the
    ``password_policy`` reason) and its strength from 0 (guessed at once) to 4."""

    acceptable: bool
    reason: str | None
    strength: int

    @classmethod
    def from_json(cls, data: Json) -> PasswordAssessment:
        return cls(acceptable=bool(data["acceptable"]),
                   reason=as_optional_str(data.get("reason")),
                   strength=max(0, min(4, as_int(data["strength"]))))
