"""The demo's messages (docs/api.md, "Demo organisation"): the De Vries family's conversations
with the groups of Emma and Daan in several states — a reply the parents have not read yet, a
question the group has not answered, a closed one, and one with a PDF attached."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.attachments import keep_blob
from server.blobs import BlobStore
from server.demo.files import one_page_pdf
from server.models import (
    Child,
    Contract,
    Conversation,
    ConversationRead,
    Message,
    MessageAttachment,
    User,
    staff_group,
)

LETTER = one_page_pdf("Medicijnbrief voor Emma")


def _at(today: date, days_ago: int, hour: int, minute: int = 0) -> datetime:
    # Demo times in UTC on the demo day's calendar; an hour off Amsterdam is no matter here.
    return datetime.combine(today - timedelta(days=days_ago), time(hour, minute), tzinfo=UTC)


async def add_demo_messages(db: AsyncSession, today: date, blobs: BlobStore | None) -> None:
    users = {u.email: u for u in (await db.scalars(select(User).where(User.email.in_(
        ["sanne.devries@voorbeeld.nl", "thomas.devries@voorbeeld.nl"])))).all()}
    sanne, thomas = users["sanne.devries@voorbeeld.nl"], users["thomas.devries@voorbeeld.nl"]
    children = {c.first_name: c for c in (await db.scalars(select(Child).where(
        Child.family_id == sanne.family_id))).all()}
    emma, daan = children["Emma"], children["Daan"]

    async def group_and_staff(child: Child) -> tuple[int, User]:
        group_id = await db.scalar(select(Contract.group_id).where(
            Contract.child_id == child.id).order_by(Contract.start_date))
        staff = await db.scalar(select(User).join(staff_group, staff_group.c.user_id == User.id)
                                .where(staff_group.c.group_id == group_id).order_by(User.id))
        assert group_id is not None and staff is not None
        return group_id, staff

    emma_group, fatima = await group_and_staff(emma)
    daan_group, daan_staff = await group_and_staff(daan)

    async def conversation(child: Child, group_id: int, subject: str,
                           lines: list[tuple[User, datetime, str]], *,
                           read: dict[User, int], closed_by: User | None = None
                           ) -> list[Message]:
        conv = Conversation(family_id=sanne.family_id, child_id=child.id, group_id=group_id,
                            subject=subject, started_by=lines[0][0].id,
                            created_at=lines[0][1], last_message_at=lines[-1][1],
                            closed_at=lines[-1][1] + timedelta(hours=1) if closed_by else None,
                            closed_by=closed_by.id if closed_by else None)
        db.add(conv)
        await db.flush()
        messages = [Message(conversation_id=conv.id, author_id=author.id,
                            from_family=author.role.is_parent, body=body, sent_at=at)
                    for author, at, body in lines]
        db.add_all(messages)
        await db.flush()
        for reader, upto in read.items():
            db.add(ConversationRead(conversation_id=conv.id, user_id=reader.id,
                                    from_family=reader.role.is_parent,
                                    last_read_id=messages[upto].id))
        return messages

    # A reply Sanne and Thomas have not read yet.
    await conversation(emma, emma_group, "Slaapje van Emma", [
        (sanne, _at(today, 2, 7, 45), "Hoi! Emma heeft vannacht slecht geslapen. Willen jullie "
                                      "haar vanmiddag wat eerder laten slapen?"),
        (fatima, _at(today, 1, 13, 20), "Dag Sanne, goed dat je het laat weten. We hebben haar "
                                        "na de lunch meteen in bed gelegd en ze heeft twee uur "
                                        "geslapen. Meer staat in het dagboek."),
    ], read={sanne: 0, thomas: 0, fatima: 1})
    # A question the group has not answered (and not read) yet.
    await conversation(emma, emma_group, "Vrijdag haalt opa Emma op", [
        (thomas, _at(today, 0, 6, 50), "Goedemorgen, vrijdag haalt opa Emma om 16:30 op. Hij "
                                       "staat al op de lijst van ophalers."),
    ], read={thomas: 0})
    # One with a PDF, answered and read by all.
    letter = await conversation(emma, emma_group, "Medicijnbrief", [
        (sanne, _at(today, 10, 8, 5), "Hierbij de brief van de huisarts over Emma's "
                                      "pufjes."),
        (fatima, _at(today, 10, 9, 30), "Ontvangen, dank je wel! We bewaren hem in de "
                                        "groepsmap."),
    ], read={sanne: 1, thomas: 1, fatima: 1})
    if blobs is not None:
        info = await keep_blob(blobs, "messages", LETTER, "pdf")
        db.add(MessageAttachment(message_id=letter[0].id, uploaded_by=sanne.id,
                                 filename="medicijnbrief-emma.pdf",
                                 media_type="application/pdf", size=info.size,
                                 sha256=info.sha256, blob_key=info.key,
                                 uploaded_at=letter[0].sent_at))
    # A closed one about Daan.
    await conversation(daan, daan_group, "Schoolreisje", [
        (thomas, _at(today, 21, 15, 10), "Gaat Daan na het schoolreisje gewoon mee naar de "
                                         "BSO? De bus is pas om 17:00 terug."),
        (daan_staff, _at(today, 21, 16, 0), "Ja hoor, we halen hem bij school op zodra de bus "
                                            "er is."),
        (thomas, _at(today, 21, 16, 5), "Top, bedankt!"),
    ], read={thomas: 2, sanne: 2, daan_staff: 2}, closed_by=daan_staff)
    await db.flush()
