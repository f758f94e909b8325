"""The words of an unread-message mail, in the recipient's language (docs/api.md,
"Notifications"). Without `email_include_text` it names who wrote and about which child,
nothing else: not the subject, not the text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.account.mails import Notice
from server.models import CareGroup, Child, Conversation, Family, Message, User
from server.notifications.preferences import preferences_of


def _family_words(family_name: str, english: bool) -> str:
    """"Familie De Vries" reads "de familie De Vries" / "the De Vries family"."""
    bare = family_name.removeprefix("Familie ").removeprefix("familie ")
    return f"the {bare} family" if english else f"de familie {bare}"


async def unread_message_notice(db: AsyncSession, user: User, message_id: int) -> Notice:
    chosen = await preferences_of(db, user)
    english = chosen.language == "en"
    row = (await db.execute(
        select(Message.body, Message.from_family, Conversation.subject, Child.first_name,
               CareGroup.name, Family.name, User.name)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .join(Child, Child.id == Conversation.child_id)
        .join(CareGroup, CareGroup.id == Conversation.group_id)
        .join(Family, Family.id == Conversation.family_id)
        .join(User, User.id == Message.author_id)
        .where(Message.id == message_id))).one()
    body, from_family, subject, child, group, family, author = row
    sender = _family_words(family, english) if from_family else (
        f"the {group}" if english else f"de {group}")
    if english:
        paragraphs = [f"Dear {user.name},",
                      f"You have a new message from {sender} about {child}."]
        if chosen.email_include_text:
            paragraphs += [f"Subject: {subject}", f"{author} wrote:", body]
        paragraphs += ["Open the Ouderportaal app and choose Messages to read and answer it.",
                       "You can turn these e-mails off in the app under Account → "
                       "Notifications."]
        title = f"New message from {sender} about {child}"
    else:
        paragraphs = [f"Beste {user.name},",
                      f"Je hebt een nieuw bericht van {sender} over {child}."]
        if chosen.email_include_text:
            paragraphs += [f"Onderwerp: {subject}", f"{author} schreef:", body]
        paragraphs += ["Open de Ouderportaal-app en kies Berichten om het te lezen en te "
                       "beantwoorden.",
                       "Deze mails kun je uitzetten in de app onder Account → Meldingen."]
        title = f"Nieuw bericht van {sender} over {child}"
    return Notice(user.email, title, tuple(paragraphs), language="en" if english else "nl")
