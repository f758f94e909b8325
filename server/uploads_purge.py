"""The purge step for uploads no message or news item ever carried (`ouderportaal-server
purge`, server.purge): an attachment or picture uploaded and then not sent — the composer
closed, the item not published — is removed a week after its upload, with its blob unless
another upload of the same bytes still names it (blobs are content-addressed). The week leaves
room for an outbox that uploaded before it went offline (docs/api.md, "Messages")."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobStore
from server.config import AMSTERDAM
from server.models import MessageAttachment, NewsFile

__all__ = ["UNSENT_KEPT", "purge_unsent_uploads"]

log = logging.getLogger("server.purge")

#: How long an upload waits for the message or news item that carries it.
UNSENT_KEPT = timedelta(days=7)


async def purge_unsent_uploads(db: AsyncSession, blobs: BlobStore, today: date
                               ) -> dict[str, int]:
    """One purge; the counts of what went (for the log, never whose)."""
    before = datetime.combine(today, time(0), tzinfo=AMSTERDAM) - UNSENT_KEPT
    counts = {"attachments": 0, "news_files": 0, "blobs": 0}
    for table, link, name in ((MessageAttachment, MessageAttachment.message_id, "attachments"),
                              (NewsFile, NewsFile.news_id, "news_files")):
        stale = (await db.execute(select(table.id, table.blob_key).where(
            link.is_(None), table.uploaded_at < before))).all()
        if not stale:
            continue
        await db.execute(delete(table).where(table.id.in_([row.id for row in stale])))
        keys = {row.blob_key for row in stale}
        kept = set((await db.scalars(select(table.blob_key).where(
            table.blob_key.in_(keys)).distinct())).all())
        await db.commit()
        for key in keys - kept:
            await blobs.delete(key)
        counts[name], counts["blobs"] = len(stale), counts["blobs"] + len(keys - kept)
    log.info("purge unsent uploads: %s", counts)
    return counts
