"""The Agenda section against the real portal server, clicked through as a parent would."""

from __future__ import annotations

from datetime import date, timedelta

from planning_days import extra, planned
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QPushButton, QWizard
from test_desktop_e2e import PASSWORD, SANNE, log_in, wait_for_main_window

from desktop.api.absences.records import ChildCredit
from desktop.api.agenda.records import DayPart
from desktop.api.client import PortalClient
from desktop.models.agenda.month import EntryState


def open_agenda(qtbot, desktop):
    main = wait_for_main_window(qtbot, desktop)
    qtbot.waitUntil(lambda: main.page("agenda").child_filter.count() == 3, timeout=20_000)
    main.show_section("agenda")
    return main.page("agenda")


def stored_absences(run, url: str) -> list:
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return await client.absences.list()
    return run(fetch())


def absence_row(dialog, *, absence_id: int | None = None, day: date | None = None
                ) -> int | None:
    """The row (open filter) with the absence of that id or on that day, or None."""
    for row in range(dialog.proxy.rowCount()):
        line = dialog.proxy.index(row, 0).data(dialog.model.RowRole)
        if any(absence_id in (None, a.id) and day in (None, a.date) for a in line.absences):
            return row
    return None


def click(qtbot, widget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_report_an_absence_with_the_wizard_and_cancel_it(qtbot, portal_server, make_app, run,
                                                         monkeypatch):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_agenda(qtbot, desktop)
    monday = planned(run, portal_server.url, date.today() + timedelta(days=40),
                     ("Emma", DayPart.OCHTEND), ("Daan", DayPart.NSO), weekday=0)
    page.select_date(monday)
    qtbot.waitUntil(lambda: bool(page.model.entries(monday)), timeout=20_000)
    assert [(e.child_name, e.state) for e in page.model.entries(monday)] == [
        ("Emma", EntryState.PLANNED), ("Daan", EntryState.PLANNED)]

    before = {a.id for a in stored_absences(run, portal_server.url)}
    wizard = page.open_absence_wizard()
    qtbot.waitExposed(wizard)
    assert wizard.when.range() == (monday, monday)  # starts at the selected day
    wizard.when.day_part.setCurrentIndex(wizard.when.day_part.findText("Morning"))
    wizard.next()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    assert wizard.who.hint.text() == "Choose at least one child."
    emma = wizard.who.findChildren(QCheckBox)[0]
    assert emma.text() == "Emma"
    emma.setChecked(True)
    assert next_button.isEnabled()
    wizard.next()
    assert not next_button.isEnabled()  # no reason chosen yet
    wizard.why.buttons[next(iter(wizard.why.buttons))].setChecked(True)  # ill
    wizard.why.note.setPlainText("Koorts")
    wizard.next()
    summary = wizard.summary.text.text()
    assert "Emma, morning: earns 5.5 hours of absence credit" in summary
    assert f"until {(monday - timedelta(days=30)).day}" in summary
    # Nothing is sent before submitting.
    assert {a.id for a in stored_absences(run, portal_server.url)} == before

    wizard.next()  # "Submit request"
    qtbot.waitUntil(wizard.result.isComplete, timeout=20_000)
    assert wizard.result.text.text() == ("The absence has been reported. Day-parts: 1. It "
                                         "earned 5.5 hours of absence credit.")
    [stored] = [a for a in stored_absences(run, portal_server.url) if a.id not in before]
    assert (stored.date, stored.day_part.value, stored.note) == (monday, "ochtend", "Koorts")
    qtbot.waitUntil(lambda: any(e.state is EntryState.ABSENT
                                for e in page.model.entries(monday)), timeout=20_000)
    wizard.close()

    dialog = page.open_request_overview()
    qtbot.waitUntil(lambda: absence_row(dialog, absence_id=stored.id) is not None, timeout=20_000)
    dialog.select_row(absence_row(dialog, absence_id=stored.id))
    asked: list[str] = []

    def answer_yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    click(qtbot, dialog, "cancelRequest")
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)  # after the portal's cancel preview
    [question] = asked
    assert question.startswith("Are you sure you want to cancel this request?")
    assert "• Emma: morning" in question
    assert question.endswith("\n\nThe 5.5 hours of absence credit it earned are withdrawn.")
    qtbot.waitUntil(lambda: next(a for a in stored_absences(run, portal_server.url)
                                 if a.id == stored.id).cancelled, timeout=20_000)
    qtbot.waitUntil(lambda: absence_row(dialog, absence_id=stored.id) is None, timeout=20_000)
    qtbot.waitUntil(lambda: [e.state for e in page.model.entries(monday)] ==
                    [EntryState.PLANNED, EntryState.PLANNED], timeout=20_000)


