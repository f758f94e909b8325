"""Each user's notification preferences: which categories of desktop notification the app
shows, and the unread-message mails (docs/api.md, "Notifications").

The categories are one list for server, app and tests. Parents have all of them; staff and
managers only `messages` and `news`: decisions on requests go to parents (staff make them),
and staff write the diary and post the photos rather than receive them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.account.audit import record_change
from server.models import NotificationPreferences, User
from server.problems import Problem

CATEGORIES = ("messages", "news", "decisions", "diary", "photos")
STAFF_CATEGORIES = ("messages", "news")
LANGUAGES = ("nl", "en")


def categories_for(user: User) -> tuple[str, ...]:
    return CATEGORIES if user.role.is_parent else STAFF_CATEGORIES


def defaults(user_id: int) -> NotificationPreferences:
    """What a user without a row has: every desktop category on, no mail."""
    return NotificationPreferences(
        user_id=user_id, **{f"desktop_{c}": True for c in CATEGORIES},
        email_unread_messages=False, email_include_text=False)


async def preferences_of(db: AsyncSession, user: User) -> NotificationPreferences:
    return await db.get(NotificationPreferences, user.id) or defaults(user.id)


def desktop_of(user: User, chosen: NotificationPreferences) -> dict[str, bool]:
    """The user's desktop categories, in the fixed order, with their setting."""
    return {c: bool(getattr(chosen, f"desktop_{c}")) for c in categories_for(user)}


async def change(db: AsyncSession, user: User, now: datetime, *, desktop: Mapping[str, bool],
                 email_unread_messages: bool, email_include_text: bool,
                 language: str) -> NotificationPreferences:
    """Store the user's choices (a category left out keeps its value); a category that is not
    the user's is `validation_error`. The mail choices land in the audit log."""
    allowed = categories_for(user)
    for category in desktop:
        if category not in allowed:
            raise Problem("validation_error", errors=[{
                "field": f"desktop.{category}",
                "message": f"not a category of this account: {', '.join(allowed)}"}])
    chosen = await db.get(NotificationPreferences, user.id)
    if chosen is None:
        chosen = defaults(user.id)
        db.add(chosen)
    for category, on in desktop.items():
        setattr(chosen, f"desktop_{category}", on)
    for field, new in (("email_unread_messages", email_unread_messages),
                       ("email_include_text", email_include_text)):
        old = bool(getattr(chosen, field))
        if old != new:
            record_change(db, now, user, "settings_changed", field=field,
                          old=str(old).lower(), new=str(new).lower())
            setattr(chosen, field, new)
            if field == "email_unread_messages" and new:
                chosen.email_since = now
    chosen.language = language if language in LANGUAGES else "nl"
    await db.commit()
    return chosen
