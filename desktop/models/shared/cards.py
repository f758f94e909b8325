"""What a card on the overview shows, shared by the models that feed the card delegate.

A card model answers ``CARD_TITLE_ROLE`` with the bold title and ``CARD_LINES_ROLE`` with a tuple
of :class:`CardLine`; the delegate in desktop/views paints them and opens a line's link on click.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt

from desktop.api.profile.records import Location

__all__ = [
    "CARD_LINES_ROLE",
    "CARD_TITLE_ROLE",
    "CardLine",
    "LineStyle",
    "location_address",
    "location_lines",
]

CARD_TITLE_ROLE = Qt.ItemDataRole.UserRole + 100
CARD_LINES_ROLE = Qt.ItemDataRole.UserRole + 101


class LineStyle(Enum):
    NORMAL = "normal"
    MUTED = "muted"
    STRONG = "strong"
    LINK = "link"


@dataclass(frozen=True)
class CardLine:
    """One line of a card; ``href`` (mailto:/tel:) makes it clickable."""

    text: str
    style: LineStyle = LineStyle.NORMAL
    href: str | None = None
    # Space above the line, to separate blocks (group, location) within a card.
    gap_before: bool = False
    #: What a screen reader says for a link ("Phone Zonnebloem Centrum: 040 …"); the text if empty.
    spoken: str = ""


def location_address(location: Location | None) -> str:
    """``Markt 1, 5611 AB Eindhoven``."""
    if location is None:
        return ""
    place = " ".join(part for part in (location.postal_code, location.city) if part)
    return ", ".join(part for part in (location.address, place) if part)


def location_lines(location: Location | None) -> list[CardLine]:
    """The location block of a card: name, address, clickable phone and e-mail."""
    if location is None:
        return []
    lines = [CardLine(location.name, LineStyle.STRONG, gap_before=True)]
    address = location_address(location)
    if address:
        lines.append(CardLine(address, LineStyle.MUTED))
    if location.phone:
        digits = "".join(ch for ch in location.phone if ch.isdigit() or ch == "+")
        lines.append(CardLine(location.phone, LineStyle.LINK, href=f"tel:{digits}",
                              spoken=QCoreApplication.translate(
                                  "Cards", "Call {location}: {phone}").format(
                                  location=location.name, phone=location.phone)))
    if location.email:
        lines.append(CardLine(location.email, LineStyle.LINK, href=f"mailto:{location.email}",
                              spoken=QCoreApplication.translate(
                                  "Cards", "E-mail {location}: {email}").format(
                                  location=location.name, email=location.email)))
    return lines
