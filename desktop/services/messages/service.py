"""Messages with the group: the inbox and its unread counts, the threads, sending through the
outbox (offline, exactly once), read markers, closing, and attachments.

The inbox is fetched when the session starts and then again every ``poll_ms`` (a minute) while
logged in, so a reply shows up without the parent asking for it. A thread is fetched whole the
first time and then incrementally (``after`` its last message). What the parent
writes goes into the account's outbox first (:mod:`desktop.services.messages.courier`):
until the portal has it, the thread shows it as "being sent".

Offline and before the first sync everything comes from the account's cache
(:mod:`desktop.cache.threads`): the inbox at login, a thread as soon as it is opened. Each
sync of the inbox also brings every thread whose newest message this computer does not have
into the cache (the open one first), so what was not opened before reads offline too.

One piece although past 400 lines: the inbox, the threads and their read state move together —
a sync, a delivered message and a read mark each change all three and the unread totals —
while the outbox courier, the offline cache and the files have their modules already.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.core.errors import PortalError, SessionExpired
from desktop.api.messages.records import (
    Attachment,
    Conversation,
    Inbox,
    Message,
    MessageDraft,
    Posted,
)
from desktop.cache.disk import DiskProblem
from desktop.cache.drafts import Drafts
from desktop.services.messages.courier import MESSAGE, MessageCourier
from desktop.services.messages.files import MAX_ATTACHMENT_BYTES, NotQueued, keep_outgoing
from desktop.services.messages.offline import bring_threads_in, from_cache, older_from_cache
from desktop.services.session.service import SessionService
from desktop.services.shared.blob_downloads import BlobDownloads, download_blob
from desktop.services.shared.errors import user_message
from desktop.services.shared.files import copy_atomically
from desktop.services.shared.outbox import OutboxDelivery
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["MAX_ATTACHMENT_BYTES", "POLL_MS", "MessagesService", "NotQueued", "QueuedMessage",
           "draft_key"]

log = logging.getLogger(__name__)

#: The live events after which the inbox (and the open thread) is synced.
LIVE_KINDS = frozenset({"message", "conversation_read", "conversation_closed", "resync"})
#: How often the inbox is fetched again while logged in.
POLL_MS = 60 * 1000


def draft_key(conversation_id: int | None) -> str:
    """The key of a conversation's draft (None: the new conversation being written)."""
    return "new" if conversation_id is None else f"conversation-{conversation_id}"


@dataclass(frozen=True)
class QueuedMessage:
    """A message still in the outbox: shown in its thread as "being sent", or with the
    portal's ``refusal``."""

    outbox_id: int
    draft: MessageDraft
    refusal: str | None


