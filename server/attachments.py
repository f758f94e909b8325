"""Files attached to messages and news: PDF, JPEG and PNG, recognised by their first bytes
(never by the name or the declared type), at most `MAX_ATTACHMENT_BYTES`, stored
content-addressed in the blob store (docs/api.md, "Messages" and "News")."""

from __future__ import annotations

import hashlib
import unicodedata

from pydantic import BaseModel

from server.blobs import BlobInfo, BlobStore
from server.problems import Problem

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: The media types accepted, by their signatures, with the extension of their blob key.
_SIGNATURES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
)
MAX_FILENAME = 200


class AttachmentOut(BaseModel):
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    url: str


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


def too_large() -> Problem:
    return Problem("attachment_too_large", max_bytes=MAX_ATTACHMENT_BYTES,
                   max_megabytes=MAX_ATTACHMENT_BYTES // (1024 * 1024))


async def keep_file(blobs: BlobStore, folder: str, data: bytes) -> tuple[BlobInfo, str]:
    """Check an uploaded attachment and put it in the blob store under `folder`: its blob and
    media type, or `attachment_too_large` / `attachment_type_refused`."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise too_large()
    kind = sniff(data)
    if kind is None:
        raise Problem("attachment_type_refused")
    media_type, extension = kind
    return await keep_blob(blobs, folder, data, extension), media_type


async def keep_blob(blobs: BlobStore, folder: str, data: bytes, extension: str) -> BlobInfo:
    # Content-addressed: the same file twice is one blob, and a key is never rewritten.
    sha256 = hashlib.sha256(data).hexdigest()
    return await blobs.put(f"{folder}/{sha256[:2]}/{sha256}.{extension}", data)
