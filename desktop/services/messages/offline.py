"""Every conversation readable offline: after each sync of the inbox, what is new in each
thread is brought into the account's cache (:mod:`desktop.cache.threads`) — only the
messages ``after`` the newest one kept, the whole thread the first time. A thread read back
from the cache comes in steps of :data:`FROM_CACHE`, newest first: a conversation of
thousands of messages opens as fast as a short one."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.api.messages.records import Conversation, Message
from desktop.cache.store import AccountCache
from desktop.services.session.service import SessionService

__all__ = ["FROM_CACHE", "bring_threads_in", "from_cache", "older_from_cache"]

#: How many of a thread's messages are read from the cache at once.
FROM_CACHE = 400

Threads = dict[int, list[Message]]  # the service's threads in memory, by conversation


def from_cache(cache: AccountCache | None, threads: Threads,
               conversation_id: int) -> list[Message] | None:
    """The thread in memory, else its newest messages from the cache (kept in memory)."""
    known = threads.get(conversation_id)
    if known is None and cache is not None:
        known = cache.threads.messages(conversation_id, limit=FROM_CACHE)
        if known is not None:
            threads[conversation_id] = known
    return known


def older_from_cache(cache: AccountCache | None, threads: Threads,
                     conversation_id: int) -> bool:
    """Put the cache's next older messages in front of the thread in memory; False when
    there are none."""
    known = threads.get(conversation_id)
    if not known or cache is None:
        return False
    older = cache.threads.messages(conversation_id, before=known[0].id, limit=FROM_CACHE)
    if not older:
        return False
    threads[conversation_id] = older + known
    return True


async def bring_threads_in(session: SessionService, conversations: Sequence[Conversation],
                           threads: Threads, *, skip: int | None) -> None:
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
