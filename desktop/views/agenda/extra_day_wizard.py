"""Dag aanvragen: children → day or period, and each child's day-part → payment with the
server's cost preview and the credit usable for those days → summary → submit → result (the
request is pending until the group decides).

Each child gets its own day-part, out of the ones its care type has (a KDV child the whole day,
a BSO child after school), so one request covers children with different care.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.models.agenda.care import (
    children_in_care,
    day_parts_of,
    extra_day_window,
    offers_whole_day,
)
from desktop.models.agenda.extra_day_text import cost_lines, credit_lines, expiry_notes
from desktop.models.shared import clock
from desktop.models.shared.formatting import day_part_label, format_date, format_weekday_date
from desktop.models.shared.records import (
    Child,
    ChildCredit,
    DayPart,
    ExtraDayDraft,
    ExtraDayPayment,
    ExtraDayPreview,
    Profile,
)
from desktop.views.agenda.wizard_parts import ChildChoice, ResultPage, WhenPage, first_open_day
from desktop.views.shared.lock_guard import SessionWizard
from desktop.views.shared.theme import mark
from desktop.views.shared.wizard import prepare_wizard

if TYPE_CHECKING:
    from desktop.services.agenda.extra_days import ExtraDayService
    from desktop.services.agenda.service import AgendaService

__all__ = ["ExtraDayWizard"]

#: The longest period one request may cover when the portal does not say (docs/api.md).
MAX_PERIOD_DAYS = 31


class ChildrenPage(QWizardPage):
    def __init__(self, wizard: ExtraDayWizard, left_out: list[Child]) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Children"))
        self.setSubTitle(self.tr("For whom do you request extra care?"))
        layout = QVBoxLayout(self)
        if not wizard.online:
            offline = mark(QLabel(self.tr(
                "There is no connection with the portal. Extra days need a connection: the "
                "portal works out the cost with your current absence credit."), self), "warning")
            offline.setObjectName("offline")
            offline.setWordWrap(True)
            layout.addWidget(offline)
        self.choice = ChildChoice(wizard.children, self)
        self.choice.changed.connect(self.completeChanged)
        self.boxes = self.choice.boxes
        layout.addWidget(self.choice)
        if left_out:
            note = mark(QLabel(self.tr(
                "No extra days for {names}: the contract has ended (or ends before the "
                "first day that can be requested).").format(
                names=", ".join(c.first_name for c in left_out)), self), "muted")
            note.setObjectName("leftOut")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addStretch(1)

    def child_ids(self) -> tuple[int, ...]:
        return self.choice.child_ids()

    def isComplete(self) -> bool:
        return bool(self.child_ids())


class ExtraDayWhenPage(WhenPage):
    """The days, and a day-part per chosen child out of the parts its care type has."""

    def __init__(self, wizard: ExtraDayWizard, subtitle: str, start: date, earliest: date,
                 latest: date, max_days: int) -> None:
        super().__init__(subtitle, start, earliest, latest, max_days, None, parent=wizard)
        self._wizard = wizard
        self.parts_heading = mark(QLabel(self.tr("Day-part per child"), self), "fieldLabel")
        self.form.addRow(self.parts_heading)
        self.part_boxes: dict[int, QComboBox] = {}
        self._touched: set[int] = set()
        self._proposed = start  # the first day as the wizard chose it, until the parent does
        self.first.dateChanged.connect(self._update_defaults)

    def initializePage(self) -> None:
        chosen = self._wizard.who.child_ids()
        if self.first.day == self._proposed:
            # Not a day the chosen children come anyway (known from the months on this computer).
            self._proposed = self._wizard.first_free_day(self.first.day, chosen)
            self.first.set_day(self._proposed)
        for child_id in [c for c in self.part_boxes if c not in chosen]:
            box = self.part_boxes.pop(child_id)
            self.form.removeRow(box)
        for child in self._wizard.children:
            if child.id in chosen and child.id not in self.part_boxes:
                self._add_child(child)
        self._update_defaults()

    def _add_child(self, child: Child) -> None:
        box = QComboBox(self)
        box.setObjectName(f"dayPart{child.id}")
        box.setAccessibleName(self.tr("Day-part for {name}").format(name=child.first_name))
        parts = day_parts_of(child, self.first.day)
        if offers_whole_day(parts):
            box.addItem(self.tr("Whole day"), None)
        for part in parts:
            box.addItem(day_part_label(part.value).capitalize(), part.value)
        box.activated.connect(lambda _index, child_id=child.id: self._touched.add(child_id))
        self.part_boxes[child.id] = box
        label = QLabel(child.first_name, self)
        label.setBuddy(box)
        self.form.addRow(label, box)

    def _update_defaults(self) -> None:
        """Each child's usual day-part for these days, unless the parent chose one: the whole
        day where the care type has it, otherwise after school — holiday care in a school
        holiday."""
        holiday = self._wizard.in_school_holiday(self.first.day)
        for child_id, box in self.part_boxes.items():
            if child_id in self._touched:
                continue
            if box.itemData(0) is None:  # the whole day
                box.setCurrentIndex(0)
                continue
            wanted = DayPart.VAKANTIE.value if holiday else DayPart.NSO.value
            box.setCurrentIndex(max(0, box.findData(wanted)))

    def day_parts(self) -> tuple[tuple[int, DayPart | None], ...]:
        return tuple((child_id, DayPart(box.currentData()) if box.currentData() else None)
                     for child_id, box in self.part_boxes.items())


class PaymentPage(QWizardPage):
    def __init__(self, wizard: ExtraDayWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Payment"))
        self.setSubTitle(self.tr("Pay with absence credit (oldest credit first), on the "
                                 "invoice, or both. The cost is worked out by the portal."))
        self.buttons: dict[ExtraDayPayment, QRadioButton] = {}
        group = QButtonGroup(self)
        texts = {ExtraDayPayment.MIXED: self.tr("Absence credit first, the rest on the invoice"),
                 ExtraDayPayment.CREDIT: self.tr("Only absence credit"),
                 ExtraDayPayment.INVOICE: self.tr("On the invoice")}
        layout = QVBoxLayout(self)
        self.credit = QLabel(self.tr("Working out the absence credit for these days…"), self)
        self.credit.setObjectName("credit")
        self.credit.setWordWrap(True)
        layout.addWidget(self.credit)
        for payment, text in texts.items():
            button = QRadioButton(text, self)
            button.setObjectName(f"payment_{payment.value}")
            group.addButton(button)
            self.buttons[payment] = button
            layout.addWidget(button)
            button.toggled.connect(self._payment_changed)
        self.buttons[ExtraDayPayment.MIXED].setChecked(True)
        self.credit_only_note = mark(QLabel("", self), "muted")
        self.credit_only_note.setObjectName("creditOnlyNote")
        self.credit_only_note.setWordWrap(True)
        self.credit_only_note.hide()
        layout.insertWidget(layout.indexOf(self.buttons[ExtraDayPayment.CREDIT]) + 1,
                            self.credit_only_note)
        self.preview_text = QLabel("", self)
        self.preview_text.setObjectName("preview")
        self.preview_text.setWordWrap(True)
        self.error = mark(QLabel("", self), "error")
        self.error.setObjectName("previewError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.preview_text)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.preview: ExtraDayPreview | None = None
        self._credits: list[ChildCredit] = []

    def payment(self) -> ExtraDayPayment:
        return next(p for p, b in self.buttons.items() if b.isChecked())

    def initializePage(self) -> None:
        self._wizard.service.load_credit()
        self._ask()

    def _payment_changed(self, checked: bool) -> None:
        if checked and self._wizard.currentPage() is self:
            self._ask()

    def _ask(self) -> None:
        self.preview = None
        self.error.hide()
        self.preview_text.setText(self.tr("Working out the cost…"))
        self.completeChanged.emit()
        self._wizard.service.preview(self._wizard.draft())

    def show_credit(self, credits: list[ChildCredit]) -> None:
        chosen = set(self._wizard.who.child_ids())
        self._credits = [c for c in credits if c.child_id in chosen]
        if self.preview is not None:  # the credit arrived after the preview
            self.show_preview(self.preview)

    def show_preview(self, preview: ExtraDayPreview) -> None:
        self.preview = preview
        self.error.hide()
        names = self._wizard.names()
        self.credit.setText("\n".join(credit_lines(preview, self._credits, names)))
        short = [c for c in {i.child_id for i in preview.items}
                 if preview.credit_usable_minutes.get(c, 0) < preview.minutes_of(c)]
        credit_only = self.buttons[ExtraDayPayment.CREDIT]
        credit_only.setEnabled(not short or credit_only.isChecked())
        self.credit_only_note.setText(self.tr(
            "Only absence credit is not possible: there is not enough credit for these days "
            "({names}).").format(names=", ".join(names.get(c, "?") for c in sorted(short)))
            if short else "")
        self.credit_only_note.setVisible(bool(short))
        notes = expiry_notes(preview, self._credits, names) \
            if self.payment() is not ExtraDayPayment.INVOICE else []
        self.preview_text.setText("\n".join([cost_lines(preview, names), *notes]))
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.preview = None
        self.credit.setText("")
        self.preview_text.setText("")
        self.error.setText(message)
        self.error.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None and bool(self.preview.items)


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ExtraDayWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check and submit"))
        self.setSubTitle(self.tr("The request goes to the group for approval."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Submit request"))
        self.text = QLabel("", self)
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:
        preview = self._wizard.payment.preview
        lines = [cost_lines(preview, self._wizard.names()) if preview else "", "",
                 self.tr("The group decides on the request; follow its status in the request "
                         "overview. A pending request can be withdrawn there."),
                 self.tr("Approved extra care cannot be cancelled."),
                 self.tr("Extra days are invoiced afterwards, on the invoice after the month of "
                         "care (collected by direct debit if you gave a mandate).")]
        self.text.setText("\n".join(lines))

    def validatePage(self) -> bool:
        self._wizard.service.submit(self._wizard.draft())
        return True


class ExtraDayWizard(SessionWizard):
    """Requests extra days through :class:`ExtraDayService` (online only); the agenda service
    gives the policy and the months known here (closing days, school holidays)."""

    def __init__(self, service: ExtraDayService, agenda: AgendaService, profile: Profile | None,
                 online: bool, parent: QWidget | None = None, *,
                 start: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extraDayWizard")
        self.setWindowTitle(self.tr("Request a day"))
        prepare_wizard(self, 640, 560)
        self.service = service
        self._agenda = agenda
        self.online = online
        self._today = clock.today()
        policy = agenda.policy
        earliest, latest = extra_day_window(policy, self._today)
        family = list(profile.children) if profile else []
        self.children = children_in_care(family, earliest)
        self.who = ChildrenPage(self, [c for c in family if c not in self.children])
        first = first_open_day(max(start or earliest, earliest), latest, self._closed)
        self.when = ExtraDayWhenPage(
            self, self.tr("Extra days can be requested from {min} to {max} days ahead: between "
                          "{first} and {last}.").format(
                min=policy.extra_day_min_days_ahead, max=policy.extra_day_max_days_ahead,
                first=format_date(earliest), last=format_date(latest)),
            first, earliest, latest,
            int(policy.other.get("extra_day_max_period_days", MAX_PERIOD_DAYS)))
        self.payment = PaymentPage(self)
        self.summary = SummaryPage(self)
        self.result = ResultPage(self)
        for page in (self.who, self.when, self.payment, self.summary, self.result):
            self.addPage(page)
        service.creditChanged.connect(self.payment.show_credit)
        service.previewReady.connect(self.payment.show_preview)
        service.previewFailed.connect(self.payment.show_error)
        service.requested.connect(self._requested)
        service.requestFailed.connect(self._failed)

    def names(self) -> dict[int, str]:
        return {c.id: c.first_name for c in self.children}

    def draft(self) -> ExtraDayDraft:
        first, last = self.when.range()
        return ExtraDayDraft(self.who.child_ids(), first, last, None, self.payment.payment(),
                             day_parts=self.when.day_parts())

    def first_free_day(self, start: date, child_ids: tuple[int, ...]) -> date:
        """The first open day from ``start`` on when some of ``child_ids`` have no care
        planned (a day they all come anyway cannot be requested)."""
        latest = extra_day_window(self._agenda.policy, self._today)[1]
        day = start
        while day < latest:
            day = first_open_day(day, latest, self._closed)
            planned = {p.child_id for a in self._agenda.agenda_for(day, day)
                       for p in a.day(day).planned}
            if not set(child_ids) <= planned:
                return day
            day += timedelta(days=1)
        return start

    def in_school_holiday(self, day: date) -> bool:
        return any(a.day(day).school_holiday for a in self._agenda.agenda_for(day, day))

    def _closed(self, day: date) -> bool:
        return any(a.day(day).closing_days for a in self._agenda.agenda_for(day, day))

    def _requested(self, requests: list) -> None:
        names = self.names()
        lines = [self.tr("Your request has been submitted and is waiting for the group's "
                         "decision. Follow its status in the request overview.")]
        for request in requests:
            days = format_weekday_date(request.first_date)
            if request.last_date != request.first_date:
                days = self.tr("{first} to {last}").format(
                    first=days, last=format_weekday_date(request.last_date))
            part = day_part_label(request.day_part.value) if request.day_part \
                else self.tr("whole day")
            lines.append(self.tr("• {name}, {days}, {part}: requested, not decided yet").format(
                name=names.get(request.child_id, "?"), days=days, part=part))
        self.result.show_result("\n".join(lines))

    def _failed(self, message: str) -> None:
        if self.currentPage() is self.result:
            self.result.show_result(self.tr("The request was not accepted. {message}").format(
                message=message))
