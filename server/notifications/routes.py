"""`/api/v1/account/notifications`: the caller's own notification preferences (docs/api.md,
"Notifications"). Every role has its own; nobody reads or writes another's (no id in the
path: it is always the caller's)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from server.deps import Auth, CurrentSettings, Db
from server.models import NotificationPreferences, User
from server.notifications import preferences
from server.problems.language import wants_english
from server.problems.openapi import problem_responses

router = APIRouter(prefix="/account", tags=["account"])

SIGNED_IN = ("not_authenticated", "token_expired")
AcceptLanguage = Annotated[str | None, Header(include_in_schema=False)]


class NotificationsOut(BaseModel):
    desktop: dict[str, bool] = Field(
        description="The account's categories of desktop notification, in a fixed order: "
                    "parents `messages`, `news`, `decisions`, `diary`, `photos`; staff and "
                    "managers `messages`, `news`")
    email_unread_messages: bool = Field(description="Mail when a message stayed unread")
    email_include_text: bool = Field(description="The mail may quote the message")


class NotificationsIn(BaseModel):
    desktop: dict[str, bool] = Field(
        default_factory=dict, max_length=len(preferences.CATEGORIES),
        description="Categories left out keep their value")
    email_unread_messages: bool
    email_include_text: bool


def _out(user: User, chosen: NotificationPreferences) -> NotificationsOut:
    return NotificationsOut(desktop=preferences.desktop_of(user, chosen),
                            email_unread_messages=chosen.email_unread_messages,
                            email_include_text=chosen.email_include_text)


@router.get("/notifications", response_model=NotificationsOut,
            responses=problem_responses(*SIGNED_IN))
async def get_notifications(db: Db, auth: Auth) -> NotificationsOut:
    """The caller's notification preferences (the defaults until they were saved)."""
    return _out(auth.user, await preferences.preferences_of(db, auth.user))


@router.put("/notifications", response_model=NotificationsOut,
            responses=problem_responses(*SIGNED_IN, "validation_error"))
async def put_notifications(body: NotificationsIn, db: Db, settings: CurrentSettings,
                            auth: Auth,
                            accept_language: AcceptLanguage = None) -> NotificationsOut:
    """Save the caller's preferences. The request's language becomes the mails' language."""
    chosen = await preferences.change(
        db, auth.user, settings.now(), desktop=body.desktop,
        email_unread_messages=body.email_unread_messages,
        email_include_text=body.email_include_text,
        language="en" if wants_english(accept_language) else "nl")
    return _out(auth.user, chosen)


__all__ = ["router"]
