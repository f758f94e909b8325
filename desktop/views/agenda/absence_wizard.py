"""Afwezigheid doorgeven: date or period and day-part → children → reason → summary → result.

Each page says why Next is not available yet; nothing is sent before "Aanvraag indienen" on the
summary, which shows exactly which day-parts are reported, whether each earns absence credit
(and until when it can be used), and until when the report can be cancelled.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.models.agenda.absence_plan import AMSTERDAM, PlannedAbsence, plan_absence
from desktop.models.agenda.care import children_in_care, day_parts_of
from desktop.models.shared import clock
from desktop.models.shared.formatting import (
    absence_reason_label,
    day_part_label,
    format_date,
    format_hours,
    format_weekday_date,
)
from desktop.models.shared.records import AbsenceDraft, AbsenceReason, DayPart, Profile
from desktop.views.agenda.wizard_parts import ChildChoice, ResultPage, WhenPage, hint_label
from desktop.views.shared.lock_guard import SessionWizard
from desktop.views.shared.theme import mark
from desktop.views.shared.wizard import prepare_wizard

if TYPE_CHECKING:
    from desktop.services.agenda.service import AgendaService

__all__ = ["AbsenceWizard"]

#: The longest note and period a report may have (the portal's limits, docs/api.md).
NOTE_LIMIT = 500
PERIOD_LIMIT = 366


class ChildrenPage(QWizardPage):
    def __init__(self, wizard: AbsenceWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Children"))
        self.setSubTitle(self.tr("Who will not come?"))
        self.choice = ChildChoice(wizard.children, self)
        self.choice.changed.connect(self._changed)
        self.boxes = self.choice.boxes
        self.hint = hint_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def child_ids(self) -> tuple[int, ...]:
        return self.choice.child_ids()

    def initializePage(self) -> None:
        self._changed()

    def _changed(self) -> None:
        self.completeChanged.emit()
        if not self.child_ids():
            self.hint.setText(self.tr("Choose at least one child."))
            return
        plan = self._wizard.plan()
        if plan is None:
            self.hint.setText(self.tr(
                "This period has not been loaded on this computer yet; the portal checks which "
                "day-parts are planned when the report arrives."))
        elif not [p for p in plan if not p.already_reported]:
            self.hint.setText(self.tr(
                "The chosen children are not planned on these days (or their absence has "
                "already been reported). Choose other days or another child."))
        else:
            self.hint.setText("")

    def isComplete(self) -> bool:
        if not self.child_ids():
            return False
        plan = self._wizard.plan()
        return plan is None or any(not p.already_reported for p in plan)


class ReasonPage(QWizardPage):
    def __init__(self, wizard: AbsenceWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Reason"))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[AbsenceReason, QRadioButton] = {}
        for reason in AbsenceReason:
            button = QRadioButton(absence_reason_label(reason.value).capitalize(), self)
            button.setObjectName(f"reason_{reason.value}")
            self.group.addButton(button)
            self.buttons[reason] = button
            layout.addWidget(button)
            button.toggled.connect(self.completeChanged)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Note for the group"))
        self.note.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.note.setPlaceholderText(self.tr("Note for the group (optional)"))
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._note_changed)
        self.hint = hint_label(self)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if len(self._wizard.who.child_ids()) > 1:
            self.setSubTitle(self.tr("Why will your children not come? The group sees the "
                                     "reason and your note."))
        else:
            self.setSubTitle(self.tr("Why will your child not come? The group sees the reason "
                                     "and your note."))

    def reason(self) -> AbsenceReason | None:
        return next((r for r, b in self.buttons.items() if b.isChecked()), None)

    def _note_changed(self) -> None:
        length = len(self.note.toPlainText())
        self.hint.setText(self.tr("The note is {n} characters; at most {max} fit.").format(
            n=length, max=NOTE_LIMIT) if length > NOTE_LIMIT else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.reason() is not None and len(self.note.toPlainText()) <= NOTE_LIMIT


class SummaryPage(QWizardPage):
    def __init__(self, wizard: AbsenceWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check and submit"))
        self.setSubTitle(self.tr("This is what happens when you submit."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Submit request"))
        self.text = QLabel("", self)
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        self.error = mark(QLabel("", self), "error")
        self.error.setObjectName("notSaved")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        self.text.setText(self._wizard.summary_text())

    def validatePage(self) -> bool:
        # Not kept on disk (a full disk): stay here with everything typed, and say why.
        return self._wizard.submit()


class AbsenceWizard(SessionWizard):
    """Reports an absence through the agenda service (and so through the outbox)."""

    def __init__(self, agenda: AgendaService, profile: Profile | None, start: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = clock.today()
        self.setObjectName("absenceWizard")
        self.setWindowTitle(self.tr("Report absence"))
        prepare_wizard(self, 600, 500)
        self._agenda = agenda
        self._outbox_id: int | None = None
        today = self._today
        self.children = children_in_care(profile.children if profile else (), today)
        parts = sorted({p for c in self.children for p in day_parts_of(c, today)},
                       key=list(DayPart).index)
        first_day = max(start or today, today)
        self.when = WhenPage(
            self.tr("Choose the day or the period, and the day-part if it is not the whole "
                    "day."), first_day, today, None, PERIOD_LIMIT,
            self.tr("Every planned day-part"), parts, parent=self)
        self.who = ChildrenPage(self)
        self.why = ReasonPage(self)
        self.summary = SummaryPage(self)
        self.result = ResultPage(self)
        for page in (self.when, self.who, self.why, self.summary, self.result):
            self.addPage(page)
        agenda.absenceReported.connect(self._reported)
        agenda.absenceQueued.connect(self._queued)
        agenda.absenceRefused.connect(self._refused)
        agenda.absenceNotSaved.connect(self._not_saved)

    def draft(self) -> AbsenceDraft:
        first, last = self.when.range()
        return AbsenceDraft(self.who.child_ids(), first, last, self.when.part(),
                            self.why.reason() or AbsenceReason.OVERIG,
                            self.why.note.toPlainText().strip())

    def plan(self) -> list[PlannedAbsence] | None:
        """The planned day-parts the report covers; None when the period is not known here."""
        first, last = self.when.range()
        months = self._agenda.agenda_for(first, last)
        needed = (last.year - first.year) * 12 + last.month - first.month + 1
        if len(months) < needed:
            return None
        return plan_absence(self.draft(), months, self._agenda.policy,
                            datetime.now().astimezone())

    def summary_text(self) -> str:
        draft = self.draft()
        names = {c.id: c.first_name for c in self.children}
        policy = self._agenda.policy
        lines = [self.tr("Reason: {reason}").format(
            reason=absence_reason_label(draft.reason.value))]
        if draft.note:
            lines.append(self.tr("Note: {note}").format(note=draft.note))
        plan = self.plan()
        if plan is None:
            lines.append(self.tr(
                "The portal reports every planned day-part of {children} from {first} up to and "
                "including {last}.").format(children=", ".join(names[c] for c in draft.child_ids),
                                            first=format_date(draft.first_date),
                                            last=format_date(draft.last_date)))
            lines.append(self.tr(
                "Reported at least {hours} hours before care starts, a day-part earns absence "
                "credit.").format(hours=policy.absence_credit_notice_hours))
            return "\n".join(lines)
        lines.append("")
        for item in plan:
            if item.already_reported:
                continue
            when = f"{format_weekday_date(item.day)}, {names.get(item.child_id, '?')}, " \
                   f"{day_part_label(item.day_part.value)}"
            if item.earns_credit:
                credit = self.tr(
                    "earns {hours} of absence credit (reported more than {notice} hours ahead, "
                    "before {deadline}); usable until {expires}").format(
                    hours=format_hours(item.minutes), notice=policy.absence_credit_notice_hours,
                    deadline=_moment(item.credit_deadline),
                    expires=format_date(item.credit_expires_on))
            else:
                credit = self.tr(
                    "no absence credit: less than {notice} hours before care starts").format(
                    notice=policy.absence_credit_notice_hours)
            lines.append(f"• {when}: {credit}.")
        skipped = [p for p in plan if p.already_reported]
        if skipped:
            lines.append(self.tr("Left out because they were already reported: {n} "
                                 "(see the request overview).").format(n=len(skipped)))
        reported = [p for p in plan if not p.already_reported]
        if reported:
            last_cancel = min(p.cancel_until for p in reported)
            lines.append("")
            if last_cancel >= self._today:
                lines.append(self.tr(
                    "You can cancel this in the request overview until {date} ({days} days "
                    "before). After that, contact the location.").format(
                    date=format_date(last_cancel), days=policy.cancel_absence_min_days))
            else:
                lines.append(self.tr(
                    "This can no longer be cancelled in the app: less than {days} days remain. "
                    "To change it, contact the location.").format(
                    days=policy.cancel_absence_min_days))
        return "\n".join(lines)

    def submit(self) -> bool:
        """Hand the report to the agenda; False (and the reason shown) when it was not kept."""
        self.summary.error.hide()
        self._outbox_id = self._agenda.report_absence(self.draft())
        return self._outbox_id is not None

    def _not_saved(self, message: str) -> None:
        self.summary.error.setText(message)
        self.summary.error.show()

    def _reported(self, outbox_id: int, absences: list) -> None:
        if outbox_id != self._outbox_id:
            return
        earned = sum(a.credit_minutes or 0 for a in absences)
        text = self.tr("The absence has been reported. Day-parts: {n}.").format(
            n=len(absences))
        if earned:
            text += " " + self.tr("It earned {hours} of absence credit.").format(
                hours=format_hours(earned))
        self.result.show_result(text)

    def _queued(self, outbox_id: int) -> None:
        if outbox_id == self._outbox_id and not self.result.isComplete():
            self.result.show_result(self.tr(
                "There is no connection with the portal right now. The absence is saved on this "
                "computer (waiting for a connection) and is sent automatically as soon as the "
                "portal can be reached — also after restarting the app."))

    def _refused(self, outbox_id: int, message: str) -> None:
        if outbox_id == self._outbox_id:
            self.result.show_result(self.tr("The absence was not accepted. {message}").format(
                message=message))


def _moment(moment: datetime) -> str:
    # Dutch time: care starts at 07:30 in the Netherlands, whatever zone this computer is in.
    local = moment.astimezone(AMSTERDAM)
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM") + " " + \
        local.strftime("%H:%M")