def test_cancelling_within_30_days_shows_the_locations_phone(qtbot, portal_server, make_app,
                                                        run):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_agenda(qtbot, desktop)
    soon = planned(run, portal_server.url, date.today() + timedelta(days=6),
                   ("Emma", DayPart.OCHTEND))
    page.select_date(soon)
    qtbot.waitUntil(lambda: bool(page.model.entries(soon)), timeout=20_000)
    wizard = page.open_absence_wizard()
    wizard.next()
    wizard.who.findChildren(QCheckBox)[0].setChecked(True)
    wizard.next()
    wizard.why.buttons[next(iter(wizard.why.buttons))].setChecked(True)
    wizard.next()
    assert "This can no longer be cancelled in the app" in wizard.summary.text.text()
    wizard.next()
    qtbot.waitUntil(wizard.result.isComplete, timeout=20_000)
    wizard.close()

    dialog = page.open_request_overview()
    qtbot.waitUntil(lambda: absence_row(dialog, day=soon) is not None, timeout=20_000)
    dialog.select_row(absence_row(dialog, day=soon))
    # Disabled up front, with the reason and whom to call: no question, then a refusal.
    assert not dialog.findChild(QPushButton, "cancelRequest").isEnabled()
    explanation = dialog.findChild(QLabel, "explanation").text()
    phone = page._profile.locations[0].phone  # noqa: SLF001
    assert "30 days" in explanation and phone in explanation and "tel:" in explanation


def stored_extra_days(run, url: str) -> list:
    async def fetch() -> list:
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return await client.extra_days.list()
    return run(fetch())


def test_request_an_extra_day_and_withdraw_it(qtbot, portal_server, make_app, run,
                                               monkeypatch):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_agenda(qtbot, desktop)
    before = {r.id for r in stored_extra_days(run, portal_server.url)}
    # A whole day Emma is not planned and the group is open.
    wednesday = extra(run, portal_server.url, "Emma", date.today() + timedelta(days=35), None)

    wizard = page.open_extra_day_wizard()
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    wizard.who.boxes[0].setChecked(True)  # Emma
    wizard.next()
    wizard.when.first.setDate(wizard.when.first.date().addDays(
        (wednesday - wizard.when.range()[0]).days))
    assert wizard.when.range() == (wednesday, wednesday)
    wizard.next()  # payment: the server's cost preview
    qtbot.waitUntil(lambda: wizard.payment.preview is not None
                    or wizard.payment.error.isVisible(), timeout=20_000)
    assert not wizard.payment.error.isVisible(), wizard.payment.error.text()
    preview = wizard.payment.preview
    assert [(i.date, i.day_part.value) for i in preview.items] == [
        (wednesday, "ochtend"), (wednesday, "middag")]
    assert "Total: 10.5 hours" in wizard.payment.preview_text.text()
    # Credit that expires before the day cannot pay for it, and the page says why.
    emma = wizard.children[0].id
    expires = wednesday - timedelta(days=1)
    wizard.payment.show_credit([ChildCredit(emma, 300, expires, ((expires, 300),))])
    assert "Emma: none usable — 5 hours expires on " \
        f"{expires.day} {expires.strftime('%B')} {expires.year}, before these days" \
        in wizard.payment.credit.text()
    assert "Emma's absence credit can only pay for days until" \
        in wizard.payment.preview_text.text()
    wizard.payment.buttons[next(p for p in wizard.payment.buttons
                                if p.value == "invoice")].setChecked(True)
    qtbot.waitUntil(lambda: wizard.payment.preview is not None
                    and wizard.payment.preview.credit_minutes == 0, timeout=20_000)
    assert wizard.payment.preview.invoice_cents > 0
    wizard.next()
    assert "Approved extra care cannot be cancelled." in wizard.summary.text.text()
    assert {r.id for r in stored_extra_days(run, portal_server.url)} == before
    wizard.next()  # "Submit request"
    qtbot.waitUntil(wizard.result.isComplete, timeout=20_000)
    assert "waiting for the group's decision" in wizard.result.text.text()
    [new] = [r for r in stored_extra_days(run, portal_server.url) if r.id not in before]
    assert (new.status.value, new.first_date, new.payment.value) == (
        "pending", wednesday, "invoice")
    wizard.close()
    page.select_date(wednesday)
    qtbot.waitUntil(lambda: any(e.state is EntryState.EXTRA_PENDING
                                for e in page.model.entries(wednesday)), timeout=20_000)

    dialog = page.open_request_overview()
    qtbot.waitUntil(lambda: any(dialog.model.row_at(r).extra is not None
                                and dialog.model.row_at(r).extra.id == new.id
                                for r in range(dialog.model.rowCount())), timeout=20_000)
    row = next(r for r in range(dialog.proxy.rowCount())
               if dialog.proxy.index(r, 0).data(dialog.model.RowRole).extra is not None
               and dialog.proxy.index(r, 0).data(dialog.model.RowRole).extra.id == new.id)
    dialog.select_row(row)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    click(qtbot, dialog, "withdrawRequest")
    qtbot.waitUntil(lambda: next(r for r in stored_extra_days(run, portal_server.url)
                                 if r.id == new.id).status.value == "withdrawn",
                    timeout=20_000)


