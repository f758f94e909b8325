"""Attachments of messages (docs/api.md, "Messages"): checked and stored by
`server.attachments`, then waiting, unlinked, for the message that carries them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.attachments import clean_filename, keep_file
from server.blobs import BlobStore
from server.models import MessageAttachment, User


async def store_attachment(db: AsyncSession, blobs: BlobStore, user: User, filename: str,
                           data: bytes, now: datetime) -> MessageAttachment:
    """Check and keep an uploaded file; it waits, unlinked, for the message that carries it."""
    info, media_type = await keep_file(blobs, "messages", data)
    attachment = MessageAttachment(
        uploaded_by=user.id, filename=clean_filename(filename, info.key.rsplit(".", 1)[1]),
        media_type=media_type, size=info.size, sha256=info.sha256, blob_key=info.key,
        uploaded_at=now)
    db.add(attachment)
    await db.flush()
    return attachment
