"""The messages offline: the inbox and each conversation's thread as last synced, so Berichten
opens from this computer before the first sync and while the portal cannot be reached
(docs/architecture.md, "Messages offline").

A thread is kept as rows of their own (table ``message``, one per message, in columns rather
than JSON: a conversation of thousands of messages is read in a few milliseconds), always
from its first message on, so the next sync asks only for what came ``after`` the newest
one. The inbox is one document. Everything here can be fetched again: an unreadable row
drops the conversation's copy and the next sync fetches it whole.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from desktop.api.messages.records import Attachment, Conversation, Inbox, Message
from desktop.cache.disk import writing

__all__ = ["ThreadCache"]

log = logging.getLogger(__name__)

_INBOX = "inbox"


class ThreadCache:
    """Part of an :class:`desktop.cache.store.AccountCache` (``cache.threads``)."""

    def __init__(self, connection: Callable[[], sqlite3.Connection], path: Path,
                 clock: Callable[[], datetime]) -> None:
        self._connection = connection
        self._path = path
        self._clock = clock

    # --- the inbox ----------------------------------------------------------------------------

    def put_inbox(self, inbox: Inbox) -> None:
        body = {"conversations": [c.to_json() for c in inbox.conversations],
                "unread_messages": inbox.unread_messages,
                "unread_conversations": inbox.unread_conversations}
        with writing(self._path):
            self._connection().execute(
                "INSERT INTO documents (name, body, stored_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET body = excluded.body,"
                " stored_at = excluded.stored_at",
                (_INBOX, json.dumps(body, ensure_ascii=False), self._clock().isoformat()))

    def inbox(self) -> Inbox | None:
        row = self._connection().execute(
            "SELECT body FROM documents WHERE name = ?", (_INBOX,)).fetchone()
        if row is None:
            return None
        try:
            data = json.loads(row[0])
            return Inbox(tuple(Conversation.from_json(c) for c in data["conversations"]),
                         int(data["unread_messages"]), int(data["unread_conversations"]))
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding the unreadable cached inbox: %s", exc)
            with writing(self._path):
                self._connection().execute("DELETE FROM documents WHERE name = ?", (_INBOX,))
            return None

    # --- threads ------------------------------------------------------------------------------

    def add_messages(self, conversation_id: int, messages: Sequence[Message]) -> None:
        """Keep these messages of the conversation (one that is kept already is replaced)."""
        rows = [(conversation_id, m.id, m.author_name, int(m.from_family), int(m.mine), m.body,
                 m.sent_at.isoformat(),
                 json.dumps([a.to_json() for a in m.attachments]) if m.attachments else None)
                for m in messages]
        with writing(self._path):
            self._connection().executemany(
                "INSERT OR REPLACE INTO message (conversation_id, id, author_name, from_family,"
                " mine, body, sent_at, attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def messages(self, conversation_id: int, *, before: int | None = None,
                 limit: int = -1) -> list[Message] | None:
        """The thread oldest first — its newest ``limit`` messages (all: -1) before message
        ``before`` (None: up to the newest) — or None when this computer has none of it."""
        rows = self._connection().execute(
            "SELECT id, author_name, from_family, mine, body, sent_at, attachments"
            " FROM message WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
            (conversation_id, before if before is not None else 2 ** 62, limit)).fetchall()
        if not rows:
            return None
        rows.reverse()
        try:
            return [Message(row[0], conversation_id, row[1], bool(row[2]), bool(row[3]), row[4],
                            datetime.fromisoformat(row[5]),
                            tuple(Attachment.from_json(a) for a in json.loads(row[6]))
                            if row[6] else ()) for row in rows]
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("discarding the unreadable cached thread %s: %s", conversation_id, exc)
            self.forget(conversation_id)
            return None

    def last_id(self, conversation_id: int) -> int | None:
        """The newest message this computer has of the conversation (None: none)."""
        row = self._connection().execute(
            "SELECT max(id) FROM message WHERE conversation_id = ?", (conversation_id,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def forget(self, conversation_id: int) -> None:
        """Drop a conversation's copy (unreadable, or gone from the portal)."""
        with writing(self._path):
            self._connection().execute("DELETE FROM message WHERE conversation_id = ?",
                                       (conversation_id,))
