"""Dag aanvragen: children → day or period and day-part → payment with the server's cost
preview → summary → submit → result (the request is pending until the group decides)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.models.shared.formatting import (
    day_part_label,
    format_date,
    format_hours,
    format_money,
    format_weekday_date,
)
from desktop.models.shared.records import (
    ChildCredit,
    ExtraDayDraft,
    ExtraDayPayment,
    ExtraDayPreview,
    Policy,
    Profile,
)
from desktop.views.agenda.wizard_parts import ChildChoice, ResultPage, WhenPage
from desktop.views.shared.lock_guard import SessionWizard
from desktop.views.shared.theme import mark

if TYPE_CHECKING:
    from desktop.services.agenda.extra_days import ExtraDayService

__all__ = ["ExtraDayWizard"]

#: The longest period one request may cover when the portal does not say (docs/api.md).
MAX_PERIOD_DAYS = 31


class ChildrenPage(QWizardPage):
    def __init__(self, wizard: ExtraDayWizard) -> None:
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
        layout.addStretch(1)

    def child_ids(self) -> tuple[int, ...]:
        return self.choice.child_ids()

    def isComplete(self) -> bool:
        return bool(self.child_ids())


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
        self.credit = QLabel(self.tr("Loading your absence credit…"), self)
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
        names = {c.id: c.first_name for c in self._wizard.children}
        chosen = set(self._wizard.who.child_ids())
        parts = [self.tr("{name}: {hours}, for days until {date}").format(
                     name=names.get(c.child_id, "?"), hours=format_hours(c.available_minutes),
                     date=format_date(c.usable_until))
                 if c.usable_until else
                 self.tr("{name}: {hours}").format(name=names.get(c.child_id, "?"),
                                                   hours=format_hours(c.available_minutes))
                 for c in credits if c.child_id in chosen]
        self._credits = [c for c in credits if c.child_id in chosen]
        self.credit.setText(self.tr("Absence credit available — {list}").format(
            list=", ".join(parts)) if parts else self.tr("No absence credit available."))
        if self.preview is not None:  # the credit arrived after the preview
            self.show_preview(self.preview)

    def show_preview(self, preview: ExtraDayPreview) -> None:
        self.preview = preview
        self.error.hide()
        lines = [self._wizard.cost_lines(preview), *self._expiry_notes(preview)]
        self.preview_text.setText("\n".join(lines))
        self.completeChanged.emit()

    def _expiry_notes(self, preview: ExtraDayPreview) -> list[str]:
        """Why available credit is not used: it expires before the requested days."""
        if self.payment() is ExtraDayPayment.INVOICE:
            return []
        names = {c.id: c.first_name for c in self._wizard.children}
        notes = []
        for credit in self._credits:
            later = [i for i in preview.items if i.child_id == credit.child_id
                     and credit.usable_until is not None and i.date > credit.usable_until]
            if credit.available_minutes and later:
                notes.append(self.tr("{name}'s absence credit can only pay for days until "
                                     "{date}; later days go on the invoice.").format(
                    name=names.get(credit.child_id, "?"), date=format_date(credit.usable_until)))
        return notes

    def show_error(self, message: str) -> None:
        self.preview = None
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
        lines = [self._wizard.cost_lines(preview) if preview else "", "",
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
    """Requests extra days through :class:`ExtraDayService` (online only)."""

    def __init__(self, service: ExtraDayService, policy: Policy, profile: Profile | None,
                 online: bool, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extraDayWizard")
        self.setWindowTitle(self.tr("Request a day"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(600, 520)
        self.service = service
        self.online = online
        self.children = list(profile.children) if profile else []
        self.who = ChildrenPage(self)
        today = today or date.today()  # ``today`` is for tests
        earliest = today + timedelta(days=policy.extra_day_min_days_ahead)
        latest = today + timedelta(days=policy.extra_day_max_days_ahead)
        self.when = WhenPage(
            self.tr("Extra days can be requested from {min} to {max} days ahead: between "
                    "{first} and {last}.").format(
                min=policy.extra_day_min_days_ahead, max=policy.extra_day_max_days_ahead,
                first=format_date(earliest), last=format_date(latest)),
            earliest, earliest, latest,
            int(policy.other.get("extra_day_max_period_days", MAX_PERIOD_DAYS)),
            self.tr("Whole day (day care)"), self)
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

    def draft(self) -> ExtraDayDraft:
        first, last = self.when.range()
        return ExtraDayDraft(self.who.child_ids(), first, last, self.when.part(),
                             self.payment.payment())

    def cost_lines(self, preview: ExtraDayPreview) -> str:
        names = {c.id: c.first_name for c in self.children}
        lines = []
        for item in preview.items:
            paid = []
            if item.credit_minutes:
                paid.append(self.tr("{hours} from absence credit").format(
                    hours=format_hours(item.credit_minutes)))
            if item.invoice_cents:
                paid.append(self.tr("{amount} on the invoice").format(
                    amount=format_money(item.invoice_cents)))
            lines.append(f"• {format_weekday_date(item.date)}, {names.get(item.child_id, '?')}, "
                         f"{day_part_label(item.day_part.value)} "
                         f"{item.start.strftime('%H:%M')}–{item.end.strftime('%H:%M')}: "
                         + (", ".join(paid) or self.tr("free")))
        reasons = {"weekend": self.tr("weekend"), "closing_day": self.tr("closing day"),
                   "not_offered": self.tr("not offered on that day"),
                   "already_planned": self.tr("already planned"),
                   "already_requested": self.tr("already requested")}
        for skipped in preview.skipped:
            lines.append(self.tr("Left out: {date}, {name} ({reason})").format(
                date=format_date(skipped.date), name=names.get(skipped.child_id, "?"),
                reason=reasons.get(skipped.reason, skipped.reason)))
        lines.append(self.tr("Total: {hours}; {credit} from absence credit, {amount} on the "
                             "invoice.").format(hours=format_hours(preview.total_minutes),
                                                credit=format_hours(preview.credit_minutes),
                                                amount=format_money(preview.invoice_cents)))
        return "\n".join(lines)

    def _requested(self, requests: list) -> None:
        names = {c.id: c.first_name for c in self.children}
        lines = [self.tr("Your request has been submitted and is waiting for the group's "
                         "decision. Follow its status in the request overview.")]
        for request in requests:
            days = format_weekday_date(request.first_date)
            if request.last_date != request.first_date:
                days = self.tr("{first} to {last}").format(
                    first=days, last=format_weekday_date(request.last_date))
            lines.append(self.tr("• {name}, {days}: requested, not decided yet").format(
                name=names.get(request.child_id, "?"), days=days))
        self.result.show_result("\n".join(lines))

    def _failed(self, message: str) -> None:
        if self.currentPage() is self.result:
            self.result.show_result(self.tr("The request was not accepted. {message}").format(
                message=message))
