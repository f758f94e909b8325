"""client.profile: the logged-in user's profile."""

from __future__ import annotations

from desktop.api.profile.records import Role


async def test_me_returns_the_profile(logged_in) -> None:
    profile = await logged_in.profile.me()
    assert profile.user.role is Role.PRIMARY_PARENT
    assert [c.full_name for c in profile.children] == ["Emma de Vries", "Daan de Vries"]

