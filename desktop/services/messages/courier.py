"""Messages in the outbox: the courier that delivers them (docs/architecture.md, "Queued
writes").

A message — a reply, or the first message of a new conversation — goes into the account's
outbox first with an idempotency key fixed at that moment, its files copied into the account's
blob store. Delivery uploads each file under a key derived from the message's (so a retry
after a lost answer gets the same attachment back, not a second one) and then posts the
message under its own key: sent exactly once, also across restarts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from desktop.api.client import PortalClient
from desktop.api.core.errors import RuleViolation
from desktop.api.messages.records import MessageDraft, Posted
from desktop.cache.blobs import BlobStore
from desktop.cache.outbox import LostWrite
from desktop.services.session.service import SessionService

__all__ = ["MESSAGE", "MessageCourier"]

#: The outbox kind of a message.
MESSAGE = "message"


class MessageCourier:
    """Sends a queued message with its attachments and names lost ones by subject and time."""

    kind = MESSAGE

    def __init__(self, session: SessionService) -> None:
        self._session = session

    async def send(self, client: PortalClient, payload: dict[str, Any], key: str) -> Posted:
        draft = MessageDraft.from_json(payload)
        blobs = self._blobs()
        attachment_ids = []
        for n, file in enumerate(draft.files):
            path = blobs.verified(file.blob_name, file.sha256) if blobs is not None else None
            if path is None:
                # The disk lost the copy: the parent decides (add it again, or send without).
                raise RuleViolation(422, "attachment_missing", QCoreApplication.translate(
                    "MessageCourier", "The attachment {name} could not be read back from this "
                    "computer's disk. Remove the message and write it again.").format(
                        name=file.filename))
            uploaded = await client.messages.upload(file.filename, path.read_bytes(),
                                                    f"{key}-file-{n}")
            attachment_ids.append(uploaded.id)
        posted = await client.messages.send(draft, attachment_ids, key)
        if blobs is not None:
            for file in draft.files:
                blobs.delete(file.blob_name)  # sent: the server keeps it now
        return posted

    def describe_lost(self, lost: Sequence[LostWrite]) -> str:
        moments = "; ".join(self._describe(w) for w in lost)
        return QCoreApplication.translate(
            "MessageCourier",
            "These messages were waiting on this computer but could not be read back from its "
            "disk, so they were not sent: {messages}. Please write them again.").format(
                messages=moments)

    def _describe(self, write: LostWrite) -> str:
        if write.created_at is not None:
            moment = QDateTime.fromSecsSinceEpoch(int(write.created_at.timestamp()))
            return QCoreApplication.translate(
                "MessageCourier", "a message written on {moment}").format(
                    moment=QLocale().toString(moment, "d MMMM yyyy HH:mm"))
        return QCoreApplication.translate("MessageCourier", "a message of unknown date")

    def _blobs(self) -> BlobStore | None:
        cache = self._session.cache
        return None if cache is None else cache.blobs
