"""Groep vandaag and the Dagboek as staff and parents use them, over fake services: the
models pass Qt's model tester, the timeline loads older days as it scrolls, keys register
arrival and departure, the day report writes for several children at once, and a note the disk
refused keeps what was typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from diary_fakes import FakeDiary, FakeGroupDay
from PySide6.QtCore import QModelIndex, Qt

from desktop.api.agenda.records import DayPart
from desktop.api.diary.records import (
    ChildStatus,
    DiaryDay,
    DiaryEntry,
    EntryKind,
    GroupDay,
    GroupDayChild,
    GroupDayCount,
)
from desktop.models.diary.group_day import GroupDayModel
from desktop.models.diary.timeline import TimelineModel
from desktop.views.diary.group_day_page import GroupDayPage
from desktop.views.diary.page import DiaryPage
from desktop.views.shared.reason_dialog import ReasonDialog

MONDAY = date(2026, 3, 2)


def child(child_id: int, first: str, status: ChildStatus = ChildStatus.EXPECTED,
          arrived: time | None = None, **fields) -> GroupDayChild:  # noqa: ANN003
    values = {"child_id": child_id, "first_name": first, "last_name": "de Vries",
              "status": status, "day_parts": (DayPart.OCHTEND, DayPart.MIDDAG),
              "absent_parts": (), "absence_reason": None, "arrived_at": arrived,
              "left_at": None, "note": None, "allergies": None, "diet": None,
              "medical_notes": None, "medication_consent": False}
    values.update(fields)
    return GroupDayChild(**values)


def group_day(*children: GroupDayChild) -> GroupDay:
    return GroupDay(2, MONDAY, children, (GroupDayCount(DayPart.OCHTEND, 9, 12),
                                          GroupDayCount(DayPart.MIDDAG, 7, 12)), 1)


def entry(n: int, day: date, kind: EntryKind = EntryKind.VERSLAG, **fields) -> DiaryEntry:  # noqa: ANN003
    values = {"id": n, "child_id": 1, "day": day, "kind": kind, "at": None,
              "text": "Fijne dag", "details": {}, "author_name": "Fatima El Amrani",
              "by_parent": False, "mine": False,
              "created_at": datetime(2026, 3, 2, 17, 0).astimezone(), "edited": False}
    values.update(fields)
    return DiaryEntry(**values)


def days(first: int, count: int) -> list[DiaryDay]:
    """``count`` days, newest first, starting ``first`` days before Monday."""
    return [DiaryDay(date.fromordinal(MONDAY.toordinal() - n), time(8, 0), time(17, 0),
                     (entry(n, date.fromordinal(MONDAY.toordinal() - n)),))
            for n in range(first, first + count)]


def test_the_models_pass_the_model_tester(qtmodeltester) -> None:
    table = GroupDayModel()
    table.set_day(group_day(child(1, "Emma", allergies="Pinda's"), child(2, "Daan")))
    qtmodeltester.check(table, force_py=True)
    diary = FakeDiary()
    diary.timelines[1] = days(0, 5)
    timeline = TimelineModel(diary)
    timeline.show_child(1)
    qtmodeltester.check(timeline, force_py=True)


def test_the_timeline_fetches_older_days_only_while_there_are_more(qtbot) -> None:
    diary = FakeDiary()
    diary.timelines[1] = days(0, 30)
    diary.older[1] = days(30, 30)
    model = TimelineModel(diary)
    model.show_child(1)
    assert model.rowCount() == 30 and model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 60 and not model.canFetchMore(QModelIndex())
    days_shown = [model.index(r).data(TimelineModel.DAY_ROLE).day for r in range(60)]
    assert days_shown == sorted(days_shown, reverse=True)  # newest first, no gaps mixed in


def test_scrolling_the_dagboek_to_the_end_loads_the_next_page(qtbot) -> None:
    diary = FakeDiary()
    diary.timelines[1] = days(0, 30)
    diary.older[1] = days(30, 30)
    page = DiaryPage(diary, [(1, "Emma")], MONDAY)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    page.activate()
    assert diary.synced == [1]
    page.list.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 60, timeout=5_000)


def test_a_day_reads_as_text_with_the_writer_and_the_rhythm() -> None:
    day = DiaryDay(MONDAY, time(8, 5), time(17, 30), (
        entry(1, MONDAY, text="Emma <b>speelde</b> buiten."),
        entry(2, MONDAY, EntryKind.DRINKEN, at=time(10, 5), text=None, details={"ml": 180}),
        entry(3, MONDAY, EntryKind.SLAPEN, at=time(12, 30), text=None,
              details={"until": "14:15"}),
        entry(4, MONDAY, EntryKind.NOTITIE, at=time(7, 0), text="Oma haalt op",
              author_name="Sanne de Vries", by_parent=True, edited=True)))
    diary = FakeDiary()
    diary.timelines[1] = [day]
    model = TimelineModel(diary)
    model.show_child(1)
    lines = model.index(0).data().split("\n")
    assert lines[1:] == [
        "Arrived 08:05, went home 17:30", "Fatima El Amrani wrote:",
        "Emma <b>speelde</b> buiten.",  # shown as typed, never as HTML
        "10:05 · Drink: 180 ml (Fatima El Amrani)",
        "Sleep: 12:30–14:15 (Fatima El Amrani)",
        "07:00 · Note: Oma haalt op (Sanne de Vries), edited"]


def test_keys_register_arrival_and_departure_of_the_selected_child(qtbot) -> None:
    service = FakeGroupDay()
    page = GroupDayPage(service, [(2, "Zonnetjes")])
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert service.calls[-1] == ("load", 2, MONDAY)
    page.yesterday_button.setChecked(True)
    assert service.calls[-1] == ("load", 2, date(2026, 3, 1))
    service.dayChanged.emit(group_day(child(1, "Emma"),
                                      child(2, "Daan", ChildStatus.ARRIVED, time(8, 0))))
    assert "morning: 9 expected, 12 places" in page.counts.text()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert service.calls[-1] == ("arrive", 1, None)
    qtbot.keyClick(page.table, Qt.Key.Key_W)  # Emma has not arrived: nothing to register
    assert service.calls[-1] == ("arrive", 1, None)
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_W)
    assert service.calls[-1] == ("depart", 2)
    service.registerFailed.emit(2, "This day can no longer be changed.")
    assert "can no longer be changed" in page.model.index(1, GroupDayModel.Column.STATUS).data()


def test_a_child_not_expected_is_registered_with_the_reason_asked(qtbot) -> None:
    service = FakeGroupDay()
    page = GroupDayPage(service, [(2, "Zonnetjes")])
    qtbot.addWidget(page)
    service.dayChanged.emit(group_day(child(1, "Emma", ChildStatus.NOT_EXPECTED,
                                            day_parts=())))
    page.table.selectRow(0)
    page.arrive()
    assert ("arrive", 1, None) not in service.calls
    [dialog] = page.findChildren(ReasonDialog)
    dialog.reason.set_text("Ruildag")
    dialog.accept()
    assert service.calls[-1] == ("arrive", 1, "Ruildag")


def test_the_day_report_writes_one_entry_for_every_selected_child(qtbot) -> None:
    service = FakeGroupDay()
    page = GroupDayPage(service, [(2, "Zonnetjes")])
    qtbot.addWidget(page)
    service.dayChanged.emit(group_day(child(1, "Emma"), child(2, "Daan")))
    page.table.selectAll()
    page.open_report()
    report = page.report
    report.at.setTime(report.at.time().fromString("10:00", "HH:mm"))
    report.quick_buttons["fruit"].click()
    _, draft = service.calls[-1]
    assert (draft.child_ids, draft.kind, draft.at, draft.details["amount"]) == \
        ((1, 2), EntryKind.ETEN, time(10, 0), "alles")
    assert not report.add_medicine.isEnabled()  # no consent from these families
    report.text.set_text("Samen naar de eendjes geweest.")
    service.writeFailed.emit("The portal cannot be reached.")
    assert report.problem.text() == "The portal cannot be reached."
    assert report.text.text() == "Samen naar de eendjes geweest."  # nothing typed is lost


def test_a_note_the_disk_refused_keeps_what_was_typed(qtbot) -> None:
    diary = FakeDiary()
    diary.refuse_disk = "The disk is full."
    page = DiaryPage(diary, [(1, "Emma")], MONDAY)
    qtbot.addWidget(page)
    page.activate()
    page.write_note()
    page.note_dialog.text.set_text("Oma haalt op")
    page.note_dialog.accept()
    assert page.note_dialog.isVisible() and page.note_dialog.problem.text() == \
        "The disk is full."
    assert page.note_dialog.text.text() == "Oma haalt op"
    diary.refuse_disk = None
    page.note_dialog.accept()
    assert [d.text for d in diary.queued] == ["Oma haalt op"]
    assert "Notes waiting for a connection: 1." in page.state.text()


def test_after_care_ended_the_parent_is_told_until_when_the_diary_stays() -> None:
    from view_fakes import parent_profile

    from desktop.models.diary.timeline import diary_available_until

    profile = parent_profile()
    assert diary_available_until(profile, 8) is None  # contracts run on
    ended = replace(profile, children=tuple(
        replace(c, contracts=tuple(replace(k, end_date=date(2026, 2, 27)) for k in c.contracts))
        for c in profile.children))
    assert diary_available_until(ended, 8) == date(2026, 4, 24)


def test_the_dagboek_shows_the_last_day_and_the_days_left(qtbot) -> None:
    page = DiaryPage(FakeDiary(), [(1, "Emma")], MONDAY, available_until=date(2026, 4, 24))
    qtbot.addWidget(page)
    assert "until Friday 24 April 2026 (53 days from today)" in page.retention.text()


def test_the_pdf_dialog_offers_the_childs_whole_diary_up_to_400_days(qtbot, tmp_path) -> None:
    from datetime import timedelta

    from desktop.views.diary.pdf_dialog import DiaryPdfDialog

    diary = FakeDiary()
    young = MONDAY - timedelta(days=40)
    dialog = DiaryPdfDialog(diary, [(1, "Emma", date(2024, 1, 8)), (2, "Daan", young)],
                            MONDAY, child_id=2)
    qtbot.addWidget(dialog)
    assert dialog.period() == (young, MONDAY)  # Daan's diary since his first day
    dialog.child.setCurrentIndex(0)
    assert dialog.period() == (MONDAY - timedelta(days=399), MONDAY)  # 400 days, the most
    assert dialog.save_button.isEnabled()
    dialog.first.set_day(MONDAY - timedelta(days=400))  # the last day follows along
    dialog.last.set_day(MONDAY)  # one day more than a PDF holds: refused here already
    assert not dialog.save_button.isEnabled() and "400" in dialog.status.text()
    dialog.first.set_day(MONDAY - timedelta(days=399))
    dialog.last.set_day(MONDAY)
    assert dialog.save_button.isEnabled() and not dialog.status.isVisibleTo(dialog)
    dialog.save_to(tmp_path / "dagboek.pdf")
    assert diary.pdfs == [(1, MONDAY - timedelta(days=399), MONDAY, tmp_path / "dagboek.pdf")]
    diary.pdfFailed.emit("De schijf is vol.")
    assert dialog.status.text() == "De schijf is vol." and dialog.save_button.isEnabled()


def test_staff_pick_today_or_yesterday_and_a_manager_any_earlier_day_too(qtbot) -> None:
    from datetime import timedelta

    service = FakeGroupDay()
    staff = GroupDayPage(service, [(2, "Zonnetjes")])
    qtbot.addWidget(staff)
    staff.show()
    # Staff: exactly the server's two days (an older one is `diary_day_closed` for them).
    assert not staff.other_button.isVisible() and not staff.other_day.isVisible()
    staff.yesterday_button.setChecked(True)
    assert staff.day() == MONDAY - timedelta(days=1)
    manager = GroupDayPage(service, [(2, "Zonnetjes")], older_days=True)
    qtbot.addWidget(manager)
    manager.show()
    assert manager.other_button.isVisible() and not manager.other_day.isEnabled()
    manager.other_button.setChecked(True)
    assert service.calls[-1] == ("load", 2, MONDAY - timedelta(days=2))
    manager.other_day.set_day(MONDAY - timedelta(days=30))
    assert service.calls[-1] == ("load", 2, MONDAY - timedelta(days=30))
    manager.other_day.set_day(MONDAY)  # no later than the day before yesterday: the
    assert manager.other_day.day == MONDAY - timedelta(days=2)  # radios have those
    manager.yesterday_button.setChecked(True)
    assert service.calls[-1] == ("load", 2, MONDAY - timedelta(days=1))
    assert not manager.other_day.isEnabled()


def test_own_entries_are_changed_and_deleted_and_a_refusal_keeps_the_text(qtbot) -> None:
    from desktop.views.diary.entries_dialog import OwnEntriesDialog

    diary = FakeDiary()
    note = entry(7, MONDAY, EntryKind.NOTITIE, at=time(7, 30), text="Oma haalt op", mine=True,
                 by_parent=True, author_name="Sanne de Vries")
    dialog = OwnEntriesDialog(diary, "maandag", [note])
    qtbot.addWidget(dialog)
    assert dialog.text.text() == "Oma haalt op" and dialog.at.moment == time(7, 30)
    dialog.text.set_text("   ")
    assert not dialog.save_button.isEnabled()  # an empty note is no note
    dialog.text.set_text("Opa haalt op")
    dialog.save()
    assert diary.changes == [("edit", 7, time(7, 30), "Opa haalt op")]
    diary.entryRefused.emit(7, "Je mag dit niet wijzigen.")
    assert dialog.status.text() == "Je mag dit niet wijzigen."
    assert dialog.text.text() == "Opa haalt op" and dialog.save_button.isEnabled()
    diary.entrySaved.emit(replace(note, text="Opa haalt op", edited=True))
    assert dialog.list.item(0).text().endswith(", edited")
    dialog.delete()
    diary.entrySaved.emit(replace(note, deleted=True))
    assert dialog.list.count() == 0 and not dialog.delete_button.isEnabled()
    assert dialog.status.text() == "The entry was deleted."


def test_a_days_thumbnails_fill_rows_as_wide_as_the_day_allows() -> None:
    from PySide6.QtCore import QRect

    from desktop.views.diary.day_delegate import GAP, photo_rects, photos_height
    from desktop.views.diary.day_photos import THUMB

    four = 4 * THUMB.width() + 3 * GAP
    rects = photo_rects(QRect(0, 0, four, 1000), 12)
    assert len({r.top() for r in rects}) == 3  # twelve photos: three rows of four
    assert rects[-1].bottom() == 999 and rects[3].right() == four - 1
    assert len({r.top() for r in photo_rects(QRect(0, 0, four - 1, 1000), 12)}) == 4  # of 3
    assert photos_height(four, 0) == 0
    assert photos_height(four, 4) < photos_height(four, 5)
