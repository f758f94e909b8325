"""The common page of every finance PDF: A4, the organisation's name and logo, Dutch amounts.

DejaVu Sans (fonts/, free licence in fonts/LICENSE-DejaVu.txt; subset with pyftsubset to
U+0020–017F, dashes, quotes, bullet, ellipsis and €, which loads 4× faster) is embedded: the PDF
core fonts have no "€" and no letters such as "ş". The creation date is the document's own
date, so the same data always gives the same bytes (and so the same SHA-256 and ETag).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from fractions import Fraction
from pathlib import Path

from fpdf import FPDF

from server.finance.billing import round_half_up

FONTS = Path(__file__).parent / "fonts"
FONT = "DejaVu"
BRAND = (232, 140, 30)  # sunflower orange of the logo
INK = (33, 33, 33)
MUTED = (100, 100, 100)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def euro(cents: int) -> str:
    """Dutch notation: € 1.234,56 (and € -12,50 for a negative amount)."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"€ {sign}{whole:,}".replace(",", ".") + f",{rest:02d}"


def hours(minutes: int) -> str:
    """Hours with two decimals, Dutch comma: 8190 minutes → "136,50"."""
    whole, rest = divmod(round_half_up(Fraction(minutes * 100, 60)), 100)
    return f"{whole:,}".replace(",", ".") + f",{rest:02d}"


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def numeric_date(day: date) -> str:
    return f"{day:%d-%m-%Y}"


class FinancePdf(FPDF):
    """An A4 page with the organisation's header and a footer with the page number."""

    def __init__(self, organisation: str, title: str, document_date: date) -> None:
        super().__init__(format="A4", unit="mm")
        self.organisation = organisation
        self.set_title(title)
        self.set_author(organisation)
        self.set_creator("Ouderportaal")
        self.set_lang("nl-NL")
        self.set_creation_date(datetime(document_date.year, document_date.month,
                                        document_date.day, tzinfo=UTC))
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=22)
        self.alias_nb_pages()
        self.add_page()

    def header(self) -> None:
        self._logo(20, 14)
        self.set_xy(38, 15)
        self.set_font(FONT, "B", 15)
        self.set_text_color(*INK)
        self.cell(0, 7, self.organisation)
        self.set_xy(38, 22)
        self.set_font(FONT, "", 9)
        self.set_text_color(*MUTED)
        self.cell(0, 5, "Kinderopvang · ouderportaal")
        self.set_draw_color(*BRAND)
        self.set_line_width(0.6)
        self.line(20, 31, 190, 31)
        self.set_y(38)
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.organisation} · pagina {self.page_no()} van {{nb}}", align="C")

    def _logo(self, x: float, y: float) -> None:
        """A sunflower: orange petals around a brown heart, drawn as vectors."""
        cx, cy = x + 7, y + 7
        self.set_fill_color(*BRAND)
        for dx, dy in ((0, -4.2), (0, 4.2), (-4.2, 0), (4.2, 0),
                       (-3, -3), (3, -3), (-3, 3), (3, 3)):
            self.ellipse(cx + dx - 2.4, cy + dy - 2.4, 4.8, 4.8, style="F")
        self.set_fill_color(110, 70, 30)
        self.ellipse(cx - 3, cy - 3, 6, 6, style="F")

    def title_block(self, title: str, subtitle: str | None = None) -> None:
        self.set_font(FONT, "B", 16)
        self.cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self.set_font(FONT, "", 10)
            self.set_text_color(*MUTED)
            self.cell(0, 6, subtitle, new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(*INK)
        self.ln(3)

    def facts(self, rows: list[tuple[str, str]], label_width: float = 48) -> None:
        """Label/value pairs, one per line."""
        for label, value in rows:
            self.set_font(FONT, "B", 10)
            self.cell(label_width, 6, label)
            self.set_font(FONT, "", 10)
            self.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def table(self, headings: list[str], rows: list[list[str]], widths: list[float],
              right: set[int], total: list[str] | None = None) -> None:
        """A ruled table; columns in `right` are right-aligned (amounts)."""
        self.set_font(FONT, "B", 9)
        self.set_fill_color(246, 234, 214)
        for i, heading in enumerate(headings):
            self.cell(widths[i], 7, heading, border="B", fill=True,
                      align="R" if i in right else "L")
        self.ln()
        self.set_font(FONT, "", 9)
        for row in rows:
            for i, text in enumerate(row):
                self.cell(widths[i], 6.5, text, border="B", align="R" if i in right else "L")
            self.ln()
        if total:
            self.set_font(FONT, "B", 10)
            for i, text in enumerate(total):
                self.cell(widths[i], 8, text, align="R" if i in right else "L")
            self.ln()
        self.ln(4)

    def paragraph(self, text: str, size: float = 9, bold: bool = False) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def note(self, text: str) -> None:
        """A highlighted remark (used for a rate above the maximum hourly price)."""
        self.set_fill_color(253, 242, 220)
        self.set_draw_color(*BRAND)
        self.set_line_width(0.3)
        self.set_font(FONT, "", 9)
        self.multi_cell(0, 5.5, text, border=1, fill=True, padding=2,
                        new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def bytes(self) -> bytes:
        return bytes(self.output())