class MessagesService(QObject):
    """Signals: ``inboxChanged(Inbox)``; ``unreadChanged(int)`` (messages unread in total);
    ``threadChanged(conversation_id, list[Message])``; ``queuedChanged()`` when what waits in
    the outbox changed; ``sent(outbox_id, Posted)``; ``problem(message)`` /
    ``problemSolved()`` for a failed fetch; ``attachmentReady(attachment_id, path)`` /
    ``attachmentFailed(message)``; ``replyArrived(Conversation)`` when a conversation has
    unread messages it did not have at the previous fetch (the notifications follow it)."""

    inboxChanged = Signal(object)
    unreadChanged = Signal(int)
    threadChanged = Signal(int, list)
    queuedChanged = Signal()
    sent = Signal(int, object)
    problem = Signal(str)
    problemSolved = Signal()
    attachmentReady = Signal(int, str)
    attachmentFailed = Signal(str)
    replyArrived = Signal(object)

    def __init__(self, session: SessionService, outbox: OutboxDelivery, *,
                 poll_ms: int = POLL_MS, on_crash: CrashHandler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._outbox = outbox
        self._tasks = TaskRunner(on_crash)
        self._downloads = BlobDownloads()
        self._inbox: Inbox | None = None
        self._threads: dict[int, list[Message]] = {}
        self._open: int | None = None
        # The open thread is in front of the user (the page says so): only then is it read.
        self._on_screen = False
        self._synced = False  # the inbox was fetched in this session (not only the cache's)
        self._failing = False
        self._draft_store: Drafts | None = None
        self._draft_folder: Path | None = None
        outbox.register(MessageCourier(session))
        outbox.queued.connect(self._outbox_changed)
        outbox.refused.connect(self._outbox_changed)
        outbox.delivered.connect(self._delivered)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        session.loggedIn.connect(self._logged_in)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    # --- what the views read ------------------------------------------------------------------

    @property
    def inbox(self) -> Inbox | None:
        return self._inbox

    def set_poll_interval(self, ms: int) -> None:
        """How often the inbox is fetched again (tests and the benchmark shorten it)."""
        self._timer.setInterval(ms)

    @property
    def opened(self) -> int | None:
        """The conversation the page has open (``open``), None when none is."""
        return self._open

    @property
    def syncing(self) -> bool:
        """An inbox sync (with the open thread's) is under way; tests wait for its end."""
        return self._tasks.running("inbox")

    @property
    def unread(self) -> int:
        return 0 if self._inbox is None else self._inbox.unread_messages

    def thread(self, conversation_id: int) -> list[Message] | None:
        messages = self._threads.get(conversation_id)
        return None if messages is None else list(messages)

    def conversation(self, conversation_id: int) -> Conversation | None:
        if self._inbox is None:
            return None
        return next((c for c in self._inbox.conversations if c.id == conversation_id), None)

    def queued(self, conversation_id: int | None) -> list[QueuedMessage]:
        """What waits in the outbox for this conversation (None: new conversations), oldest
        first, refused ones included."""
        writes = self._outbox.pending(MESSAGE) + self._outbox.refused_writes(MESSAGE)
        found = []
        for write in sorted(writes, key=lambda w: w.id):
            draft = MessageDraft.from_json(write.payload)
            if draft.conversation_id == conversation_id:
                found.append(QueuedMessage(write.id, draft, write.refusal))
        return found

    # --- actions ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._session.account is not None:
            self._tasks.run("inbox", self._refresh(), self._failed)

    def live_event(self, kind: str, _data: dict) -> None:
        """An event of the portal's stream (:class:`desktop.services.live.LiveUpdates`)."""
        if kind in LIVE_KINDS:
            self.refresh()

    def open(self, conversation_id: int | None) -> None:
        """Show this conversation — at once from the cache when this computer has it — then
        fetch what is new in it, and mark it read while it is on screen
        (:meth:`set_thread_on_screen`)."""
        self._open = conversation_id
        if conversation_id is not None and self._session.account is not None:
            if conversation_id not in self._threads and (
                    cached := self._cached_thread(conversation_id)) is not None:
                self.threadChanged.emit(conversation_id, list(cached))
            self._tasks.run(f"thread-{conversation_id}", self._load_thread(conversation_id),
                            self._failed)

    def set_thread_on_screen(self, on_screen: bool) -> None:
        """Whether the open thread is really in front of the user: the window shown, not
        minimised, active and not locked, with Berichten on screen (the page tells). An open
        conversation is marked read only then; coming back to it marks what arrived meanwhile,
        and the other side's read marker and the unread counts follow."""
        came_back = on_screen and not self._on_screen
        self._on_screen = on_screen
        conversation_id = self._open
        if not came_back or conversation_id is None or self._session.account is None:
            return
        thread = self._threads.get(conversation_id)
        conversation = self.conversation(conversation_id)
        if thread and conversation is not None and conversation.unread > 0 \
                and not self._tasks.running(f"thread-{conversation_id}"):
            self._tasks.run(f"read-{conversation_id}",
                            self._mark_read(conversation_id, thread[-1].id), self._failed)

    def send(self, draft: MessageDraft, files: list[Path]) -> int:
        """Queue the message (on disk, files copied) and send it; returns its outbox id.
        Raises :class:`NotQueued` — a file the portal would refuse, or a disk that refused —
        and then nothing was queued: the text stays where it was."""
        try:
            cache = self._session.cache
            if cache is None:
                raise RuntimeError("no account is logged in")
            outgoing = tuple(keep_outgoing(cache.blobs, path) for path in files)
            write_id = self._outbox.enqueue(MESSAGE, MessageDraft(
                draft.body, draft.conversation_id, draft.child_id, draft.group_id,
                draft.subject, outgoing).to_json())
        except DiskProblem as problem:
            raise NotQueued(user_message(problem)) from problem
        self.queuedChanged.emit()
        return write_id

    def draft(self, key: str) -> str:
        """What was typed and not sent in conversation ``key`` (``draft_key``)."""
        drafts = self._drafts()
        return "" if drafts is None else drafts.get(key)

    def keep_draft(self, key: str, text: str) -> str | None:
        """Keep what was typed; a translated message when the disk refused."""
        drafts = self._drafts()
        if drafts is None:
            return None
        try:
            drafts.put(key, text)
        except DiskProblem as problem:
            return user_message(problem)
        return None

    def discard(self, outbox_id: int) -> None:
        """Remove a refused message from the outbox (the parent has seen why)."""
        self._outbox.dismiss(outbox_id)
        self.queuedChanged.emit()

    def close_conversation(self, conversation_id: int) -> None:
        self._tasks.run(f"close-{conversation_id}", self._close(conversation_id), self._failed)

    def fetch_attachment(self, attachment: Attachment) -> None:
        """Download (once) and verify the file; ``attachmentReady`` gives its local path."""
        self._tasks.run(f"attachment-{attachment.id}", self._fetch(attachment),
                        self._attachment_failed)

    def save_attachment(self, source: Path, target: Path) -> str | None:
        """Copy a downloaded file to where the user chose; a message when the disk refused."""
        return copy_atomically(source, target)

    async def aclose(self) -> None:
        self._timer.stop()
        await self._tasks.drain()
        await self._downloads.aclose()

    # --- internals ----------------------------------------------------------------------------

    def _drafts(self) -> Drafts | None:
        cache = self._session.cache
        if cache is None:
            return None
        if self._draft_store is None or self._draft_folder != cache.directory:
            self._draft_store, self._draft_folder = Drafts(cache.directory), cache.directory
        return self._draft_store

    async def _refresh(self) -> None:
        inbox = await self._session.request(lambda client: client.messages.inbox())
        # What this session saw before (not the cache's copy: that is no news of today).
        before = {c.id: c.unread for c in self._inbox.conversations} \
            if self._inbox is not None and self._synced else None
        self._inbox = inbox
        self._synced = True
        self.inboxChanged.emit(inbox)
        self.unreadChanged.emit(inbox.unread_messages)
        self._solved()
        if before is not None:
            for conversation in inbox.conversations:
                if conversation.unread > before.get(conversation.id, 0):
                    self.replyArrived.emit(conversation)
        self._keep_inbox()
        if self._open is not None:
            await self._load_thread(self._open)
        # A task of its own: the next refresh (an event a second later) must not cancel a
        # long first sync; one that is running catches up at the refresh after it.
        if not self._tasks.running("threads"):
            self._tasks.run("threads", bring_threads_in(
                self._session, inbox.conversations, self._threads, skip=self._open),
                self._failed)

    def _cached_thread(self, conversation_id: int) -> list[Message] | None:
        return from_cache(self._session.cache, self._threads, conversation_id)

    def load_older(self, conversation_id: int) -> bool:
        """Read older messages of an open thread from the cache (the reader scrolled up and
        asks for them: no signal follows); False when it has none older."""
        return older_from_cache(self._session.cache, self._threads, conversation_id)

    async def _load_thread(self, conversation_id: int) -> None:
        known = self._cached_thread(conversation_id)
        after = known[-1].id if known else None
        cache = self._session.cache
        new = await self._session.request(
            lambda client: client.messages.messages(conversation_id, after))
        thread = (known or []) + new if after is not None else new
        self._threads[conversation_id] = thread
        if cache is not None and cache is self._session.cache and new:
            cache.threads.add_messages(conversation_id, new)
        self.threadChanged.emit(conversation_id, list(thread))
        self._solved()
        conversation = self.conversation(conversation_id)
        if thread and self._open == conversation_id and self._on_screen and (
                conversation is None or conversation.unread > 0):
            await self._mark_read(conversation_id, thread[-1].id)

    async def _mark_read(self, conversation_id: int, last_id: int) -> None:
        updated = await self._session.request(
            lambda client: client.messages.mark_read(conversation_id, last_id))
        self._replace(updated)

    async def _close(self, conversation_id: int) -> None:
        updated = await self._session.request(
            lambda client: client.messages.close(conversation_id))
        self._replace(updated)

    def _replace(self, updated: Conversation) -> None:
        """One conversation changed: the inbox with it, the totals counted again."""
        if self._inbox is None:
            return
        old = self.conversation(updated.id)
        rows = tuple(updated if c.id == updated.id else c for c in self._inbox.conversations)
        if old is None:
            rows = (updated, *rows)
        unread = self._inbox.unread_messages - (old.unread if old else 0) + updated.unread
        conversations = sum(1 for c in rows if c.unread > 0)
        self._inbox = Inbox(rows, unread, conversations)
        self.inboxChanged.emit(self._inbox)
        self.unreadChanged.emit(unread)
        self._keep_inbox()

    def _keep_inbox(self) -> None:
        """The inbox as it is now, for the next start (a refusing disk is said, not fatal:
        the portal still has it)."""
        cache = self._session.cache
        if cache is None or self._inbox is None:
            return
        try:
            cache.threads.put_inbox(self._inbox)
        except DiskProblem as problem:
            self._failed(problem)

    async def _fetch(self, attachment: Attachment) -> None:
        cache = self._session.cache
        if cache is None:
            return
        blobs, name = cache.blobs, f"attachment-{attachment.sha256}"
        path = await self._downloads.fetch(name, lambda: self._session.request(
            lambda client: download_blob(
                blobs, name, attachment.size, attachment.sha256,
                lambda offset: client.messages.download(attachment, offset))))
        self.attachmentReady.emit(attachment.id, str(path))

    def _delivered(self, kind: str, _outbox_id: int, posted: Posted) -> None:
        if kind != MESSAGE:
            return
        self._replace(posted.conversation)
        thread = self._threads.get(posted.conversation.id)
        if thread is not None and all(m.id != posted.message.id for m in thread):
            thread.append(posted.message)
            self._keep_messages(posted.conversation.id, [posted.message])
            self.threadChanged.emit(posted.conversation.id, list(thread))
        self.sent.emit(_outbox_id, posted)
        self.queuedChanged.emit()
        if self._inbox is not None and self.conversation(posted.conversation.id) is None:
            self.refresh()

    def _keep_messages(self, conversation_id: int, messages: list[Message]) -> None:
        cache = self._session.cache
        if cache is None:
            return
        try:
            cache.threads.add_messages(conversation_id, messages)
        except DiskProblem as problem:
            self._failed(problem)

    def _outbox_changed(self, kind: str, *_args: object) -> None:
        if kind == MESSAGE:
            self.queuedChanged.emit()

    def _failed(self, error: PortalError | DiskProblem) -> None:
        if self._session.account is None or isinstance(error, SessionExpired):
            return
        self._failing = True
        self.problem.emit(user_message(error))

    def _attachment_failed(self, error: PortalError | DiskProblem) -> None:
        if self._session.account is not None and not isinstance(error, SessionExpired):
            self.attachmentFailed.emit(user_message(error))

    def _solved(self) -> None:
        if self._failing:
            self._failing = False
            self.problemSolved.emit()

    def _logged_in(self, _account: object) -> None:
        self._synced = False
        cache = self._session.cache
        cached = cache.threads.inbox() if cache is not None else None
        if cached is not None:  # shown at once, and while the portal cannot be reached
            self._inbox = cached
            self.inboxChanged.emit(cached)
            self.unreadChanged.emit(cached.unread_messages)
        self.refresh()
        self._timer.start()

    def _logged_out(self, *_args: object) -> None:
        self._timer.stop()
        self._tasks.cancel_all()
        self._downloads.cancel_all()
        self._inbox = None
        self._threads.clear()
        self._open = None
        self._on_screen = False
        self._synced = False
        self._failing = False
        self._draft_store = None
        self.unreadChanged.emit(0)

