"""client.account: the logged-in devices, and logging one out."""

from __future__ import annotations

import httpx


async def test_sessions_and_ending_one(logged_in, portal) -> None:
    portal.route("DELETE", "/auth/sessions/s2", lambda r: httpx.Response(204))

    sessions = await logged_in.account.sessions()
    await logged_in.account.end_session("s2")

    assert [(s.id, s.device_name, s.current) for s in sessions] == [
        ("s1", "Keukenlaptop", True),
        ("s2", "", False),
    ]
    (delete,) = portal.sent("DELETE", "/auth/sessions/s2")
    assert delete.headers["authorization"] == "Bearer access-1"
    assert len(delete.headers["idempotency-key"]) >= 16

