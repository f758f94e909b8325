""""Dagboek opslaan als PDF": a child's diary over a period as one PDF, in Dutch, on the
finance documents' page (server/finance/pdf_base.py). Each day is a heading and then its
blocks in `DAY_BLOCKS` order — arrival and departure, the staff's day text with its writer,
the rhythm and the notes, then the day's photos (server/diary/pdf_photos.py), four to a row,
so a day with twelve photos takes three rows and stays readable. Rendered when asked (a
parent's occasional keepsake, not a document the portal keeps), in a worker thread."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from server.diary.pdf_photos import DayPhoto
from server.diary.timeline import DiaryDay
from server.finance.pdf_base import FONT, MUTED, FinancePdf, dutch_date
from server.models import DiaryEntry, EntryKind

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


@dataclass(frozen=True)
class PdfDay:
    """One day of the document: its diary (None on a day with photos only) and photos."""

    day: date
    diary: DiaryDay | None
    photos: list[DayPhoto] = field(default_factory=list)

    @property
    def entries(self) -> list[tuple[DiaryEntry, str]]:
        return self.diary.entries if self.diary is not None else []


def pdf_days(days: list[DiaryDay], photos: dict[date, list[DayPhoto]]) -> list[PdfDay]:
    """The days of the period with anything in them, oldest first (as a diary reads)."""
    diary = {d.day: d for d in days}
    return [PdfDay(day, diary.get(day), photos.get(day, []))
            for day in sorted(diary.keys() | photos.keys())]


def attendance_block(pdf: FinancePdf, day: PdfDay) -> None:
    attendance = day.diary.attendance if day.diary is not None else None
    if attendance is not None and attendance.arrived_at is not None:
        text = f"Gebracht om {_clock(attendance.arrived_at)}"
        if attendance.left_at is not None:
            text += f", opgehaald om {_clock(attendance.left_at)}"
        pdf.paragraph(text)


def report_block(pdf: FinancePdf, day: PdfDay) -> None:
    for entry, author in day.entries:
        if entry.kind is EntryKind.VERSLAG:
            pdf.set_text_color(*MUTED)
            edited = " (bewerkt)" if entry.edited_at is not None else ""
            pdf.paragraph(f"{author} schreef{edited}:", size=8)
            pdf.set_text_color(0, 0, 0)
            pdf.paragraph(entry.text or "", size=10)


def rhythm_block(pdf: FinancePdf, day: PdfDay) -> None:
    for entry, author in day.entries:
        if entry.kind is EntryKind.VERSLAG:
            continue
        what = " — ".join(t for t in (_what(entry.kind, entry.details, entry.at),
                                      entry.text or "") if t)
        moment = "" if entry.kind is EntryKind.SLAPEN else f"{_clock(entry.at)}  "
        edited = ", bewerkt" if entry.edited_at is not None else ""
        pdf.paragraph(f"{moment}{KINDS[entry.kind]}: {what} ({author}{edited})", size=9)


PHOTO_COLUMNS = 4
PHOTO_GAP = 4.0  # mm between photos


def photo_block(pdf: FinancePdf, day: PdfDay) -> None:
    """Each activity's title, then its photos in rows of four, each fitted into a square
    cell (portrait and landscape alike) and never split over a page."""
    cell = (pdf.epw - (PHOTO_COLUMNS - 1) * PHOTO_GAP) / PHOTO_COLUMNS
    activities: dict[int, list[DayPhoto]] = {}
    for photo in day.photos:
        activities.setdefault(photo.activity_id, []).append(photo)
    for photos in activities.values():
        pdf.set_text_color(*MUTED)
        pdf.paragraph(f"Foto's: {photos[0].activity_title}", size=8)
        pdf.set_text_color(0, 0, 0)
        for start in range(0, len(photos), PHOTO_COLUMNS):
            if pdf.get_y() + cell > pdf.page_break_trigger:
                pdf.add_page()
            top = pdf.get_y()
            for column, photo in enumerate(photos[start:start + PHOTO_COLUMNS]):
                scale = cell / max(photo.width, photo.height, 1)
                width, height = photo.width * scale, photo.height * scale
                left = pdf.l_margin + column * (cell + PHOTO_GAP) + (cell - width) / 2
                pdf.image(io.BytesIO(photo.data), x=left, y=top + (cell - height) / 2,
                          w=width, h=height)
            pdf.set_y(top + cell + PHOTO_GAP)


DAY_BLOCKS: tuple[Callable[[FinancePdf, PdfDay], None], ...] = (
    attendance_block, report_block, rhythm_block, photo_block)


def diary_pdf(organisation: str, child_name: str, first: date, last: date,
              days: list[PdfDay], made_on: date) -> bytes:
    """The PDF of `days` (oldest first, see `pdf_days`)."""
    pdf = FinancePdf(organisation, f"Dagboek van {child_name}", made_on)
    pdf.title_block(f"Dagboek van {child_name}",
                    f"{dutch_date(first)} tot en met {dutch_date(last)}")
    if not days:
        pdf.paragraph("In deze periode is niets in het dagboek geschreven.")
    for day in days:
        pdf.set_font(FONT, "B", 12)
        pdf.cell(0, 8, f"{WEEKDAYS[day.day.weekday()]} {dutch_date(day.day)}",
                 new_x="LMARGIN", new_y="NEXT")
        for block in DAY_BLOCKS:
            block(pdf, day)
        pdf.ln(2)
    return pdf.bytes()
