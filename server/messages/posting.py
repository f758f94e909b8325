"""Writing: starting a conversation, replying, reading and closing (docs/api.md, "Messages").

Each runs in the request's transaction, so under an `Idempotency-Key` the message and the
stored answer commit together (docs/architecture.md, "Idempotent writes"): a message whose
answer was lost is never stored twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server.config import AMSTERDAM
from server.db import hold_rows
from server.events.bus import publish
from server.messages.access import participants, side_of
from server.messages.schemas import ConversationIn, MessageIn
from server.models import (
    Child,
    Contract,
    Conversation,
    ConversationRead,
    Message,
    MessageAttachment,
    User,
)
from server.problems import Problem


async def _child_group(db: AsyncSession, user: User, body: ConversationIn,
                       now: datetime) -> tuple[Child, int]:
    """The family's child and the group to write to: one of the child's current groups
    (a contract that has not ended), by default the first."""
    child = await db.scalar(select(Child).where(Child.id == body.child_id,
                                                Child.family_id == user.family_id))
    if child is None:
        raise Problem("forbidden")
    today = now.astimezone(AMSTERDAM).date()
    groups = list((await db.scalars(select(Contract.group_id).where(
        Contract.child_id == child.id,
        or_(Contract.end_date.is_(None), Contract.end_date >= today))
        .order_by(Contract.start_date, Contract.id))).all())
    if body.group_id is None and groups:
        return child, groups[0]
    if body.group_id not in groups:
        raise Problem("message_group_invalid")
    return child, body.group_id


async def start(db: AsyncSession, user: User, body: ConversationIn,
                now: datetime) -> tuple[Conversation, Message]:
    """A parent's new conversation with a child's group, and its first message."""
    if not user.role.is_parent:
        raise Problem("forbidden")
    child, group_id = await _child_group(db, user, body, now)
    conversation = Conversation(family_id=child.family_id, child_id=child.id,
                                group_id=group_id, subject=body.subject, started_by=user.id,
                                created_at=now, last_message_at=now)
    db.add(conversation)
    await db.flush()
    message = await _add_message(db, user, conversation, body, now)
    return conversation, message


async def reply(db: AsyncSession, user: User, conversation: Conversation, body: MessageIn,
                now: datetime) -> Message:
    """A message in an existing conversation, from either side; it reopens a closed one."""
    await hold_rows(db, Conversation, [conversation.id])
    conversation.closed_at = None
    conversation.closed_by = None
    conversation.last_message_at = now
    return await _add_message(db, user, conversation, body, now)


async def _add_message(db: AsyncSession, user: User, conversation: Conversation,
                       body: MessageIn, now: datetime) -> Message:
    files = await _own_unsent(db, user, body.attachment_ids)
    message = Message(conversation_id=conversation.id, author_id=user.id,
                      from_family=side_of(user), body=body.body, sent_at=now)
    db.add(message)
    await db.flush()
    for attachment in files:
        attachment.message_id = message.id
    # The writer has read what they wrote.
    await _read_up_to(db, user, conversation.id, message.id)
    await publish(db, "message", await participants(db, conversation),
                  {"conversation_id": conversation.id, "message_id": message.id}, now)
    return message


async def _own_unsent(db: AsyncSession, user: User,
                      attachment_ids: list[int]) -> list[MessageAttachment]:
    """The caller's uploads that no message carries yet, or `message_attachment_invalid`."""
    if not attachment_ids:
        return []
    files = list((await db.scalars(select(MessageAttachment).where(
        MessageAttachment.id.in_(attachment_ids), MessageAttachment.uploaded_by == user.id,
        MessageAttachment.message_id.is_(None)).order_by(MessageAttachment.id))).all())
    if len(files) != len(set(attachment_ids)):
        raise Problem("message_attachment_invalid")
    return files


async def mark_read(db: AsyncSession, user: User, conversation: Conversation,
                    last_read_id: int, now: datetime) -> None:
    """Move the caller's read marker forward to `last_read_id` (never past the last message,
    never back: an older device catching up does not make messages unread again)."""
    newest = await db.scalar(select(Message.id).where(
        Message.conversation_id == conversation.id, Message.id <= last_read_id)
        .order_by(Message.id.desc()).limit(1))
    if newest is not None:
        await hold_rows(db, Conversation, [conversation.id])
        if await _read_up_to(db, user, conversation.id, newest):
            await publish(db, "conversation_read", await participants(db, conversation),
                          {"conversation_id": conversation.id}, now)


async def _read_up_to(db: AsyncSession, user: User, conversation_id: int,
                      message_id: int) -> bool:
    """Move the marker forward; False when it was there already."""
    row = await db.get(ConversationRead, (conversation_id, user.id))
    if row is None:
        db.add(ConversationRead(conversation_id=conversation_id, user_id=user.id,
                                from_family=side_of(user), last_read_id=message_id))
    elif row.last_read_id < message_id:
        await db.execute(update(ConversationRead).where(
            ConversationRead.conversation_id == conversation_id,
            ConversationRead.user_id == user.id,
            ConversationRead.last_read_id < message_id).values(last_read_id=message_id))
    else:
        return False
    await db.flush()
    return True


async def close(db: AsyncSession, user: User, conversation: Conversation,
                now: datetime) -> None:
    """Staff or a manager closes a conversation (the next message opens it again)."""
    if user.role.is_parent:
        raise Problem("forbidden")
    if conversation.closed_at is None:
        conversation.closed_at = now
        conversation.closed_by = user.id
        await db.flush()
        await publish(db, "conversation_closed", await participants(db, conversation),
                      {"conversation_id": conversation.id}, now)
