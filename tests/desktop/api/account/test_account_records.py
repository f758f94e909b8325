"""The auth sessions (logged-in devices) as GET /auth/sessions returns them."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.api.account.records import AuthSession


def test_session_info_timestamps_are_aware() -> None:
    info = AuthSession.from_json(
        {
            "id": 4,
            "device_name": "Werk-pc",
            "created_at": "2026-03-01T08:00:00+01:00",
            "last_used_at": "2026-03-02T10:00:00+01:00",
            "current": False,
        }
    )
    assert info.id == "4"
    assert info.last_used_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

