"""Groep vandaag and the Dagboek in the app against the real portal server: staff register an
arrival and write the day report on the group's PC, the parent reads it in the Dagboek; a
parent's note written with the portal stopped waits in the outbox and arrives once after the
app and the portal were restarted (docs/api.md, "Group day and diary")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from test_desktop_e2e import PASSWORD, SANNE, STAFF, log_in, wait_for_main_window

from desktop.api.client import PortalClient
from desktop.models.diary.entries import format_clock
from desktop.models.diary.timeline import TimelineModel
from desktop.models.shared.records import ChildStatus

MANAGER = "manager@voorbeeld.nl"  # corrects days older than yesterday


def _row(page, first_name: str) -> int:
    model = page.model
    return next(r for r in range(model.rowCount()) if model.child_at(r).first_name == first_name)


def _emma(page):  # noqa: ANN001, ANN202
    return page.model.child_at(_row(page, "Emma"))


def server_notes(run, url: str, text: str) -> list:  # noqa: ANN001
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            emma = next(c.id for c in (await client.profile.me()).children
                        if c.first_name == "Emma")
            found, cursor = [], None
            while True:
                page = await client.diary.page(emma, cursor=cursor, limit=200)
                found += [e for d in page.days for e in d.entries if e.text == text]
                if (cursor := page.next_cursor) is None:
                    return found
    return run(fetch())


def open_diary(qtbot, app):  # noqa: ANN001, ANN201
    """The main window and its Dagboek on Emma, her diary loaded."""
    main = wait_for_main_window(qtbot, app)
    main.show_section("diary")
    diary = main.page("diary")
    diary.child.setCurrentIndex(diary.child.findText("Emma"))
    qtbot.waitUntil(lambda: not app.services.diary.loading(diary.child_id()), timeout=20_000)
    return main, diary


def test_staff_register_the_arrival_and_write_the_report_and_the_parent_reads_it(
        qtbot, portal_server, make_app):
    staff_app = make_app(portal_server.url, shared_pc=True)
    log_in(qtbot, staff_app, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, staff_app)
    page = main.page("group_day")
    assert main.pages.currentWidget() is page  # staff start on their group's day
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    page.table.selectRow(_row(page, "Emma"))
    if _emma(page).arrived_at is not None:  # the demo registered half the group already
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _emma(page).arrived_at is None, timeout=20_000)
        page.table.selectRow(_row(page, "Emma"))
    not_expected = _emma(page).status is ChildStatus.NOT_EXPECTED  # a day she does not come
    qtbot.keyClick(page.table, Qt.Key.Key_A)  # the key, as staff at the door use it
    if not_expected:
        qtbot.waitUntil(lambda: page.findChild(QDialogButtonBox) is not None, timeout=5_000)
        dialog = page.findChild(QDialogButtonBox).parent()
        dialog.reason.set_text("Ruildag")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: _emma(page).status is ChildStatus.ARRIVED, timeout=20_000)
    assert "Here" in page.model.index(_row(page, "Emma"), 1).data()

    page.table.selectRow(_row(page, "Emma"))
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    report = page.report
    qtbot.waitUntil(lambda: report.isVisible(), timeout=5_000)
    report.text.set_text("Emma heeft met water gespeeld.\nDaarna lekker geslapen.")
    with qtbot.waitSignal(staff_app.services.group_day.written, timeout=20_000):
        report.save_text.click()
    qtbot.waitUntil(lambda: "met water gespeeld" in report.written_today.text(),
                    timeout=20_000)
    with qtbot.waitSignal(staff_app.services.group_day.written, timeout=20_000):
        report.quick_buttons["bottle"].click()
    assert report.text.text() == ""  # taken by the portal, so cleared

    parent_app = make_app(portal_server.url, computer="home")
    log_in(qtbot, parent_app, SANNE, PASSWORD)
    home = wait_for_main_window(qtbot, parent_app)
    home.show_section("diary")
    diary = home.page("diary")
    diary.child.setCurrentIndex(diary.child.findText("Emma"))
    qtbot.waitUntil(lambda: diary.model.rowCount() > 0 and diary.model.index(0).data(
        TimelineModel.DAY_ROLE).day == date.today(), timeout=20_000)
    today = diary.model.index(0).data()
    assert "Fatima El Amrani wrote:" in today and "Emma heeft met water gespeeld." in today
    assert "Arrived" in today and "Drink: 180 ml" in today

    # The staff member changes her own day text from the day report; the parent sees
    # it marked as edited.
    qtbot.waitUntil(lambda: report.edit_button.isEnabled(), timeout=20_000)
    report.edit_button.click()
    entries = report.entries_dialog
    row = next(r for r in range(entries.list.count())
               if "met water gespeeld" in entries.list.item(r).text())
    entries.list.setCurrentRow(row)
    entries.text.set_text("Emma heeft met zand gespeeld.")
    with qtbot.waitSignal(staff_app.services.diary.entrySaved, timeout=20_000):
        entries.save_button.click()
    qtbot.waitUntil(lambda: "met zand gespeeld" in report.written_today.text(),
                    timeout=20_000)
    home.show_section("overview")
    home.show_section("diary")
    qtbot.waitUntil(lambda: "met zand gespeeld" in (diary.model.index(0).data() or ""),
                    timeout=20_000)
    assert "Fatima El Amrani wrote (edited):" in diary.model.index(0).data()


def test_a_note_written_offline_arrives_once_after_restarting_app_and_portal(
        qtbot, portal_server, make_app, run):
    first = make_app(portal_server.url)
    log_in(qtbot, first, SANNE, PASSWORD)
    main, diary = open_diary(qtbot, first)

    portal_server.stop()
    diary.write_button.click()
    note = diary.note_dialog
    note.text.set_text("Oma haalt vandaag op")
    with qtbot.waitSignal(first.services.diary.noteQueued, timeout=20_000):
        note.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "waiting for a connection" in diary.state.text(), timeout=5_000)
    run(first.aclose())  # the app is closed while the note waits

    portal_server.start()
    second = make_app(portal_server.url)
    with qtbot.waitSignal(second.services.diary.noteDelivered, timeout=30_000):
        log_in(qtbot, second, SANNE, PASSWORD)
    assert len(server_notes(run, portal_server.url, "Oma haalt vandaag op")) == 1
    second.services.outbox.deliver()  # nothing is left to send again
    qtbot.wait(200)
    assert len(server_notes(run, portal_server.url, "Oma haalt vandaag op")) == 1


def test_the_parent_saves_the_diary_as_pdf_and_a_full_disk_or_a_stopped_portal_leave_no_file(
        qtbot, portal_server, make_app, tmp_path, monkeypatch):
    import errno
    import subprocess

    app = make_app(portal_server.url)
    log_in(qtbot, app, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, app)
    main.show_section("diary")
    diary = main.page("diary")
    diary.child.setCurrentIndex(diary.child.findText("Emma"))
    qtbot.waitUntil(lambda: diary.model.rowCount() > 0, timeout=20_000)
    diary.pdf_button.click()
    dialog = diary.pdf_dialog
    assert dialog.isVisible() and dialog.child.currentText() == "Emma"
    first, last = dialog.period()
    assert last == date.today() and (last - first).days == 399  # all she has, 400 days
    dialog.first.set_day(date.fromordinal(last.toordinal() - 30))
    folder = tmp_path / "gekozen"
    folder.mkdir()
    target = folder / "dagboek emma.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved as"), timeout=30_000)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Dagboek van Emma" in text
    assert [p.name for p in folder.iterdir()] == ["dagboek emma.pdf"]  # no partial left

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.services.shared.saved_downloads.open", full, raising=False)
    dialog.save_to(folder / "vol.pdf")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("The disk is full"),
                    timeout=20_000)
    monkeypatch.undo()
    portal_server.stop()
    dialog.save_to(folder / "weg.pdf")
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=60_000)
    assert "portal" in dialog.status.text().lower() or "internet" in dialog.status.text().lower()
    assert [p.name for p in folder.iterdir()] == ["dagboek emma.pdf"]
    portal_server.start()


def staff_writes(run, url: str, text: str, day: date | None = None,  # noqa: ANN001
                 author: str = STAFF) -> None:
    from desktop.api.diary.records import EntryDraft, EntryKind

    async def write() -> None:
        async with PortalClient(url) as client:
            await client.auth.login(author, PASSWORD)
            parent = PortalClient(url)
            async with parent:
                await parent.auth.login(SANNE, PASSWORD)
                emma = next(c.id for c in (await parent.profile.me()).children
                            if c.first_name == "Emma")
            await client.diary.write(EntryDraft((emma,), day or date.today(),
                                                EntryKind.VERSLAG, None, text))
    run(write())


def _new_days(diary) -> list[date]:  # noqa: ANN001
    model = diary.model
    return [model.index(r).data(TimelineModel.DAY_ROLE).day for r in range(model.rowCount())
            if model.index(r).data(TimelineModel.UNREAD_ROLE)]


def test_a_day_read_stays_read_across_a_restart_and_is_new_again_once_it_changed(
        qtbot, portal_server, make_app, run):
    first = make_app(portal_server.url)
    log_in(qtbot, first, SANNE, PASSWORD, remember=True)  # the copy stays on this computer
    main = wait_for_main_window(qtbot, first)
    main.show_section("diary")
    diary = main.page("diary")
    diary.child.setCurrentIndex(diary.child.findText("Emma"))
    qtbot.waitUntil(lambda: diary.model.rowCount() > 5
                    and not first.services.diary.loading(diary.child_id()), timeout=20_000)
    days = [diary.model.index(r).data(TimelineModel.DAY_ROLE).day for r in range(3)]
    main.show_section("overview")  # leaving the Dagboek: what it showed is read
    run(first.aclose())

    # The manager: days[1] is an older day than yesterday when Emma was not there yesterday.
    staff_writes(run, portal_server.url, "Vandaag buiten gespeeld.", days[1], author=MANAGER)
    second = make_app(portal_server.url)
    qtbot.mouseClick(second.login_window.findChild(QPushButton, "knownAccount"),
                     Qt.MouseButton.LeftButton)  # the remembered login
    main = wait_for_main_window(qtbot, second)
    main.show_section("diary")
    diary = main.page("diary")
    diary.child.setCurrentIndex(diary.child.findText("Emma"))
    qtbot.waitUntil(lambda: _new_days(diary) == [days[1]], timeout=20_000)
    row = diary.model.row_of(days[1])
    assert "(new)" in diary.model.index(row).data()
    assert "(new)" not in diary.model.index(diary.model.row_of(days[0])).data()
    main.show_section("overview")
    main.show_section("diary")
    assert _new_days(diary) == []


def test_the_parent_changes_and_deletes_her_own_note_and_is_refused_a_staff_entry(
        qtbot, portal_server, make_app, run):
    from desktop.views.diary.entries_dialog import OwnEntriesDialog

    app = make_app(portal_server.url)
    log_in(qtbot, app, SANNE, PASSWORD)
    main, diary = open_diary(qtbot, app)
    diary.write_button.click()
    diary.note_dialog.text.set_text("Oma haalt op")
    with qtbot.waitSignal(app.services.diary.noteDelivered, timeout=20_000):
        diary.note_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Oma haalt op" in (diary.model.index(0).data() or ""),
                    timeout=20_000)
    diary.list.setCurrentIndex(diary.model.index(0))
    assert diary.edit_button.isEnabled()
    diary.edit_button.click()
    dialog = diary.entries_dialog
    mine = [e for e in diary.model.index(0).data(TimelineModel.DAY_ROLE).entries if e.mine]
    assert dialog.list.count() == len(mine) >= 1
    dialog.list.setCurrentRow([e.text for e in mine].index("Oma haalt op"))
    dialog.text.set_text("Opa haalt op")
    with qtbot.waitSignal(app.services.diary.entrySaved, timeout=20_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: "Opa haalt op" in (diary.model.index(0).data() or ""),
                    timeout=20_000)
    assert "Note: Opa haalt op (Sanne de Vries), edited" in diary.model.index(0).data()
    with qtbot.waitSignal(app.services.diary.entrySaved, timeout=20_000):
        dialog.delete_button.click()
    qtbot.waitUntil(lambda: "Opa haalt op" not in (diary.model.index(0).data() or ""),
                    timeout=20_000)
    assert dialog.status.text() == "The entry was deleted."

    day = next(diary.model.index(r).data(TimelineModel.DAY_ROLE)
               for r in range(diary.model.rowCount())
               if any(not e.mine for e in diary.model.index(r).data(TimelineModel.DAY_ROLE)
                      .entries))
    staff_entry = next(e for e in day.entries if not e.mine)
    refused = OwnEntriesDialog(app.services.diary, "test", [staff_entry], diary)
    qtbot.addWidget(refused)
    refused.text.set_text("Anders")
    with qtbot.waitSignal(app.services.diary.entryRefused, timeout=20_000):
        refused.save()
    assert "not allowed" in refused.status.text().lower() or \
        "permission" in refused.status.text().lower(), refused.status.text()
    assert refused.text.text() == "Anders"  # what was typed stays


def test_staff_read_who_registered_and_corrected_a_childs_day(qtbot, portal_server, make_app):
    staff_app = make_app(portal_server.url, shared_pc=True)
    log_in(qtbot, staff_app, STAFF, PASSWORD)
    main = wait_for_main_window(qtbot, staff_app)
    page = main.page("group_day")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    registered = next(r for r in range(page.model.rowCount())
                      if page.model.child_at(r).arrived_at is not None)  # the demo's half
    page.table.selectRow(registered)
    assert page.history_button.isEnabled()
    page.history_button.click()
    dialog = page.history
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=20_000)
    arrived = format_clock(page.model.child_at(registered).arrived_at)
    assert f"arrived {arrived}" in dialog.list.item(0).text()


def test_the_days_photos_show_under_the_day_and_open_in_the_viewer(qtbot, portal_server,
                                                                   make_app, run):
    from test_photos_e2e import staff_posts

    from desktop.views.diary.day_delegate import MARGIN, photo_rects

    staff_writes(run, portal_server.url, "Naar het bos geweest.")
    posted = staff_posts(run, portal_server.url, [("red", True), ("green", False),
                                                  ("blue", True)])
    app = make_app(portal_server.url)
    log_in(qtbot, app, SANNE, PASSWORD)
    main = wait_for_main_window(qtbot, app)
    main.resize(1100, 760)
    main.show_section("diary")
    diary = main.page("diary")
    qtbot.waitUntil(lambda: app.services.photos.listing is not None, timeout=30_000)
    child = next(c for p in app.services.photos.listing.photos for c in p.child_ids)
    diary.child.setCurrentIndex(diary.child.findData(child))
    photos = [p for p in app.services.photos.listing.photos if child in p.child_ids]
    day = photos[0].date
    shown = [p for p in photos if p.date == day]

    def row() -> int:
        if diary.model.row_of(day) < 0 and diary.model.canFetchMore(diary.model.index(-1)):
            diary.model.fetchMore(diary.model.index(-1))
        return diary.model.row_of(day)

    qtbot.waitUntil(lambda: row() >= 0, timeout=30_000)
    assert diary.day_photos.of_day(day) == shown  # the listing's photos of that day
    index = diary.model.index(row())
    diary.list.scrollTo(index)
    qtbot.waitUntil(lambda: diary.day_photos.pixmap(shown[0]) is not None, timeout=30_000)
    rect = diary.list.visualRect(index).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    target = photo_rects(rect, len(shown))[-1]
    qtbot.mouseClick(diary.list.viewport(), Qt.MouseButton.LeftButton, pos=target.center())
    viewer = diary.day_photos.viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.photo == shown[-1]
    viewer.close()
    diary.list.setCurrentIndex(index)
    diary.list.setFocus()
    qtbot.keyClick(diary.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: viewer.isVisible(), timeout=5_000)
    assert viewer.photo == shown[0]
    assert {p.id for p in shown} == {posted[0].id, posted[2].id}  # not the untagged one
