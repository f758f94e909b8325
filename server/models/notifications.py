"""Notification preferences (docs/api.md, "Notifications"): per user, which categories of
desktop notification the app shows, and whether unread messages are mailed; plus the record
of the mails sent about a conversation (the one-per-hour rule and "never twice")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime


class NotificationPreferences(Base):
    """One user's choices; a missing row is the defaults (every desktop category on, no mail).

    One column per category (`desktop_<category>`, server/notifications/preferences.py):
    a new category is a migration adding a column that defaults to on."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    desktop_messages: Mapped[bool] = mapped_column(default=True)
    desktop_news: Mapped[bool] = mapped_column(default=True)
    desktop_decisions: Mapped[bool] = mapped_column(default=True)
    desktop_diary: Mapped[bool] = mapped_column(default=True)
    desktop_photos: Mapped[bool] = mapped_column(default=True)
    email_unread_messages: Mapped[bool] = mapped_column(default=False)
    email_include_text: Mapped[bool] = mapped_column(default=False)
    # When the unread-message mails were turned on: messages from before are never mailed
    # (turning it on must not mail about last month's unread conversations).
    email_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The language of the app that last saved these ("nl" or "en"): the mails use it.
    language: Mapped[str | None] = mapped_column(String(2))


class MessageMail(Base):
    """The last unread-message mail to one user about one conversation. The row is also the
    senders' claim: a sender locks it (FOR UPDATE SKIP LOCKED) while it mails, and writes
    `mailed_at` in that same transaction."""

    __tablename__ = "message_mail"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), primary_key=True, index=True)
    mailed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The newest message the last mail was about: a message at or before it is never mailed.
    last_message_id: Mapped[int] = mapped_column(default=0)