def sanne_agenda(run, url: str, first: date, last: date):
    async def fetch():
        async with PortalClient(url) as client:
            await client.auth.login(SANNE, PASSWORD)
            return await client.agenda.fetch(first, last)
    return run(fetch())


def open_day_for_both(run, url: str, start: date) -> date:
    """A Wednesday from ``start`` on, outside school holidays and closing days, with nothing
    planned or requested yet: both Emma (KDV) and Daan (BSO) can get extra care then."""
    known = sanne_agenda(run, url, start, start + timedelta(days=63))
    day = start
    # The agenda says which days are closed, holidays or taken, so a Wednesday that is
    # Koningsdag or in the autumn holiday is passed over.
    while day.weekday() != 2 or any((known.day(day).school_holiday, known.day(day).closing_days,
                                     known.day(day).planned, known.day(day).extra_days)):
        day += timedelta(days=1)
    return day


def test_one_request_gives_emma_the_whole_day_and_daan_after_school_care(
        qtbot, portal_server, make_app, run):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_agenda(qtbot, desktop)
    day = open_day_for_both(run, portal_server.url, date.today() + timedelta(days=10))
    before = {r.id for r in stored_extra_days(run, portal_server.url)}

    wizard = page.open_extra_day_wizard(day)
    qtbot.waitExposed(wizard)
    for box in wizard.who.boxes:
        box.setChecked(True)
    wizard.next()
    assert wizard.when.range() == (day, day)
    emma, daan = (c.id for c in wizard.children)
    # Each child gets the day-parts of its own care type, with its usual one chosen.
    emma_box, daan_box = wizard.when.part_boxes[emma], wizard.when.part_boxes[daan]
    assert [emma_box.itemText(i) for i in range(emma_box.count())] == [
        "Whole day", "Morning", "Afternoon"]
    assert [daan_box.itemText(i) for i in range(daan_box.count())] == [
        "Before school", "After school", "Holiday care"]
    assert (emma_box.currentText(), daan_box.currentText()) == ("Whole day", "After school")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.payment.preview is not None
                    or wizard.payment.error.isVisible(), timeout=20_000)
    assert not wizard.payment.error.isVisible(), wizard.payment.error.text()
    assert sorted((i.child_id, i.day_part.value) for i in wizard.payment.preview.items) == \
        sorted([(emma, "ochtend"), (emma, "middag"), (daan, "nso")])
    wizard.next()
    wizard.next()  # "Submit request"
    qtbot.waitUntil(wizard.result.isComplete, timeout=20_000)
    assert "waiting for the group's decision" in wizard.result.text.text(), \
        wizard.result.text.text()
    made = [r for r in stored_extra_days(run, portal_server.url) if r.id not in before]
    assert sorted((r.child_id, r.day_part.value if r.day_part else None) for r in made) == \
        sorted([(emma, None), (daan, "nso")])
    wizard.close()


def day_both_are_planned(run, url: str, start: date) -> date:
    """A day from ``start`` on when Emma and Daan both have care planned."""
    known = sanne_agenda(run, url, start, start + timedelta(days=60))
    day = start
    while len({p.child_id for p in known.day(day).planned}) < 2:
        day += timedelta(days=1)
    return day


def test_a_report_for_both_children_is_cancelled_as_one_day(qtbot, portal_server, make_app,
                                                             run, monkeypatch):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, SANNE, PASSWORD)
    page = open_agenda(qtbot, desktop)
    day = day_both_are_planned(run, portal_server.url, date.today() + timedelta(days=45))
    page.select_date(day)
    qtbot.waitUntil(lambda: len(page.model.entries(day)) == 2, timeout=20_000)
    wizard = page.open_absence_wizard()
    wizard.next()
    for box in wizard.who.boxes:
        box.setChecked(True)
    wizard.next()
    next(iter(wizard.why.buttons.values())).setChecked(True)
    wizard.next()
    wizard.next()  # "Submit request"
    qtbot.waitUntil(wizard.result.isComplete, timeout=20_000)
    wizard.close()
    made = [a for a in stored_absences(run, portal_server.url) if a.date == day]
    assert {a.child_id for a in made} == {c.id for c in wizard.children} and len(made) >= 3

    dialog = page.open_request_overview()
    qtbot.waitUntil(lambda: absence_row(dialog, day=day) is not None, timeout=20_000)
    assert sum(1 for r in range(dialog.proxy.rowCount())
               if dialog.proxy.index(r, 0).data(dialog.model.RowRole).first_date == day) == 1
    dialog.select_row(absence_row(dialog, day=day))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    click(qtbot, dialog, "cancelRequest")
    qtbot.waitUntil(lambda: all(a.cancelled for a in stored_absences(run, portal_server.url)
                                if a.date == day), timeout=20_000)
    notice = dialog.findChild(QLabel, "notice")
    qtbot.waitUntil(notice.isVisible, timeout=20_000)
    assert notice.text() == "The day is planned again."
    qtbot.waitUntil(lambda: all(e.state is EntryState.PLANNED
                                for e in page.model.entries(day)), timeout=20_000)
