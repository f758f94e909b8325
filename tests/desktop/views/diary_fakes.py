"""Fakes of the group-day and diary services for the view tests: their signals, with what
the views call recorded (docs/architecture.md, "How to add a section")."""

from __future__ import annotations

from datetime import date

from recording_fakes import signals_of

from desktop.api.diary.records import DiaryDay, EntryDraft
from desktop.services.diary.group_day import GroupDayService
from desktop.services.diary.service import DiaryService


class FakeGroupDay(signals_of(GroupDayService)):
    def __init__(self, today: date = date(2026, 3, 2)) -> None:
        super().__init__()
        self.day = None
        self._today = today
        self.calls: list[tuple] = []

    def today(self) -> date:
        return self._today

    def load(self, group_id: int, day: date) -> None:
        self.calls.append(("load", group_id, day))

    def arrive(self, child_id: int, note: str | None = None) -> None:
        self.calls.append(("arrive", child_id, note))

    def depart(self, child_id: int) -> None:
        self.calls.append(("depart", child_id))

    def undo(self, child_id: int) -> None:
        self.calls.append(("undo", child_id))

    def load_report(self, child_id: int) -> None:
        self.calls.append(("report", child_id))

    def write(self, draft: EntryDraft) -> None:
        self.calls.append(("write", draft))

    def load_history(self, child_id: int) -> None:
        self.calls.append(("history", child_id))


class FakeDiary(signals_of(DiaryService)):
    def __init__(self) -> None:
        super().__init__()
        self.timelines: dict[int, list[DiaryDay]] = {}
        self.older: dict[int, list[DiaryDay]] = {}
        self.queued: list[EntryDraft] = []
        self.synced: list[int] = []
        self.refuse_disk: str | None = None
        self.pdfs: list[tuple] = []
        self.new_days: set[tuple[int, date]] = set()
        self.changes: list[tuple] = []

    def days(self, child_id: int) -> list[DiaryDay]:
        return list(self.timelines.get(child_id, []))

    def has_older(self, child_id: int) -> bool:
        return bool(self.older.get(child_id))

    def loading(self, child_id: int) -> bool:
        return False

    def diary_changed(self, child_id: int) -> None:
        self.synced.append(child_id)

    def fetch_older(self, child_id: int) -> None:
        page = self.older.pop(child_id, [])
        self.timelines[child_id] = self.days(child_id) + page
        self.olderLoaded.emit(child_id, len(page))

    def write_note(self, child_id: int, day, at, text: str) -> int | None:  # noqa: ANN001
        if self.refuse_disk:
            self.noteNotSaved.emit(self.refuse_disk)
            return None
        from desktop.api.diary.records import EntryKind

        self.queued.append(EntryDraft((child_id,), day, EntryKind.NOTITIE, at, text))
        return len(self.queued)

    def unread(self, child_id: int, day: DiaryDay) -> bool:
        return (child_id, day.day) in self.new_days

    def mark_read(self, child_id: int) -> None:
        self.new_days = {(c, d) for c, d in self.new_days if c != child_id}

    def queued_notes(self, child_id: int) -> list[EntryDraft]:
        return [d for d in self.queued if child_id in d.child_ids]

    def save_pdf(self, child_id: int, first: date, last: date, target) -> None:  # noqa: ANN001
        self.pdfs.append((child_id, first, last, target))

    def saving_pdf(self) -> bool:
        return False

    def edit_entry(self, entry, at, text) -> None:  # noqa: ANN001
        self.changes.append(("edit", entry.id, at, text))

    def delete_entry(self, entry) -> None:  # noqa: ANN001
        self.changes.append(("delete", entry.id))
