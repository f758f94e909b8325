"""A fake MessagesService for the views: an inbox and threads the test sets, and a record of
what the page asked for (for ``view_fakes.fake_services``)."""

from __future__ import annotations

from pathlib import Path

from recording_fakes import signals_of

from desktop.api.messages.records import Conversation, Inbox, Message, MessageDraft
from desktop.services.messages.service import MessagesService, NotQueued, QueuedMessage

__all__ = ["FakeMessages"]


class FakeMessages(signals_of(MessagesService)):
    def __init__(self, inbox: Inbox | None = None) -> None:
        super().__init__()
        self.inbox = inbox
        self.threads: dict[int, list[Message]] = {}
        self.waiting: list[QueuedMessage] = []
        self.drafts: dict[str, str] = {}
        self.calls: list[tuple] = []
        self.refuse: str | None = None  # send() raises NotQueued with this
        self.opened: int | None = None
        self.on_screen = False

    @property
    def unread(self) -> int:
        return 0 if self.inbox is None else self.inbox.unread_messages

    def set_inbox(self, inbox: Inbox) -> None:
        self.inbox = inbox
        self.inboxChanged.emit(inbox)
        self.unreadChanged.emit(inbox.unread_messages)

    def conversation(self, conversation_id: int) -> Conversation | None:
        return next((c for c in (self.inbox.conversations if self.inbox else ())
                     if c.id == conversation_id), None)

    def thread(self, conversation_id: int) -> list[Message] | None:
        return self.threads.get(conversation_id)

    def queued(self, conversation_id: int | None) -> list[QueuedMessage]:
        return [q for q in self.waiting if q.draft.conversation_id == conversation_id]

    def refresh(self) -> None:
        self.calls.append(("refresh",))

    def load_older(self, conversation_id: int) -> bool:
        return False  # the fake's threads are whole

    def open(self, conversation_id: int | None) -> None:
        self.calls.append(("open", conversation_id))
        self.opened = conversation_id

    def set_thread_on_screen(self, on_screen: bool) -> None:
        self.calls.append(("on_screen", on_screen))
        self.on_screen = on_screen

    def send(self, draft: MessageDraft, files: list[Path]) -> int:
        if self.refuse is not None:
            raise NotQueued(self.refuse)
        self.calls.append(("send", draft, files))
        return len(self.calls)

    def draft(self, key: str) -> str:
        return self.drafts.get(key, "")

    def keep_draft(self, key: str, text: str) -> str | None:
        self.drafts[key] = text
        return None

    def discard(self, outbox_id: int) -> None:
        self.calls.append(("discard", outbox_id))

    def close_conversation(self, conversation_id: int) -> None:
        self.calls.append(("close", conversation_id))

    def fetch_attachment(self, attachment) -> None:  # noqa: ANN001
        self.calls.append(("fetch", attachment))

    def save_attachment(self, source: Path, target: Path) -> str | None:
        self.calls.append(("save", source, target))
        return None
