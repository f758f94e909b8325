"""Files the user attaches (to a message or a news item), read and checked the way the portal
will check them (docs/api.md, "Messages" and "News": PDF, JPEG or PNG by their first bytes,
at most 10 MB), so a refusal is said before anything is sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

__all__ = ["MAX_ATTACHMENT_BYTES", "FileRefused", "read_attachment", "read_file"]

# The portal's cap per attachment (docs/api.md, "Messages").
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# What the portal takes, by the first bytes of a file.
_SIGNATURES = (b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class FileRefused(Exception):
    """A file that cannot go along; ``message`` says why, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_attachment(path: Path) -> bytes:
    """The file's bytes, or :class:`FileRefused`: unreadable, too large, or not a PDF or a
    picture."""
    data = read_file(path)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise FileRefused(QCoreApplication.translate(
            "Attachments", "{name} is too large: an attachment may be at most 10 MB."
        ).format(name=path.name))
    if not data.startswith(_SIGNATURES):
        raise FileRefused(QCoreApplication.translate(
            "Attachments", "{name} cannot be attached: only PDF files and pictures "
            "(JPEG or PNG) can.").format(name=path.name))
    return data


def read_file(path: Path) -> bytes:
    """The file's bytes, or :class:`FileRefused` saying why it could not be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise FileRefused(QCoreApplication.translate(
            "Attachments", "{name} could not be read: {reason}").format(
                name=path.name, reason=error.strerror or str(error))) from error
