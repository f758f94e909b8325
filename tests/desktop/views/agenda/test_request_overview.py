"""The request overview dialog (issue 14): cancelling a report's whole day at once, with the
day, children and day-parts in the question and what the portal's preview says the cancel does
to the credit and the extra days it pays (issue 10); disabled up front within the policy's
days, with the location's phone and e-mail as links."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from view_fakes import (
    CENTRUM,
    VIEW_TODAY,
    WEST,
    FakeAgenda,
    FakeExtraDays,
    extra_day_request,
    parent_profile,
)

from desktop.api.absences.records import (
    Absence,
    AbsenceDraft,
    CancelPreview,
    QueuedAbsence,
    RepricedExtraDay,
)
from desktop.api.agenda.records import AbsenceReason, DayPart
from desktop.api.extra_days.records import ExtraDayStatus
from desktop.views.agenda.request_overview import RequestOverviewDialog

EMMA, DAAN = 1, 2
AT = datetime(2026, 11, 1, 9, tzinfo=UTC)


def absence(absence_id: int, child: int, part: DayPart, day: date,
            minutes: int | None = None) -> Absence:
    return Absence(absence_id, child, day, part, AbsenceReason.ZIEK, None, "Sanne de Vries", AT,
                   False, minutes, None)


def day_of_two(day: date) -> list[Absence]:
    return [absence(1, EMMA, DayPart.OCHTEND, day, 330), absence(2, EMMA, DayPart.MIDDAG, day,
                                                                 300),
            absence(3, DAAN, DayPart.NSO, day)]


@pytest.fixture
def agenda() -> FakeAgenda:
    return FakeAgenda()


@pytest.fixture
def dialog(qtbot, agenda):
    dialog = RequestOverviewDialog(agenda, FakeExtraDays(), parent_profile())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def show(dialog, agenda, absences: list[Absence]) -> None:
    agenda.absencesChanged.emit(absences, [])
    dialog.select_row(0)


def answering(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Every question asked is answered with ``answer``; the list collects their texts."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: asked.append(text) or answer)
    return asked


def previewed(qtbot, agenda, asked: list[str], *extra_days: RepricedExtraDay,
              ids: tuple[int, ...] = (1, 2, 3)) -> None:
    """The portal's preview of cancelling ``ids`` arrives; the question follows."""
    assert agenda.previewed == [ids]  # the whole line's absences, previewed together
    agenda.cancelPreviewed.emit(CancelPreview(ids, 630, extra_days, sum(
        d.invoice_cents - d.invoice_cents_before for d in extra_days)))
    qtbot.waitUntil(lambda: bool(asked))


def test_one_report_for_two_children_is_cancelled_in_one_go(qtbot, dialog, agenda,
                                                            monkeypatch) -> None:
    day = VIEW_TODAY + timedelta(days=agenda.policy.cancel_absence_min_days)
    show(dialog, agenda, day_of_two(day))
    assert dialog.proxy.rowCount() == 1
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    assert not dialog.cancel_button.isEnabled() and agenda.cancelled == []  # preview first
    friday = RepricedExtraDay(9, ExtraDayStatus.PENDING, day + timedelta(days=3),
                              DayPart.OCHTEND, 330, 330, 0, 0, 6320)
    previewed(qtbot, agenda, asked, friday)
    [question] = asked
    assert question.startswith("Are you sure you want to cancel this request?")
    assert "• Emma: whole day" in question and "• Daan: after school" in question
    assert "your children are expected as usual" in question
    assert "The 10.5 hours of absence credit it earned are withdrawn." in question
    assert "5.5 hours of it move to the invoice, €63.20 more." in question
    assert agenda.cancelled == [(1, 2, 3)]  # every child and day-part of that day at once
    agenda.absencesCancelled.emit(day_of_two(day))
    assert dialog.notice.isVisible() and dialog.notice.text() == "The day is planned again."


def test_no_is_no(qtbot, dialog, agenda, monkeypatch) -> None:
    show(dialog, agenda, day_of_two(VIEW_TODAY + timedelta(days=40)))
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    dialog.cancel_button.click()
    previewed(qtbot, agenda, asked)
    assert agenda.cancelled == []
    assert dialog.cancel_button.isEnabled()


def test_a_preview_for_another_line_asks_nothing(qtbot, dialog, agenda, monkeypatch) -> None:
    show(dialog, agenda, day_of_two(VIEW_TODAY + timedelta(days=40)))
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.cancel_button.click()
    agenda.cancelPreviewed.emit(CancelPreview((1, 2), 630, (), 0))  # not this line's ids
    qtbot.wait(20)
    assert asked == [] and agenda.cancelled == []


