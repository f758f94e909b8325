"""Attachments of messages: PDF, JPEG and PNG, recognised by their first bytes (never by the
name or the declared type), at most `MAX_ATTACHMENT_BYTES`, stored content-addressed in the
blob store (docs/architecture.md, "Blobs")."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobStore
from server.models import MessageAttachment, User
from server.problems import Problem

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: The media types accepted, by their signatures, with the extension of their blob key.
_SIGNATURES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
)
MAX_FILENAME = 200


def sniff(data: bytes) -> tuple[str, str] | None:
    """(media type, extension) of `data`, or None when it is none of the accepted types."""
    return next(((media, ext) for signature, media, ext in _SIGNATURES
                 if data.startswith(signature)), None)


def clean_filename(name: str, extension: str) -> str:
    """The name to show and to save under: no folders, no control characters, not too long,
    and the extension of what the file really is."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base)
                   if unicodedata.category(ch)[0] != "C").strip().strip(".")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem[:MAX_FILENAME - len(extension) - 1] or "bijlage"
    return f"{stem}.{extension}"


async def store_attachment(db: AsyncSession, blobs: BlobStore, user: User, filename: str,
                           data: bytes, now: datetime) -> MessageAttachment:
    """Check and keep an uploaded file; it waits, unlinked, for the message that carries it."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise Problem("attachment_too_large", max_bytes=MAX_ATTACHMENT_BYTES,
                      max_megabytes=MAX_ATTACHMENT_BYTES // (1024 * 1024))
    kind = sniff(data)
    if kind is None:
        raise Problem("attachment_type_refused")
    media_type, extension = kind
    sha256 = hashlib.sha256(data).hexdigest()
    # Content-addressed: the same file twice is one blob, and a key is never rewritten.
    info = await blobs.put(f"messages/{sha256[:2]}/{sha256}.{extension}", data)
    attachment = MessageAttachment(
        uploaded_by=user.id, filename=clean_filename(filename, extension),
        media_type=media_type, size=info.size, sha256=info.sha256, blob_key=info.key,
        uploaded_at=now)
    db.add(attachment)
    await db.flush()
    return attachment
