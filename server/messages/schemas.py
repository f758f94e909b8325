"""The shapes of `/conversations` and `/message-attachments` (docs/api.md, "Messages")."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field, field_validator

from server.attachments import AttachmentOut
from server.validation import FreeText, PlainText

#: Longest message body and subject (characters); the app shows what is left as you type.
MAX_BODY = 5000
MAX_SUBJECT = 150
#: Files one message may carry.
MAX_ATTACHMENTS = 5


def _not_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


class MessageIn(BaseModel):
    body: FreeText = Field(max_length=MAX_BODY)
    attachment_ids: list[int] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)

    _body = field_validator("body")(_not_blank)


class ConversationIn(MessageIn):
    child_id: int = Field(ge=1, le=2**31 - 1)
    # Omitted: the child's group (the first of its current contracts).
    group_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    subject: PlainText = Field(max_length=MAX_SUBJECT)

    _subject = field_validator("subject")(_not_blank)


class ReadIn(BaseModel):
    last_read_id: int = Field(ge=0, le=2**31 - 1)


class MessageOut(BaseModel):
    id: int
    conversation_id: int
    author_name: str
    from_family: bool
    mine: bool
    body: str
    sent_at: datetime
    attachments: list[AttachmentOut]


class ConversationOut(BaseModel):
    id: int
    subject: str
    child_id: int
    child_name: str
    group_id: int
    group_name: str
    family_name: str
    started_by_name: str
    created_at: datetime
    last_message_at: datetime
    last_message_id: int
    last_message_preview: str
    last_message_from_family: bool
    last_message_author_name: str
    answered: bool
    unread: int
    closed: bool
    group_read_id: int
    family_read_id: int


class ConversationsOut(BaseModel):
    conversations: list[ConversationOut]
    next_cursor: str | None
    unread_messages: int
    unread_conversations: int


class MessagesOut(BaseModel):
    messages: list[MessageOut]
    next_cursor: str | None


class PostedOut(BaseModel):
    """The answer to a new conversation or message: the conversation as it is now and the
    message that was stored."""

    conversation: ConversationOut
    message: MessageOut