def test_within_the_policys_days_cancel_is_disabled_with_the_locations_links(
        dialog, agenda) -> None:
    day = VIEW_TODAY + timedelta(days=agenda.policy.cancel_absence_min_days - 1)
    show(dialog, agenda, day_of_two(day))
    assert not dialog.cancel_button.isEnabled()
    text = dialog.explanation.text()
    assert "Less than 30 days before the day" in text
    # Emma goes to Centrum, Daan to West: both are named, phone and e-mail as links.
    for location in (CENTRUM, WEST):
        digits = "".join(ch for ch in location.phone if ch.isdigit())
        assert location.name in text
        assert f'href="tel:{digits}"' in text and f'href="mailto:{location.email}"' in text


def test_a_refusal_goes_in_the_message_and_the_button_comes_back(qtbot, dialog, agenda,
                                                                 monkeypatch) -> None:
    show(dialog, agenda, day_of_two(VIEW_TODAY + timedelta(days=40)))
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.cancel_button.click()
    previewed(qtbot, agenda, asked)
    assert not dialog.cancel_button.isEnabled()
    agenda.cancelFailed.emit("The portal refused this.")
    assert dialog.message.isVisible() and dialog.message.text() == "The portal refused this."
    assert dialog.cancel_button.isEnabled()


def test_no_column_is_cut_off_in_a_narrow_window(qtbot, dialog, agenda) -> None:
    extra_days = dialog._extra_days  # noqa: SLF001
    show(dialog, agenda, day_of_two(VIEW_TODAY + timedelta(days=40)))
    long_reason = "Op die vrijdag is de groep vol door een uitje; een andere dag kan wel. " * 2
    extra_days.requestsChanged.emit([extra_day_request(8, ExtraDayStatus.REJECTED,
                                                       VIEW_TODAY, long_reason)])
    dialog.show_all.setChecked(True)
    dialog.resize(700, 500)  # narrow, as on a 1024 px screen in Dutch (its font is wider)
    qtbot.waitUntil(lambda: dialog.table.width() < 700)
    table = dialog.table
    wrapping = (dialog.model.Column.DayPart, dialog.model.Column.Status)
    for column in range(dialog.proxy.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column) or \
            column in wrapping, column
    # The day-parts and the status take the rest and wrap: rows are as high as they need.
    qtbot.waitUntil(lambda: all(table.rowHeight(row) >= table.sizeHintForRow(row)
                                for row in range(dialog.proxy.rowCount())))
    assert table.horizontalScrollBar().maximum() == 0  # nothing beyond the right edge either


def waiting_report(day: date) -> QueuedAbsence:
    return QueuedAbsence(41, AbsenceDraft((EMMA,), day, day, DayPart.OCHTEND,
                                          AbsenceReason.ZIEK), AT)


@pytest.mark.parametrize("sent", [False, True], ids=["waiting", "on its way"])
def test_a_report_waiting_on_this_computer_can_be_withdrawn(dialog, agenda, monkeypatch,
                                                             sent) -> None:
    agenda.withdraw_problem = "This report is being sent right now." if sent else None
    agenda.absencesChanged.emit([], [waiting_report(VIEW_TODAY + timedelta(days=3))])
    dialog.select_row(0)
    assert not dialog.cancel_button.isVisible()
    assert dialog.withdraw_button.isVisible() and dialog.withdraw_button.isEnabled()
    assert "Until then you can withdraw it." in dialog.explanation.text()
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.withdraw_button.click()
    assert "it will not be sent" in asked[0]
    assert agenda.withdrawn == [41]
    if sent:
        assert dialog.message.isVisible() and "being sent right now" in dialog.message.text()
    else:
        assert dialog.notice.text() == "The report has been withdrawn; nothing was sent."


def test_a_refused_report_is_removed_not_withdrawn(dialog, agenda) -> None:
    refused = replace(waiting_report(VIEW_TODAY + timedelta(days=3)), refusal="Gesloten")
    agenda.absencesChanged.emit([], [refused])
    dialog.select_row(0)
    assert not dialog.withdraw_button.isVisible()
    assert dialog.dismiss_button.isVisible()


def test_the_selected_line_stays_selected_when_the_lists_load_again(dialog, agenda) -> None:
    day = VIEW_TODAY + timedelta(days=40)
    agenda.absencesChanged.emit(day_of_two(day), [waiting_report(day + timedelta(days=1))])
    row = next(r for r in range(dialog.proxy.rowCount())
               if dialog.proxy.index(r, 0).data(dialog.model.RowRole).absences)
    dialog.select_row(row)
    dialog._extra_days.requestsChanged.emit(  # noqa: SLF001 (the extra days arrive later)
        [extra_day_request(8, ExtraDayStatus.PENDING, day + timedelta(days=2))])
    assert [a.id for a in dialog.selected().absences] == [1, 2, 3]
    assert dialog.cancel_button.isEnabled()
