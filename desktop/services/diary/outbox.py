"""Parents' diary notes in the outbox: the courier that delivers them (docs/architecture.md,
"Queued writes"). A note is queued with its idempotency key fixed at that moment and sent
with it — at once, when the portal can be reached again, or after a restart — so it arrives
exactly once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.api.client import PortalClient
from desktop.api.diary.records import DiaryEntry, EntryDraft
from desktop.cache.outbox import LostWrite

__all__ = ["DIARY_ENTRY", "DiaryCourier"]

#: The outbox kind of a diary entry.
DIARY_ENTRY = "diary_entry"


class DiaryCourier:
    """Sends a queued entry with ``POST /diary/entries`` and names lost ones by day."""

    kind = DIARY_ENTRY

    async def send(self, client: PortalClient, payload: dict[str, Any],
                   key: str) -> list[DiaryEntry]:
        return await client.diary.write(EntryDraft.from_json(payload), key)

    def describe_lost(self, lost: Sequence[LostWrite]) -> str:
        days = []
        for write in lost:
            try:
                day = EntryDraft.from_json(write.payload or {}).day
                days.append(QLocale().toString(QDate(day.year, day.month, day.day),
                                               "dddd d MMMM yyyy"))
            except (KeyError, TypeError, ValueError):
                days.append(QCoreApplication.translate("DiaryCourier", "an unknown day"))
        return QCoreApplication.translate(
            "DiaryCourier",
            "These diary notes were waiting on this computer but could not be read back from "
            "its disk, so they were not sent: {days}. Please write them again.").format(
                days="; ".join(days))
