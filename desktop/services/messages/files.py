"""What the parent attaches to a message, checked before it is queued the way the portal
will check it (docs/api.md, "Messages": PDF, JPEG or PNG by their first bytes, at most
10 MB), then kept as a private copy in the account's blob store until it is sent (the
original may move meanwhile)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.api.messages.records import OutgoingFile
from desktop.cache.blobs import BlobStore

__all__ = ["MAX_ATTACHMENT_BYTES", "NotQueued", "keep_outgoing"]

#: The portal's cap per attachment (docs/api.md, "Messages"): checked before queueing.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: What the portal takes, by the first bytes of a file.
_SIGNATURES = (b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class NotQueued(Exception):
    """A message could not be put in the outbox; ``message`` says why, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def keep_outgoing(blobs: BlobStore, path: Path) -> OutgoingFile:
    """Check the file and keep its copy; :class:`NotQueued` says why it cannot be sent."""
    data = _read(path)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise NotQueued(QCoreApplication.translate(
            "MessagesService", "{name} is too large: an attachment may be at most 10 MB."
        ).format(name=path.name))
    if not data.startswith(_SIGNATURES):
        raise NotQueued(QCoreApplication.translate(
            "MessagesService", "{name} cannot be attached: only PDF files and pictures "
            "(JPEG or PNG) can.").format(name=path.name))
    sha256 = hashlib.sha256(data).hexdigest()
    name = f"outgoing-{sha256}"
    blobs.write(name, [data], sha256)
    return OutgoingFile(name, sha256, len(data), path.name)

def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise NotQueued(QCoreApplication.translate(
            "MessagesService", "{name} could not be read: {reason}").format(
                name=path.name, reason=error.strerror or str(error))) from error
