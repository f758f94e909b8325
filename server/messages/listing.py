"""Reading conversations and messages: the inbox rows with their unread counts and read
markers, and a thread's messages with their attachments — each in a few queries, whatever
the page size (docs/architecture.md, "Queries per request")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.attachments import AttachmentOut
from server.config import AMSTERDAM
from server.messages.access import side_of
from server.messages.schemas import ConversationOut, MessageOut
from server.models import (
    CareGroup,
    Child,
    Conversation,
    ConversationRead,
    Family,
    Message,
    MessageAttachment,
    User,
)

PREVIEW = 200


def unread_of(user: User) -> ColumnElement[int]:
    """Per conversation: the messages of others after the caller's read marker."""
    read_up_to = select(ConversationRead.last_read_id).where(
        ConversationRead.conversation_id == Conversation.id,
        ConversationRead.user_id == user.id).correlate_except(ConversationRead).scalar_subquery()
    # Both correlate with the outer query's conversation (the inner one is two levels down,
    # where SQLAlchemy would not correlate by itself).
    return select(func.count(Message.id)).where(
        Message.conversation_id == Conversation.id,
        Message.author_id != user.id,
        Message.id > func.coalesce(read_up_to, 0)).correlate_except(Message).scalar_subquery()


def _read_by(from_family: bool) -> ColumnElement[int]:
    """How far the family's (or the group's) side has read: its furthest reader."""
    return func.coalesce(select(func.max(ConversationRead.last_read_id)).where(
        ConversationRead.conversation_id == Conversation.id,
        ConversationRead.from_family == from_family).scalar_subquery(), 0)


def _last_id() -> ColumnElement[int]:
    return select(func.max(Message.id)).where(
        Message.conversation_id == Conversation.id).scalar_subquery()


def inbox_query(user: User, condition: ColumnElement[bool]) -> Select[Any]:
    """The caller's conversations with what their rows show (unordered)."""
    return (select(Conversation, Child.first_name, CareGroup.name, Family.name, User.name,
                   unread_of(user).label("unread"), _read_by(False).label("group_read"),
                   _read_by(True).label("family_read"), _last_id().label("last_id"))
            .join(Child, Child.id == Conversation.child_id)
            .join(CareGroup, CareGroup.id == Conversation.group_id)
            .join(Family, Family.id == Conversation.family_id)
            .join(User, User.id == Conversation.started_by)
            .where(condition))


async def describe(db: AsyncSession, rows: Sequence[Any]) -> list[ConversationOut]:
    """Rows of `inbox_query` as the API shows them (one more query: the last messages with
    their authors' names)."""
    last_ids = [row.last_id for row in rows if row.last_id is not None]
    last = {m.id: (m, name) for m, name in (await db.execute(
        select(Message, User.name).join(User, User.id == Message.author_id)
        .where(Message.id.in_(last_ids)))).all()} if last_ids else {}
    out = []
    for row in rows:
        conversation: Conversation = row[0]
        message, author = last.get(row.last_id, (None, ""))
        out.append(ConversationOut(
            id=conversation.id, subject=conversation.subject, child_id=conversation.child_id,
            child_name=row[1], group_id=conversation.group_id, group_name=row[2],
            family_name=row[3], started_by_name=row[4],
            created_at=conversation.created_at.astimezone(AMSTERDAM),
            last_message_at=conversation.last_message_at.astimezone(AMSTERDAM),
            last_message_id=message.id if message else 0,
            last_message_preview=" ".join(message.body.split())[:PREVIEW] if message else "",
            last_message_from_family=message.from_family if message else True,
            last_message_author_name=author,
            answered=message is not None and not message.from_family,
            unread=row.unread, closed=conversation.closed_at is not None,
            group_read_id=row.group_read, family_read_id=row.family_read))
    return out


async def one(db: AsyncSession, user: User, conversation_id: int) -> ConversationOut:
    rows = (await db.execute(inbox_query(user, Conversation.id == conversation_id))).all()
    return (await describe(db, rows))[0]


async def unread_totals(db: AsyncSession, user: User,
                        condition: ColumnElement[bool]) -> tuple[int, int]:
    """(unread messages, conversations with unread messages) over all the caller's
    conversations: one query."""
    read = ConversationRead
    counted = (select(func.count(Message.id).label("n"))
               .join(Conversation, Conversation.id == Message.conversation_id)
               .outerjoin(read, and_(read.conversation_id == Conversation.id,
                                     read.user_id == user.id))
               .where(condition, Message.author_id != user.id,
                      Message.id > func.coalesce(read.last_read_id, 0))
               .group_by(Conversation.id).subquery())
    row = (await db.execute(select(func.coalesce(func.sum(counted.c.n), 0),
                                   func.count()).select_from(counted))).one()
    return int(row[0]), int(row[1])


def attachment_out(attachment: MessageAttachment) -> AttachmentOut:
    return AttachmentOut(id=attachment.id, filename=attachment.filename,
                         media_type=attachment.media_type, size=attachment.size,
                         sha256=attachment.sha256,
                         url=f"/api/v1/message-attachments/{attachment.id}")


async def messages_out(db: AsyncSession, user: User,
                       messages: Sequence[Message]) -> list[MessageOut]:
    """The messages with their authors' names and attachments (two queries)."""
    if not messages:
        return []
    names: dict[int, str] = dict((await db.execute(select(User.id, User.name).where(
        User.id.in_({m.author_id for m in messages})))).all())
    files: dict[int, list[AttachmentOut]] = {}
    for attachment in (await db.scalars(select(MessageAttachment).where(
            MessageAttachment.message_id.in_([m.id for m in messages]))
            .order_by(MessageAttachment.id))).all():
        assert attachment.message_id is not None
        files.setdefault(attachment.message_id, []).append(attachment_out(attachment))
    return [MessageOut(id=m.id, conversation_id=m.conversation_id,
                       author_name=names.get(m.author_id, ""), from_family=m.from_family,
                       mine=m.author_id == user.id, body=m.body,
                       sent_at=m.sent_at.astimezone(AMSTERDAM),
                       attachments=files.get(m.id, [])) for m in messages]


__all__ = ["attachment_out", "describe", "inbox_query", "messages_out", "one", "side_of",
           "unread_of", "unread_totals"]
