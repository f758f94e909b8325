"""What the extra-day wizard says about a cost preview, in words: the day-parts and what each
costs, the days left out (once per day and child, whatever the number of day-parts), and the
absence credit that can pay for exactly these days — with what expires before them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from desktop.api.absences.records import ChildCredit
from desktop.api.extra_days.records import ExtraDayPreview
from desktop.models.shared.formatting import (
    day_part_label,
    format_date,
    format_hours,
    format_money,
    format_weekday_date,
)

__all__ = ["cost_lines", "credit_lines", "expiry_notes"]



def _skip_reason(reason: str) -> str:
    reasons = {"weekend": QCoreApplication.translate("ExtraDayText", "weekend"),
               "closing_day": QCoreApplication.translate("ExtraDayText", "closing day"),
               "not_offered": QCoreApplication.translate("ExtraDayText",
                                                         "not offered on that day"),
               "already_planned": QCoreApplication.translate("ExtraDayText",
                                                             "already planned"),
               "already_requested": QCoreApplication.translate("ExtraDayText",
                                                               "already requested")}
    return reasons.get(reason, reason)


def cost_lines(preview: ExtraDayPreview, names: Mapping[int, str]) -> str:
    """One line per day-part with its payment, one per left-out day, and the total."""
    lines = []
    for item in preview.items:
        paid = []
        if item.credit_minutes:
            paid.append(QCoreApplication.translate(
                "ExtraDayText", "{hours} from absence credit").format(
                hours=format_hours(item.credit_minutes)))
        if item.invoice_cents:
            paid.append(QCoreApplication.translate(
                "ExtraDayText", "{amount} on the invoice").format(
                amount=format_money(item.invoice_cents)))
        free = QCoreApplication.translate("ExtraDayText", "free")
        lines.append(f"• {format_weekday_date(item.date)}, {names.get(item.child_id, '?')}, "
                     f"{day_part_label(item.day_part.value)} "
                     f"{item.start.strftime('%H:%M')}–{item.end.strftime('%H:%M')}: "
                     + (", ".join(paid) or free))
    # A closed day of a whole-day request skips two day-parts: say it once.
    left_out: dict[tuple, None] = {}
    for skipped in sorted(preview.skipped, key=lambda s: (s.date, s.child_id)):
        left_out[(skipped.date, skipped.child_id, skipped.reason)] = None
    for day, child_id, reason in left_out:
        lines.append(QCoreApplication.translate(
            "ExtraDayText", "Left out: {date}, {name} ({reason})").format(
            date=format_date(day), name=names.get(child_id, "?"), reason=_skip_reason(reason)))
    lines.append(QCoreApplication.translate(
        "ExtraDayText", "Total: {hours}; {credit} from absence credit, {amount} on the "
        "invoice.").format(hours=format_hours(preview.total_minutes),
                           credit=format_hours(preview.credit_minutes),
                           amount=format_money(preview.invoice_cents)))
    return "\n".join(lines)


def credit_lines(preview: ExtraDayPreview, credits: Sequence[ChildCredit],
                 names: Mapping[int, str]) -> list[str]:
    """Per child of the request: the credit usable for these days (the portal's figure) next
    to what they need, and the credit that expires before the first of them."""
    lines = [QCoreApplication.translate("ExtraDayText", "Absence credit for these days:")]
    by_child = {c.child_id: c for c in credits}
    for child_id in sorted({i.child_id for i in preview.items}):
        name = names.get(child_id, "?")
        usable = preview.credit_usable_minutes.get(child_id, 0)
        needed = preview.minutes_of(child_id)
        if usable:
            line = QCoreApplication.translate(
                "ExtraDayText", "• {name}: {usable} usable (needed: {needed})").format(
                name=name, usable=format_hours(usable), needed=format_hours(needed))
        else:
            line = QCoreApplication.translate("ExtraDayText", "• {name}: none usable").format(
                name=name)
        first_day = min(i.date for i in preview.items if i.child_id == child_id)
        credit = by_child.get(child_id)
        for expires, minutes in (credit.expiring_before(first_day) if credit else ()):
            line += " " + QCoreApplication.translate(
                "ExtraDayText", "— {hours} expires on {date}, before these days").format(
                hours=format_hours(minutes), date=format_date(expires))
        lines.append(line)
    return lines


def expiry_notes(preview: ExtraDayPreview, credits: Sequence[ChildCredit],
                 names: Mapping[int, str]) -> list[str]:
    """Why credit is not used for the later days of a period: it expires in between."""
    notes = []
    for credit in credits:
        later = [i for i in preview.items if i.child_id == credit.child_id
                 and credit.usable_until is not None and i.date > credit.usable_until]
        if credit.available_minutes and later:
            notes.append(QCoreApplication.translate(
                "ExtraDayText", "{name}'s absence credit can only pay for days until {date}; "
                "later days go on the invoice.").format(
                name=names.get(credit.child_id, "?"), date=format_date(credit.usable_until)))
    return notes
