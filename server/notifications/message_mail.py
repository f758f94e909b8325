"""Mails about messages that stayed unread (docs/api.md, "Notifications").

A message from the other side of a conversation that a participant has not read
`message_mail_after_minutes` (policy) after it was sent is mailed to them if they asked for
it; at most one mail per conversation per hour per user, never about a message already mailed
or read, never to an account that is disabled or whose access ended, and never about a
message from before the mails were turned on.

Several server processes may send (server/notifications/sender.py). Each mail is claimed
through its `message_mail` row: the sender locks it (`FOR UPDATE SKIP LOCKED` on PostgreSQL;
SQLite serves one process), checks the rules again inside that transaction, sends, and
records `mailed_at` in the same transaction. Another process skips a locked row, and once
it is committed the rules no longer hold. A mail whose SMTP delivery failed records nothing
and is tried again at the next round; a commit lost after the SMTP server accepted the mail
is the one case that mails twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, exists, func, literal, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from server.account.mails import build_message
from server.auth.expiry import access_until, is_expired
from server.config import AMSTERDAM, Settings
from server.db import dialect_insert
from server.mail import Mailer
from server.models import (
    CareGroup,
    Conversation,
    ConversationRead,
    Family,
    Message,
    MessageMail,
    NotificationPreferences,
    Organisation,
    User,
    manager_location,
    staff_group,
)
from server.notifications.message_mail_text import unread_message_notice
from server.policy import effective_policy

logger = logging.getLogger(__name__)

# One mail per conversation per user at most this often.
AT_MOST_EVERY = timedelta(hours=1)
# Messages older than this are never mailed (a server that was down for days does not mail
# about last week's messages when it starts).
LOOKBACK = timedelta(days=1)


@dataclass(frozen=True)
class DueMail:
    user_id: int
    conversation_id: int
    message_id: int  # the newest message of the other side that stayed unread


def _newest_unread_long_enough(organisation_id: int, cutoff: datetime,
                               oldest: datetime) -> Select:
    """Per conversation of the organisation and side: the newest message sent between
    `oldest` and `cutoff`."""
    return (select(Message.conversation_id, Message.from_family,
                   func.max(Message.id).label("message_id"))
            .join(Conversation, Conversation.id == Message.conversation_id)
            .join(Family, Family.id == Conversation.family_id)
            .where(Family.organisation_id == organisation_id,
                   Message.sent_at <= cutoff, Message.sent_at > oldest)
            .group_by(Message.conversation_id, Message.from_family))


def _recipients(newest: Select) -> Select:
    """(user, conversation, message) for every participant on the other side of each
    newest message: the family's parents for the group's messages, the group's staff and
    its location's managers for the family's."""
    due = newest.subquery()
    conversation = Conversation.__table__
    parents = (select(User.id.label("user_id"), due.c.conversation_id, due.c.message_id,
                      due.c.from_family)
               .join(conversation, conversation.c.id == due.c.conversation_id)
               .join(User, User.family_id == conversation.c.family_id)
               .where(due.c.from_family.is_(False)))
    staff = (select(staff_group.c.user_id, due.c.conversation_id, due.c.message_id,
                    due.c.from_family)
             .join(conversation, conversation.c.id == due.c.conversation_id)
             .join(staff_group, staff_group.c.group_id == conversation.c.group_id)
             .where(due.c.from_family.is_(True)))
    managers = (select(manager_location.c.user_id, due.c.conversation_id, due.c.message_id,
                       due.c.from_family)
                .join(conversation, conversation.c.id == due.c.conversation_id)
                .join(CareGroup, CareGroup.id == conversation.c.group_id)
                .join(manager_location,
                      manager_location.c.location_id == CareGroup.location_id)
                .where(due.c.from_family.is_(True)))
    return union(parents, staff, managers)  # a manager who is staff there too: once


def _still_due(recipients: Select, now: datetime) -> Select:
    """The recipients who asked for the mails, have not read the message, were not mailed
    about it, and were not mailed about the conversation within the hour; and whose side has
    not written since (a colleague of the team inbox, or the other parent, answered)."""
    r = recipients.subquery()
    answered = aliased(Message)
    return (select(r.c.user_id, r.c.conversation_id, r.c.message_id)
            .join(User, User.id == r.c.user_id)
            .join(NotificationPreferences, NotificationPreferences.user_id == r.c.user_id)
            .join(Message, Message.id == r.c.message_id)
            .outerjoin(ConversationRead, and_(
                ConversationRead.conversation_id == r.c.conversation_id,
                ConversationRead.user_id == r.c.user_id))
            .outerjoin(MessageMail, and_(MessageMail.conversation_id == r.c.conversation_id,
                                         MessageMail.user_id == r.c.user_id))
            .where(User.disabled.is_(False),
                   NotificationPreferences.email_unread_messages.is_(True),
                   Message.sent_at >= NotificationPreferences.email_since,
                   func.coalesce(ConversationRead.last_read_id, literal(0)) < r.c.message_id,
                   func.coalesce(MessageMail.last_message_id, literal(0)) < r.c.message_id,
                   or_(MessageMail.mailed_at.is_(None),
                       MessageMail.mailed_at <= now - AT_MOST_EVERY),
                   ~exists().where(answered.conversation_id == r.c.conversation_id,
                                   answered.from_family != r.c.from_family,
                                   answered.id > r.c.message_id))
            .order_by(r.c.user_id, r.c.conversation_id))


async def due_mails(db: AsyncSession, now: datetime, *, user_id: int | None = None,
                    conversation_id: int | None = None) -> list[DueMail]:
    """Every mail due now (or only the one of this user and conversation)."""
    found: list[DueMail] = []
    for organisation_id, overrides in (await db.execute(
            select(Organisation.id, Organisation.policy))).all():
        after = timedelta(minutes=effective_policy(overrides).message_mail_after_minutes)
        newest = _newest_unread_long_enough(organisation_id, now - after, now - after - LOOKBACK)
        if conversation_id is not None:
            newest = newest.where(Message.conversation_id == conversation_id)
        query = _still_due(_recipients(newest), now)
        for row in (await db.execute(query)).all():
            if user_id is None or row.user_id == user_id:
                found.append(DueMail(row.user_id, row.conversation_id, row.message_id))
    return found


async def _access_ended(db: AsyncSession, user: User, now: datetime) -> bool:
    organisation = await db.get(Organisation, user.organisation_id)
    retention = effective_policy(organisation.policy if organisation else None
                                 ).account_retention_months
    return is_expired(await access_until(db, user, retention), now.astimezone(AMSTERDAM).date())


async def _claim(sessionmaker: async_sessionmaker[AsyncSession], mail: DueMail) -> None:
    """Make sure the claim row exists (committed), so that senders can lock it."""
    async with sessionmaker() as db:
        await db.execute(dialect_insert(db)(MessageMail).values(
            user_id=mail.user_id, conversation_id=mail.conversation_id, last_message_id=0)
            .on_conflict_do_nothing())
        await db.commit()


async def send_one(sessionmaker: async_sessionmaker[AsyncSession], mailer: Mailer,
                   settings: Settings, mail: DueMail) -> bool:
    """Send this mail unless another sender holds it or it is no longer due; True if sent."""
    await _claim(sessionmaker, mail)
    async with sessionmaker() as db:
        claim = await db.scalar(select(MessageMail).where(
            MessageMail.user_id == mail.user_id,
            MessageMail.conversation_id == mail.conversation_id)
            .with_for_update(skip_locked=True))
        if claim is None:
            return False  # another process is mailing it right now
        now = settings.now()
        again = await due_mails(db, now, user_id=mail.user_id,
                                conversation_id=mail.conversation_id)
        if not again:
            return False  # read, or mailed by another process, meanwhile
        user = await db.get(User, mail.user_id)
        assert user is not None
        if user.role.is_parent and await _access_ended(db, user, now):
            return False
        notice = await unread_message_notice(db, user, again[0].message_id)
        await mailer.send(build_message(settings, notice))
        claim.mailed_at = now
        claim.last_message_id = again[0].message_id
        await db.commit()
        return True


async def send_due(sessionmaker: async_sessionmaker[AsyncSession], mailer: Mailer,
                   settings: Settings) -> int:
    """One round: send every mail due now; returns how many were sent. Logs counts only."""
    async with sessionmaker() as db:
        due = await due_mails(db, settings.now())
    sent = 0
    failures: list[str] = []
    for mail in due:
        try:
            sent += await send_one(sessionmaker, mailer, settings, mail)
        except Exception as error:  # noqa: BLE001  SMTP or the database: next round again
            failures.append(type(error).__name__)
    if due:
        logger.info("Unread-message mails: %d due, %d sent, %d failed", len(due), sent,
                    len(failures))
    if failures:
        logger.warning("%d unread-message mails could not be sent (%s); they are tried again",
                       len(failures), ", ".join(sorted(set(failures))))
    return sent
