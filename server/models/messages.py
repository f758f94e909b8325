"""Messages with the group (docs/api.md, "Messages"): a family's conversations with the staff of
a child's group, their messages, attachments and who read how far."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, UtcDateTime


class Conversation(Base):
    """One subject between a family and a group's staff (a team inbox: any of them answers,
    the location manager reads along). `last_message_at` orders the inboxes; `closed_at` is set
    by staff and cleared by the next message."""

    __tablename__ = "conversation"
    __table_args__ = (
        Index("ix_conversation_family_last", "family_id", "last_message_at"),
        Index("ix_conversation_group_last", "group_id", "last_message_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"),
                                          index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("care_group.id"))
    subject: Mapped[str] = mapped_column(String(150))
    started_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_message_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class Message(Base):
    """Plain text (never HTML). `from_family` says the side, so "answered" and "the group has
    read it" need no join with the author."""

    __tablename__ = "message"
    __table_args__ = (
        Index("ix_message_conversation_id", "conversation_id", "id"),
        # The unread-message mails look up the messages sent within a window every minute
        # (server/notifications/message_mail.py).
        Index("ix_message_sent_at", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    from_family: Mapped[bool]
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MessageAttachment(Base):
    """A file uploaded for a message, in the blob store. `message_id` is NULL between the
    upload and the message that carries it; only its uploader sees it then."""

    __tablename__ = "message_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True)
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                             index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    blob_key: Mapped[str] = mapped_column(String(300))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ConversationRead(Base):
    """How far one participant has read a conversation (the id of the last message read)."""

    __tablename__ = "conversation_read"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)
    from_family: Mapped[bool]
    last_read_id: Mapped[int]
