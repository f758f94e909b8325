""""Dagboek opslaan als PDF": a child's diary over a period as one PDF, in Dutch, on the
finance documents' page (server/finance/pdf_base.py). Each day is a heading and then its
blocks in `DAY_BLOCKS` order — arrival and departure, the staff's day text with its writer,
the rhythm and the notes — so the photos add a block of their own. Rendered when asked (a
parent's occasional keepsake, not a document the portal keeps), in a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from server.diary.timeline import DiaryDay
from server.finance.pdf_base import FONT, MUTED, FinancePdf, dutch_date
from server.models import EntryKind

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
KINDS = {EntryKind.ETEN: "Eten", EntryKind.DRINKEN: "Drinken", EntryKind.SLAPEN: "Slapen",
         EntryKind.LUIER: "Luier", EntryKind.ACTIVITEIT: "Activiteit",
         EntryKind.MEDICATIE: "Medicatie", EntryKind.TEMPERATUUR: "Temperatuur",
         EntryKind.ZONNEBRAND: "Zonnebrand", EntryKind.NOTITIE: "Notitie"}
AMOUNTS = {"alles": "alles op", "veel": "bijna alles", "half": "de helft",
           "weinig": "een beetje", "niets": "niets"}


def _clock(value: object) -> str:
    return value.strftime("%H:%M") if value is not None else ""  # type: ignore[attr-defined]


def _what(kind: EntryKind, details: dict[str, object], at: object) -> str:
    if kind is EntryKind.ETEN:
        return f"{details.get('what', '')}, {AMOUNTS.get(str(details.get('amount')), '')}"
    if kind is EntryKind.DRINKEN:
        return f"{details.get('ml')} ml"
    if kind is EntryKind.SLAPEN:
        return f"{_clock(at)}–{details.get('until', '')}"
    if kind is EntryKind.LUIER:
        return str(details.get("kind", ""))
    if kind is EntryKind.MEDICATIE:
        return f"{details.get('name', '')}, {details.get('dose', '')}"
    if kind is EntryKind.TEMPERATUUR:
        return f"{details.get('celsius')} °C".replace(".", ",")
    return ""


def attendance_block(pdf: FinancePdf, day: DiaryDay) -> None:
    if day.attendance is not None and day.attendance.arrived_at is not None:
        text = f"Gebracht om {_clock(day.attendance.arrived_at)}"
        if day.attendance.left_at is not None:
            text += f", opgehaald om {_clock(day.attendance.left_at)}"
        pdf.paragraph(text)


def report_block(pdf: FinancePdf, day: DiaryDay) -> None:
    for entry, author in day.entries:
        if entry.kind is EntryKind.VERSLAG:
            pdf.set_text_color(*MUTED)
            pdf.paragraph(f"{author} schreef:", size=8)
            pdf.set_text_color(0, 0, 0)
            pdf.paragraph(entry.text or "", size=10)


def rhythm_block(pdf: FinancePdf, day: DiaryDay) -> None:
    for entry, author in day.entries:
        if entry.kind is EntryKind.VERSLAG:
            continue
        what = " — ".join(t for t in (_what(entry.kind, entry.details, entry.at),
                                      entry.text or "") if t)
        moment = "" if entry.kind is EntryKind.SLAPEN else f"{_clock(entry.at)}  "
        edited = ", bewerkt" if entry.edited_at is not None else ""
        pdf.paragraph(f"{moment}{KINDS[entry.kind]}: {what} ({author}{edited})", size=9)


DAY_BLOCKS: tuple[Callable[[FinancePdf, DiaryDay], None], ...] = (
    attendance_block, report_block, rhythm_block)


def diary_pdf(organisation: str, child_name: str, first: date, last: date,
              days: list[DiaryDay], made_on: date) -> bytes:
    """The PDF of `days` (oldest first in the document, as a diary reads)."""
    pdf = FinancePdf(organisation, f"Dagboek van {child_name}", made_on)
    pdf.title_block(f"Dagboek van {child_name}",
                    f"{dutch_date(first)} tot en met {dutch_date(last)}")
    if not days:
        pdf.paragraph("In deze periode is niets in het dagboek geschreven.")
    for day in sorted(days, key=lambda d: d.day):
        pdf.set_font(FONT, "B", 12)
        pdf.cell(0, 8, f"{WEEKDAYS[day.day.weekday()]} {dutch_date(day.day)}",
                 new_x="LMARGIN", new_y="NEXT")
        for block in DAY_BLOCKS:
            block(pdf, day)
        pdf.ln(2)
    return pdf.bytes()
