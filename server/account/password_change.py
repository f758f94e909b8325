"""Changing the password while logged in: the current one, the policy, and optionally the end
of every other session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import record_change
from server.account.reauth import confirm_password
from server.auth.audit import ClientInfo
from server.auth.password_policy import check_password_policy
from server.auth.passwords import PasswordHasher
from server.auth.reset import policy_account
from server.auth.sessions import Authenticated, live_sessions, revoke_session
from server.config import Settings


async def change_password(db: AsyncSession, settings: Settings, hasher: PasswordHasher,
                          auth: Authenticated, current_password: str, new_password: str,
                          end_other_sessions: bool, client: ClientInfo) -> int:
    """Set the new password; returns how many other sessions were ended."""
    user = auth.user
    await confirm_password(db, settings, hasher, user, current_password, client)
    check_password_policy(new_password, await policy_account(db, user))
    now = settings.now()
    user.password_hash = await hasher.hash(new_password)
    ended = 0
    if end_other_sessions:
        for session in await live_sessions(db, user.id, now):
            if session.id != auth.session.id:
                await revoke_session(db, session, now, "password_changed")
                ended += 1
    record_change(db, now, user, "password_changed",
                  new=f"{ended} other sessions ended" if end_other_sessions else None)
    await db.commit()
    return ended
