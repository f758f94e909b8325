"""Reading the reset mails a demo server wrote to its mail folder (`MailFolderMailer`), for the
server, desktop and end-to-end tests that go through the real reset flow."""

from __future__ import annotations

import email.policy
import re
import time
from email import message_from_bytes
from pathlib import Path

_CODE_RE = re.compile(r"code in de app in: ([A-Z0-9]{4}-[A-Z0-9]{4})")
_LINK_RE = re.compile(r"(https?://\S+/reset/[A-Za-z0-9_\-]+)")


def _latest_text_to(folder: Path, email_address: str, wait: float) -> str:
    wanted = email_address.strip().lower()
    # The server may send mail just after answering the request, so a caller that reads the
    # folder right after its request may briefly have to wait for the file.
    deadline = time.monotonic() + wait
    while True:
        for path in sorted(folder.glob("*.eml"), reverse=True):
            message = message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if str(message["To"]).strip().lower() == wanted:
                body = message.get_body(preferencelist=("plain",))
                if body is not None:
                    return body.get_content()
        if time.monotonic() >= deadline:
            raise LookupError(f"no mail to {email_address} in {folder}")
        time.sleep(0.02)


def _newest(folder: Path, email_address: str, pattern: re.Pattern[str], what: str,
            wait: float) -> str:
    match = pattern.search(_latest_text_to(folder, email_address, wait))
    if match is None:
        raise LookupError(f"the newest mail to {email_address} has no reset {what}")
    return match.group(1)


def read_reset_code(folder: Path, email_address: str, *, wait: float = 5.0) -> str:
    """The code of the newest reset mail to `email_address` in a mail folder, waiting up to
    `wait` seconds for a first one to arrive."""
    return _newest(folder, email_address, _CODE_RE, "code", wait)


def read_reset_link(folder: Path, email_address: str, *, wait: float = 5.0) -> str:
    """The link of the newest reset mail to `email_address` in a mail folder, waiting up to
    `wait` seconds for a first one to arrive."""
    return _newest(folder, email_address, _LINK_RE, "link", wait)
