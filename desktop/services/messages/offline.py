"""Every conversation readable offline: after each sync of the inbox, what is new in each
thread is brought into the account's cache (:mod:`desktop.cache.threads`) — only the
messages ``after`` the newest one kept, the whole thread the first time."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.api.messages.records import Conversation, Message
from desktop.services.session.service import SessionService

__all__ = ["bring_threads_in"]


async def bring_threads_in(session: SessionService, conversations: Sequence[Conversation],
                           threads: dict[int, list[Message]], *, skip: int | None) -> None:
    """Sync each conversation but ``skip`` (the open one, synced already) into the cache;
    a thread held in ``threads`` (the service's memory) grows with it."""
    for conversation in conversations:
        cache = session.cache
        if cache is None or conversation.id == skip:
            continue
        last = cache.threads.last_id(conversation.id)
        if last is not None and last >= conversation.last_message_id:
            continue
        new = await session.request(
            lambda client, c=conversation.id, a=last: client.messages.messages(c, a))
        if cache is not session.cache:
            return  # another account by now
        cache.threads.add_messages(conversation.id, new)
        known = threads.get(conversation.id)
        if known is not None and last is not None:
            threads[conversation.id] = known + [m for m in new if m.id > known[-1].id]
