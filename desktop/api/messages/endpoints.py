"""``client.messages``: the inbox, a thread (history and what is new), sending, reading,
closing, and attachments (docs/api.md, "Messages")."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from urllib.parse import quote

from desktop.api.core.paging import pages
from desktop.api.core.transport import Download, Transport, new_idempotency_key
from desktop.api.messages.records import (
    Attachment,
    Conversation,
    Inbox,
    Message,
    MessageDraft,
    Posted,
)

__all__ = ["MessageEndpoints"]


class MessageEndpoints:
    def __init__(self, core: Transport) -> None:
        self._core = core

    async def inbox(self, group_id: int | None = None) -> Inbox:
        """Every page of the caller's conversations, most recent activity first."""
        conversations: list[Conversation] = []
        totals = (0, 0)
        params = {"group_id": group_id} if group_id is not None else None
        async for response, _data in pages(self._core, "/conversations", params):
            conversations.extend(self._core.parse(response, lambda body: [
                Conversation.from_json(c) for c in body["conversations"]]))
            totals = self._core.parse(response, lambda body: (
                int(body["unread_messages"]), int(body["unread_conversations"])))
        return Inbox(tuple(conversations), *totals)

    async def conversation(self, conversation_id: int) -> Conversation:
        response = await self._core.request("GET", f"/conversations/{conversation_id}")
        return self._core.parse(response, Conversation.from_json)

    async def messages(self, conversation_id: int, after: int | None = None) -> list[Message]:
        """The thread oldest first: all of it, or only what came after message ``after``."""
        path = f"/conversations/{conversation_id}/messages"
        collected: list[Message] = []
        params = {"after": after, "limit": 200} if after is not None else {"limit": 200}
        async for response, _data in pages(self._core, path, params):
            collected.extend(self._core.parse(response, lambda body: [
                Message.from_json(m) for m in body["messages"]]))
        # The history comes newest first; what is new comes oldest first.
        return collected if after is not None else collected[::-1]

    async def send(self, draft: MessageDraft, attachment_ids: list[int], key: str) -> Posted:
        """Post the draft with its (already uploaded) attachments under the outbox's key."""
        body: dict[str, object] = {"body": draft.body, "attachment_ids": attachment_ids}
        if draft.conversation_id is not None:
            path = f"/conversations/{draft.conversation_id}/messages"
        else:
            path = "/conversations"
            body.update(child_id=draft.child_id, group_id=draft.group_id,
                        subject=draft.subject)
        response = await self._core.request("POST", path, json=body, idempotency_key=key)
        return self._core.parse(response, Posted.from_json)

    async def upload(self, filename: str, data: bytes, key: str) -> Attachment:
        response = await self._core.request(
            "POST", f"/message-attachments?filename={quote(filename)}", content=data,
            idempotency_key=key)
        return self._core.parse(response, Attachment.from_json)

    async def mark_read(self, conversation_id: int, last_read_id: int) -> Conversation:
        response = await self._core.request(
            "POST", f"/conversations/{conversation_id}/read",
            json={"last_read_id": last_read_id}, idempotency_key=new_idempotency_key())
        return self._core.parse(response, Conversation.from_json)

    async def close(self, conversation_id: int) -> Conversation:
        response = await self._core.request("POST", f"/conversations/{conversation_id}/close",
                                            idempotency_key=new_idempotency_key())
        return self._core.parse(response, Conversation.from_json)

    @contextlib.asynccontextmanager
    async def download(self, attachment: Attachment,
                       offset: int = 0) -> AsyncIterator[Download]:
        async with self._core.download(attachment.url, offset) as download:
            yield download
