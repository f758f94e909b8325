"""The Dagboek (parents): each child's diary day by day, newest first, older days fetched
page by page as the parent scrolls, kept up to date with the changes since the last revision,
and the parents' own notes written through the outbox (docs/api.md, "Group day and diary").
What was read is kept in the account's cache, so the Dagboek opens from disk, also offline.

``diary_changed(child_id)`` is the one entry point for news of a change (a sync now): the
page calls it when shown, and the portal's ``diary`` event (:meth:`DiaryService.live_event`)
calls it for the child it names.

What a sync brought is told as ``daysArrived``: the days whose content by others (staff, the
other parent: ``DiaryDay.fingerprint`` leaves the reader's own notes out) changed since the
previous sync of this session — and, before the child's first sync in a session, only the
days a ``diary`` event named (what the cache missed while the app was closed is not news to
notify: the unread markers show it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.api.core.errors import PortalError, SessionExpired
from desktop.api.diary.records import DiaryDay, DiaryEntry, EntryDraft, EntryKind
from desktop.cache.disk import DiskProblem
from desktop.services.diary.outbox import DIARY_ENTRY, DiaryCourier
from desktop.services.live import SYNC_ALL
from desktop.services.session.service import SessionService
from desktop.services.shared.errors import user_message
from desktop.services.shared.outbox import OutboxDelivery
from desktop.services.shared.saved_downloads import save_download
from desktop.services.shared.tasks import CrashHandler, TaskRunner

__all__ = ["DiaryService"]

log = logging.getLogger(__name__)
PAGE_DAYS = 30  # a month of days per page: one screen and a bit


@dataclass
class _Timeline:
    days: list[DiaryDay] = field(default_factory=list)
    revision: int | None = None
    next_cursor: str | None = None
    complete: bool = False
    # How many of `days` the view has been given: the rest follows page by page as it
    # scrolls, so opening two years of diary lays out one page, not all of them.
    shown: int = PAGE_DAYS
    # Older days read from the cache and not read into records yet (wire form, in order).
    unread: list[dict[str, Any]] = field(default_factory=list)

    def read_more(self, count: int) -> None:
        self.days.extend(DiaryDay.from_json(d) for d in self.unread[:count])
        del self.unread[:count]

    def to_json(self) -> dict[str, object]:
        return {"days": [d.to_json() for d in self.days] + self.unread,
                "revision": self.revision, "next_cursor": self.next_cursor,
                "complete": self.complete}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> _Timeline:
        revision, cursor, days = data["revision"], data["next_cursor"], data["days"]
        if not isinstance(revision, int) or not isinstance(cursor, str | None) \
                or not isinstance(days, list):
            raise TypeError("not a cached diary")
        timeline = cls([], revision, cursor, bool(data["complete"]), unread=list(days))
        timeline.read_more(PAGE_DAYS)
        return timeline


class DiaryService(QObject):
    """Signals: ``daysChanged(child_id)`` — the child's days were replaced or updated (read
    them with :meth:`days`); ``olderLoaded(child_id, count)`` — ``count`` older days were added
    at the end; ``loadFailed(child_id, message)``; ``noteQueued(outbox_id)`` (waits for a
    connection), ``noteDelivered(outbox_id)``, ``noteRefused(outbox_id, message)`` and
    ``noteNotSaved(message)`` (the disk refused to keep it: nothing was queued);
    ``pdfSaved(path)`` and ``pdfFailed(message)`` for "Dagboek opslaan als PDF";
    ``entrySaved(entry)`` (edited or deleted, as the portal answered) and
    ``entryRefused(entry_id, message)`` for changing one's own entries;
    ``daysArrived(child_id, days)`` — what one sync brought that others wrote (a list of
    :class:`DiaryDay`, newest first; see the module)."""

    daysChanged = Signal(int)
    olderLoaded = Signal(int, int)
    loadFailed = Signal(int, str)
    noteQueued = Signal(int)
    noteDelivered = Signal(int)
    noteRefused = Signal(int, str)
    noteNotSaved = Signal(str)
    pdfSaved = Signal(str)
    pdfFailed = Signal(str)
    entrySaved = Signal(object)
    entryRefused = Signal(int, str)
    daysArrived = Signal(int, list)

    def __init__(self, session: SessionService, outbox: OutboxDelivery, *,
                 on_crash: CrashHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = TaskRunner(on_crash)
        self._timelines: dict[int, _Timeline] = {}
        self._read: dict[int, dict[str, str]] = {}  # per child: day → fingerprint when read
        self._oldest_read: dict[int, str] = {}
        self._synced: set[int] = set()  # children synced in this session
        self._announced: dict[int, set[date]] = {}  # days events named since the last sync
        self.outbox = outbox
        outbox.register(DiaryCourier())
        outbox.queued.connect(self._queued)
        outbox.delivered.connect(self._delivered)
        outbox.refused.connect(self._refused)
        session.loggedOut.connect(self._logged_out)
        session.sessionExpired.connect(self._logged_out)

    def days(self, child_id: int) -> list[DiaryDay]:
        """The child's days given to the view so far, newest first."""
        timeline = self._timelines.get(child_id)
        return [] if timeline is None else timeline.days[:timeline.shown]

    def has_older(self, child_id: int) -> bool:
        timeline = self._timelines.get(child_id)
        return timeline is not None and (
            timeline.shown < len(timeline.days) or bool(timeline.unread)
            or (not timeline.complete and timeline.next_cursor is not None))

    def loading(self, child_id: int) -> bool:
        return self._tasks.running(f"diary-{child_id}")

    def diary_changed(self, child_id: int) -> None:
        """Bring the child's diary up to date: the first page, or what changed since. Until
        the portal answers (or while it cannot be reached) the copy on disk is shown."""
        if child_id not in self._timelines and self._from_cache(child_id):
            self.daysChanged.emit(child_id)
        self._tasks.run(f"diary-{child_id}", self._sync(child_id),
                        lambda error: self._failed(child_id, error))

    def live_event(self, kind: str, data: dict) -> None:
        """An event of the portal's stream (:class:`desktop.services.live.LiveUpdates`): a
        ``diary`` event syncs the child it names; after a reconnection every child synced in
        this session syncs once."""
        if kind == "diary" and isinstance(data.get("child_id"), int) \
                and self._session.account is not None:
            try:
                day = date.fromisoformat(str(data.get("date")))
            except ValueError:
                day = None
            if day is not None:
                self._announced.setdefault(data["child_id"], set()).add(day)
            self.diary_changed(data["child_id"])
        elif kind == SYNC_ALL:
            for child_id in sorted(self._synced):
                self.diary_changed(child_id)

    def fetch_older(self, child_id: int) -> None:
        timeline = self._timelines.get(child_id)
        if timeline is not None and timeline.shown >= len(timeline.days) and timeline.unread:
            timeline.read_more(PAGE_DAYS)
        if timeline is not None and timeline.shown < len(timeline.days):
            before = timeline.shown
            timeline.shown = min(len(timeline.days), before + PAGE_DAYS)
            self.olderLoaded.emit(child_id, timeline.shown - before)
        elif self.has_older(child_id) and not self.loading(child_id):
            self._tasks.run(f"diary-{child_id}", self._older(child_id),
                            lambda error: self._failed(child_id, error))

    def unread(self, child_id: int, day: DiaryDay) -> bool:
        """Whether ``day`` changed since the reader last saw it: a day read with other
        content, or a day not seen that is newer than the oldest day read (older history
        the reader never scrolled to is not news). Before the first reading nothing is."""
        read = self._read_days(child_id)
        if not read:
            return False
        seen = read.get(day.day.isoformat())
        if seen is None:
            return day.day.isoformat() > self._oldest_read[child_id]
        return seen != day.fingerprint

    def mark_read(self, child_id: int) -> None:
        """The days given to the view count as read, kept in the account's cache (so they
        stay read across restarts)."""
        days = self.days(child_id)
        if not days:
            return
        read = dict(self._read_days(child_id))
        read.update({d.day.isoformat(): d.fingerprint for d in days})
        self._read[child_id] = read
        self._oldest_read[child_id] = min(read)
        cache = self._session.cache
        if cache is None:
            return
        try:
            cache.put_diary_read(child_id, read)
        except DiskProblem as problem:  # still read in this session; shown once
            self.loadFailed.emit(child_id, user_message(problem))

    def write_note(self, child_id: int, day: date, at: time, text: str) -> int | None:
        """Queue the parent's note (on disk) and send it; its outbox id, or None after
        ``noteNotSaved`` when the disk refused it (keep what was typed)."""
        draft = EntryDraft((child_id,), day, EntryKind.NOTITIE, at, text)
        try:
            return self.outbox.enqueue(DIARY_ENTRY, draft.to_json())
        except DiskProblem as problem:
            self.noteNotSaved.emit(user_message(problem))
            return None

    def queued_notes(self, child_id: int) -> list[EntryDraft]:
        """Notes still waiting in the outbox for this child, oldest first."""
        drafts = [EntryDraft.from_json(w.payload) for w in self.outbox.pending(DIARY_ENTRY)]
        return [d for d in drafts if child_id in d.child_ids]

    def edit_entry(self, entry: DiaryEntry, at: time | None, text: str | None) -> None:
        """Change the time and text of one's own entry (parents their notes, staff theirs).
        Written directly, with an Idempotency-Key: a refusal (someone else's entry, a day
        closed) comes back as ``entryRefused`` with the portal's reason."""
        draft = EntryDraft((entry.child_id,), entry.day, entry.kind, at, text,
                           dict(entry.details))
        self._change(entry, lambda client: client.diary.edit(entry.id, draft))

    def delete_entry(self, entry: DiaryEntry) -> None:
        self._change(entry, lambda client: client.diary.delete(entry.id))

    def _change(self, entry: DiaryEntry, call: Any) -> None:
        self._tasks.run(f"entry-{entry.id}", self._changed_entry(entry.child_id, call),
                        lambda error: self._entry_refused(entry.id, error))

    async def _changed_entry(self, child_id: int, call: Any) -> None:
        changed = await self._session.request(call)
        self.entrySaved.emit(changed)
        if child_id in self._timelines:
            self.diary_changed(child_id)

    def _entry_refused(self, entry_id: int, error: PortalError) -> None:
        if not isinstance(error, SessionExpired):
            self.entryRefused.emit(entry_id, user_message(error))

    def save_pdf(self, child_id: int, first: date, last: date, target: Path) -> None:
        """"Dagboek opslaan als PDF" into ``target`` (never half a file under that name)."""
        self._tasks.run("diary-pdf", self._save_pdf(child_id, first, last, target),
                        lambda error: self.pdfFailed.emit(user_message(error)))

    def saving_pdf(self) -> bool:
        return self._tasks.running("diary-pdf")

    async def _save_pdf(self, child_id: int, first: date, last: date, target: Path) -> None:
        await save_download(self._session,
                            lambda client: client.diary.pdf(child_id, first, last), target)
        self.pdfSaved.emit(str(target))

    async def aclose(self) -> None:
        await self._tasks.drain()

    # --- internals ----------------------------------------------------------------------------

    def _read_days(self, child_id: int) -> dict[str, str]:
        if child_id not in self._read:
            cache = self._session.cache
            read = (cache.diary_read(child_id) if cache is not None else None) or {}
            self._read[child_id] = read
            if read:
                self._oldest_read[child_id] = min(read)
        return self._read[child_id]

    def _from_cache(self, child_id: int) -> bool:
        cache = self._session.cache
        data = cache.diary(child_id) if cache is not None else None
        if data is None:
            return False
        try:
            self._timelines[child_id] = _Timeline.from_json(data)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("discarding the unreadable cached diary of child %s: %s", child_id, exc)
            cache.forget_diary(child_id)
            return False
        return True

    def _keep(self, child_id: int) -> None:
        cache = self._session.cache
        if cache is None:
            return
        try:
            cache.put_diary(child_id, self._timelines[child_id].to_json())
        except DiskProblem as problem:  # shown; the diary stays on screen and syncs again
            self.loadFailed.emit(child_id, user_message(problem))

    async def _sync(self, child_id: int) -> None:
        timeline = self._timelines.get(child_id)
        if timeline is None or timeline.revision is None:
            page = await self._session.request(
                lambda client: client.diary.page(child_id, limit=PAGE_DAYS))
            self._timelines[child_id] = _Timeline(list(page.days), page.revision,
                                                  page.next_cursor, page.next_cursor is None)
            self._keep(child_id)
            self.daysChanged.emit(child_id)
            self._tell_arrived(child_id, {}, list(page.days))
            return
        changed: list[DiaryDay] = []
        cursor: str | None = None
        revision = timeline.revision
        while True:
            page = await self._session.request(lambda client, c=cursor: client.diary.page(
                child_id, since=revision, cursor=c, limit=200))
            changed.extend(page.days)
            if (cursor := page.next_cursor) is None:
                break
        if page.revision != timeline.revision:
            timeline.read_more(len(timeline.unread))
            before = {d.day: d for d in timeline.days}
            timeline.revision = page.revision
            self._merge(timeline, changed)
            self._keep(child_id)
            self.daysChanged.emit(child_id)
            self._tell_arrived(child_id, before, changed)
        else:
            self._tell_arrived(child_id, {}, [])

    def _tell_arrived(self, child_id: int, before: dict[date, DiaryDay],
                      changed: list[DiaryDay]) -> None:
        """``daysArrived`` for the changed days with news by others (the module says which)."""
        announced = self._announced.pop(child_id, set())
        synced_before = child_id in self._synced
        self._synced.add(child_id)
        arrived = [day for day in changed if _by_others(day)
                   and (synced_before or day.day in announced)
                   and (day.day not in before or before[day.day].fingerprint != day.fingerprint)]
        if arrived:
            self.daysArrived.emit(child_id, sorted(arrived, key=lambda d: d.day, reverse=True))

    def _merge(self, timeline: _Timeline, changed: list[DiaryDay]) -> None:
        timeline.read_more(len(timeline.unread))  # a change may be to any day
        by_day = {d.day: d for d in timeline.days}
        oldest = timeline.days[-1].day if timeline.days and not timeline.complete else None
        for day in changed:
            if day.empty:
                by_day.pop(day.day, None)
            elif oldest is None or day.day >= oldest:  # older ones come with their page
                by_day[day.day] = day
        given = timeline.days[:timeline.shown]  # fewer than `shown` when the diary is short
        shown = given[-1].day if given else None
        timeline.days = sorted(by_day.values(), key=lambda d: d.day, reverse=True)
        # What the view had stays given (a new day on top adds one).
        timeline.shown = sum(1 for d in timeline.days if shown is None or d.day >= shown) \
            if shown is not None else min(len(timeline.days), PAGE_DAYS)

    async def _older(self, child_id: int) -> None:
        timeline = self._timelines[child_id]
        timeline.read_more(len(timeline.unread))
        page = await self._session.request(lambda client: client.diary.page(
            child_id, cursor=timeline.next_cursor, limit=PAGE_DAYS))
        known = {d.day for d in timeline.days}
        added = [d for d in page.days if d.day not in known]
        timeline.days.extend(added)
        timeline.shown = len(timeline.days)
        timeline.next_cursor = page.next_cursor
        timeline.complete = page.next_cursor is None
        self._keep(child_id)
        self.olderLoaded.emit(child_id, len(added))

    def _failed(self, child_id: int, error: PortalError) -> None:
        if not isinstance(error, SessionExpired):
            self.loadFailed.emit(child_id, user_message(error))

    def _queued(self, kind: str, outbox_id: int) -> None:
        if kind == DIARY_ENTRY:
            self.noteQueued.emit(outbox_id)

    def _delivered(self, kind: str, outbox_id: int, entries: list[DiaryEntry]) -> None:
        if kind == DIARY_ENTRY:
            self.noteDelivered.emit(outbox_id)
            for child_id in {e.child_id for e in entries}:
                self.diary_changed(child_id)

    def _refused(self, kind: str, outbox_id: int, message: str) -> None:
        if kind == DIARY_ENTRY:
            self.noteRefused.emit(outbox_id, message)

    def _logged_out(self, *_args: object) -> None:
        self._tasks.cancel_all()
        self._timelines.clear()
        self._read.clear()
        self._oldest_read.clear()
        self._synced.clear()
        self._announced.clear()


def _by_others(day: DiaryDay) -> bool:
    """Whether the day holds anything the reader did not write themselves."""
    return day.arrived_at is not None or day.left_at is not None or any(
        not entry.mine for entry in day.entries)
