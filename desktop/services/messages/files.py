"""What the parent attaches to a message, checked before it is queued the way the portal
will check it (:mod:`desktop.services.shared.attachments`), then kept as a private copy in
the account's blob store until it is sent (the original may move meanwhile)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.api.messages.records import OutgoingFile
from desktop.cache.blobs import BlobStore
from desktop.services.shared.attachments import MAX_ATTACHMENT_BYTES, FileRefused, read_attachment

__all__ = ["MAX_ATTACHMENT_BYTES", "NotQueued", "keep_outgoing"]


class NotQueued(Exception):
    """A message could not be put in the outbox; ``message`` says why, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def keep_outgoing(blobs: BlobStore, path: Path) -> OutgoingFile:
    """Check the file and keep its copy; :class:`NotQueued` says why it cannot be sent."""
    try:
        data = read_attachment(path)
    except FileRefused as refused:
        raise NotQueued(refused.message) from refused
    sha256 = hashlib.sha256(data).hexdigest()
    name = f"outgoing-{sha256}"
    blobs.write(name, [data], sha256)
    return OutgoingFile(name, sha256, len(data), path.name)
