"""Sample conversations and messages for the messages' view and model tests."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.api.messages.records import Attachment, Conversation, Inbox, Message

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
LETTER = Attachment(7, "brief.pdf", "application/pdf", 1234, "ab" * 32,
                    "/api/v1/message-attachments/7")


def conversation(conversation_id: int, subject: str, *, unread: int = 0, answered: bool = True,
                 closed: bool = False, group_id: int = 2, group: str = "Zonnetjes",
                 minutes: int = 0, group_read_id: int = 0) -> Conversation:
    at = WHEN.replace(minute=minutes)
    return Conversation(conversation_id, subject, 11, "Emma", group_id, group, "De Vries",
                        "Sanne de Vries", at, at, 100 + conversation_id, f"Over {subject}",
                        not answered, answered, unread, closed, group_read_id, 0)


def message(message_id: int, body: str, *, mine: bool = False, day: int = 2,
            from_family: bool | None = None, attachments=(),  # noqa: ANN001
            author: str | None = None) -> Message:
    return Message(message_id, 1, author or ("Sanne de Vries" if mine else "Fatima El Amrani"),
                   mine if from_family is None else from_family, mine, body,
                   WHEN.replace(day=day), tuple(attachments))


def inbox(*conversations: Conversation) -> Inbox:
    return Inbox(tuple(conversations), sum(c.unread for c in conversations),
                 sum(1 for c in conversations if c.unread))
