"""Records of the messages with the group (docs/api.md, "Messages"), and the draft of a message
the outbox keeps until it is sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.api.core.fields import Json, as_int, as_optional_int, as_str, as_timestamp

__all__ = ["Attachment", "Conversation", "Inbox", "Message", "MessageDraft", "OutgoingFile",
           "Posted"]


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected a boolean, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class Attachment:
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    url: str

    @classmethod
    def from_json(cls, data: Json) -> Attachment:
        return cls(as_int(data["id"]), as_str(data["filename"]), as_str(data["media_type"]),
                   as_int(data["size"]), as_str(data["sha256"]), as_str(data["url"]))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "filename": self.filename, "media_type": self.media_type,
                "size": self.size, "sha256": self.sha256, "url": self.url}


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    author_name: str
    from_family: bool
    mine: bool
    body: str
    sent_at: datetime
    attachments: tuple[Attachment, ...]

    @classmethod
    def from_json(cls, data: Json) -> Message:
        return cls(as_int(data["id"]), as_int(data["conversation_id"]),
                   as_str(data["author_name"]), _bool(data["from_family"]),
                   _bool(data["mine"]), as_str(data["body"]), as_timestamp(data["sent_at"]),
                   tuple(Attachment.from_json(a) for a in data["attachments"]))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "conversation_id": self.conversation_id,
                "author_name": self.author_name, "from_family": self.from_family,
                "mine": self.mine, "body": self.body, "sent_at": self.sent_at.isoformat(),
                "attachments": [a.to_json() for a in self.attachments]}


@dataclass(frozen=True)
class Conversation:
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
    answered: bool
    unread: int
    closed: bool
    group_read_id: int
    family_read_id: int
    #: Who wrote the last message (what a notification names).
    last_message_author_name: str = ""

    @classmethod
    def from_json(cls, data: Json) -> Conversation:
        return cls(
            as_int(data["id"]), as_str(data["subject"]), as_int(data["child_id"]),
            as_str(data["child_name"]), as_int(data["group_id"]), as_str(data["group_name"]),
            as_str(data["family_name"]), as_str(data["started_by_name"]),
            as_timestamp(data["created_at"]), as_timestamp(data["last_message_at"]),
            as_int(data["last_message_id"]), as_str(data["last_message_preview"]),
            _bool(data["last_message_from_family"]), _bool(data["answered"]),
            as_int(data["unread"]), _bool(data["closed"]), as_int(data["group_read_id"]),
            as_int(data["family_read_id"]), as_str(data["last_message_author_name"]))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "subject": self.subject, "child_id": self.child_id,
                "child_name": self.child_name, "group_id": self.group_id,
                "group_name": self.group_name, "family_name": self.family_name,
                "started_by_name": self.started_by_name,
                "created_at": self.created_at.isoformat(),
                "last_message_at": self.last_message_at.isoformat(),
                "last_message_id": self.last_message_id,
                "last_message_preview": self.last_message_preview,
                "last_message_from_family": self.last_message_from_family,
                "last_message_author_name": self.last_message_author_name,
                "answered": self.answered, "unread": self.unread, "closed": self.closed,
                "group_read_id": self.group_read_id, "family_read_id": self.family_read_id}


@dataclass(frozen=True)
class Inbox:
    """Every conversation of the caller (all pages) and the unread totals."""

    conversations: tuple[Conversation, ...]
    unread_messages: int
    unread_conversations: int


@dataclass(frozen=True)
class Posted:
    conversation: Conversation
    message: Message

    @classmethod
    def from_json(cls, data: Json) -> Posted:
        return cls(Conversation.from_json(data["conversation"]),
                   Message.from_json(data["message"]))


@dataclass(frozen=True)
class OutgoingFile:
    """A file to attach, kept as a private copy in the account's blob store (``blob_name``,
    verified by ``sha256``) until its message is sent: the original may move meanwhile."""

    blob_name: str
    sha256: str
    size: int
    filename: str

    def to_json(self) -> dict[str, Any]:
        return {"blob_name": self.blob_name, "sha256": self.sha256, "size": self.size,
                "filename": self.filename}

    @classmethod
    def from_json(cls, data: Json) -> OutgoingFile:
        return cls(as_str(data["blob_name"]), as_str(data["sha256"]), as_int(data["size"]),
                   as_str(data["filename"]))


@dataclass(frozen=True)
class MessageDraft:
    """A message as the outbox keeps it: a reply (``conversation_id``) or the first message
    of a new conversation (``child_id``, ``group_id`` and ``subject``)."""

    body: str
    conversation_id: int | None = None
    child_id: int | None = None
    group_id: int | None = None
    subject: str | None = None
    files: tuple[OutgoingFile, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"body": self.body, "conversation_id": self.conversation_id,
                "child_id": self.child_id, "group_id": self.group_id,
                "subject": self.subject, "files": [f.to_json() for f in self.files]}

    @classmethod
    def from_json(cls, data: Json) -> MessageDraft:
        subject = data.get("subject")
        return cls(as_str(data["body"]), as_optional_int(data.get("conversation_id")),
                   as_optional_int(data.get("child_id")), as_optional_int(data.get("group_id")),
                   None if subject is None else as_str(subject),
                   tuple(OutgoingFile.from_json(f) for f in data.get("files") or ()))
