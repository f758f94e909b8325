"""How a diary entry reads: a label for its kind, its values in words, the time and the
writer — always text, so the rhythm never depends on an icon or a colour alone."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTime

from desktop.models.shared.records import DiaryDay, DiaryEntry, EntryKind

__all__ = ["day_lines", "entry_line", "format_clock", "kind_label"]


_KINDS = {
    EntryKind.VERSLAG: QT_TRANSLATE_NOOP("DiaryEntries", "Day report"),
    EntryKind.ETEN: QT_TRANSLATE_NOOP("DiaryEntries", "Food"),
    EntryKind.DRINKEN: QT_TRANSLATE_NOOP("DiaryEntries", "Drink"),
    EntryKind.SLAPEN: QT_TRANSLATE_NOOP("DiaryEntries", "Sleep"),
    EntryKind.LUIER: QT_TRANSLATE_NOOP("DiaryEntries", "Nappy"),
    EntryKind.ACTIVITEIT: QT_TRANSLATE_NOOP("DiaryEntries", "Activity"),
    EntryKind.MEDICATIE: QT_TRANSLATE_NOOP("DiaryEntries", "Medication"),
    EntryKind.TEMPERATUUR: QT_TRANSLATE_NOOP("DiaryEntries", "Temperature"),
    EntryKind.ZONNEBRAND: QT_TRANSLATE_NOOP("DiaryEntries", "Sun cream"),
    EntryKind.NOTITIE: QT_TRANSLATE_NOOP("DiaryEntries", "Note"),
}
_AMOUNTS = {"alles": QT_TRANSLATE_NOOP("DiaryEntries", "all of it"),
            "veel": QT_TRANSLATE_NOOP("DiaryEntries", "most of it"),
            "half": QT_TRANSLATE_NOOP("DiaryEntries", "half"),
            "weinig": QT_TRANSLATE_NOOP("DiaryEntries", "a little"),
            "niets": QT_TRANSLATE_NOOP("DiaryEntries", "nothing")}
_NAPPIES = {"nat": QT_TRANSLATE_NOOP("DiaryEntries", "wet"),
            "vies": QT_TRANSLATE_NOOP("DiaryEntries", "dirty"),
            "droog": QT_TRANSLATE_NOOP("DiaryEntries", "dry"),
            "toilet": QT_TRANSLATE_NOOP("DiaryEntries", "on the toilet")}



def kind_label(kind: EntryKind) -> str:
    return QCoreApplication.translate("DiaryEntries", _KINDS[kind])


def format_clock(moment: time) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def _what(entry: DiaryEntry) -> str:
    details = entry.details
    kind = entry.kind
    if kind is EntryKind.ETEN:
        return QCoreApplication.translate("DiaryEntries", "{what}, {amount}").format(
            what=details.get("what", ""), amount=QCoreApplication.translate(
                "DiaryEntries", _AMOUNTS.get(details.get("amount"), "")))
    if kind is EntryKind.DRINKEN:
        return QCoreApplication.translate(
            "DiaryEntries", "{ml} ml").format(ml=details.get("ml", ""))
    if kind is EntryKind.SLAPEN and entry.at is not None and "until" in details:
        until = time.fromisoformat(details["until"])
        return QCoreApplication.translate(
            "DiaryEntries", "{start}–{end}").format(start=format_clock(entry.at),
                                            end=format_clock(until))
    if kind is EntryKind.LUIER:
        return QCoreApplication.translate("DiaryEntries", _NAPPIES.get(details.get("kind"), ""))
    if kind is EntryKind.MEDICATIE:
        return QCoreApplication.translate(
            "DiaryEntries", "{name}, {dose}").format(name=details.get("name", ""),
                                            dose=details.get("dose", ""))
    if kind is EntryKind.TEMPERATUUR:
        return QCoreApplication.translate("DiaryEntries", "{celsius} °C").format(
            celsius=QLocale().toString(float(details.get("celsius", 0)), "f", 1))
    return ""


def entry_line(entry: DiaryEntry) -> str:
    """"10:05 · Drink: 150 ml (Fatima El Amrani)" — the staff's day text is its own block."""
    what = _what(entry)
    text = " — ".join(t for t in (what, entry.text or "") if t)
    label = kind_label(entry.kind)
    line = f"{label}: {text}" if text else label
    if entry.at is not None and entry.kind is not EntryKind.SLAPEN:
        line = f"{format_clock(entry.at)} · {line}"
    line = QCoreApplication.translate(
        "DiaryEntries", "{line} ({author})").format(line=line, author=entry.author_name)
    if entry.edited:
        line = QCoreApplication.translate("DiaryEntries", "{line}, edited").format(line=line)
    return line


def day_lines(day: DiaryDay) -> list[str]:
    """The day as lines of text: arrival and departure, the day report with its writer, then
    the rhythm and notes in time order."""
    lines = []
    if day.arrived_at is not None:
        times = QCoreApplication.translate(
            "DiaryEntries", "Arrived {arrived}").format(arrived=format_clock(day.arrived_at))
        if day.left_at is not None:
            times = QCoreApplication.translate(
                "DiaryEntries", "Arrived {arrived}, went home {left}").format(
                arrived=format_clock(day.arrived_at), left=format_clock(day.left_at))
        lines.append(times)
    for entry in day.entries:
        if entry.kind is EntryKind.VERSLAG:
            wrote = (QCoreApplication.translate("DiaryEntries", "{author} wrote (edited):")
                     if entry.edited else
                     QCoreApplication.translate("DiaryEntries", "{author} wrote:"))
            lines.append(wrote.format(author=entry.author_name))
            lines.append(entry.text or "")
        else:
            lines.append(entry_line(entry))
    return lines
