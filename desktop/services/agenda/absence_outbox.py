"""Absence reports in the outbox: the courier that delivers them (docs/architecture.md,
"Queued writes").

Every report goes into the account's outbox first (:mod:`desktop.cache.outbox`, on disk twice)
with an idempotency key fixed at that moment, and :class:`desktop.services.shared.outbox.
OutboxDelivery` sends it — at once, or when the portal can be reached again, also after a
restart of the app — always with that key, so a report whose answer was lost is not stored
twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from desktop.api.absences.records import Absence, AbsenceDraft, QueuedAbsence
from desktop.api.client import PortalClient
from desktop.cache.outbox import LostWrite, QueuedWrite
from desktop.services.session.service import SessionService

__all__ = ["ABSENCE", "AbsenceCourier", "queued_absence"]

#: The outbox kind of an absence report.
ABSENCE = "absence"


class AbsenceCourier:
    """Sends a queued report with ``POST /absences`` and names lost ones by day and child."""

    kind = ABSENCE

    def __init__(self, session: SessionService) -> None:
        self._session = session

    async def send(self, client: PortalClient, payload: dict[str, Any],
                   key: str) -> list[Absence]:
        return await client.absences.report(AbsenceDraft.from_json(payload), key)

    def describe_lost(self, lost: Sequence[LostWrite]) -> str:
        reports = "; ".join(self._describe(w) for w in lost)
        return QCoreApplication.translate(
            "AbsenceCourier",
            "These absence reports were waiting on this computer but could not be read back "
            "from its disk, so they were not sent: {reports}. Please report them again.").format(
                reports=reports)

    def _describe(self, write: LostWrite) -> str:
        try:
            draft = AbsenceDraft.from_json(write.payload or {})
        except (KeyError, TypeError, ValueError):
            draft = None
        if draft is not None:
            children = " & ".join(self._child_names().get(c, "?") for c in draft.child_ids)
            if draft.first_date == draft.last_date:
                return QCoreApplication.translate("AbsenceCourier", "{children} on {day}").format(
                    children=children, day=_day(draft.first_date))
            return QCoreApplication.translate(
                "AbsenceCourier", "{children} from {first} to {last}").format(
                    children=children, first=_day(draft.first_date), last=_day(draft.last_date))
        if write.created_at is not None:
            moment = QDateTime.fromSecsSinceEpoch(int(write.created_at.timestamp()))
            return QCoreApplication.translate(
                "AbsenceCourier", "a report made on {moment}").format(
                    moment=QLocale().toString(moment, "d MMMM yyyy HH:mm"))
        return QCoreApplication.translate("AbsenceCourier", "a report of unknown date")

    def _child_names(self) -> dict[int, str]:
        cache = self._session.cache
        profile = cache.profile() if cache is not None else None
        return {} if profile is None else {c.id: c.first_name for c in profile.children}


def queued_absence(write: QueuedWrite) -> QueuedAbsence:
    return QueuedAbsence(write.id, AbsenceDraft.from_json(write.payload), write.created_at,
                         write.refusal)


def _day(day: date) -> str:
    # As the agenda writes a day ("maandag 4 maart 2026"; models.shared.formatting).
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
