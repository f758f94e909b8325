"""Dates, ages and moments as a parent reads them, through QLocale (Dutch or English).

Every string is a literal inside ``QCoreApplication.translate()`` so pyside6-lupdate finds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from desktop.api.agenda.records import DayPart

__all__ = ["DATE_FORMAT", "WEEKDAY_DATE_FORMAT", "absence_reason_label", "care_type_label",
           "day_part_label", "day_parts_label", "format_age", "format_date", "format_date_range",
           "format_hours", "format_moment", "format_money", "format_time",
           "format_weekday_date"]

#: Every date the app shows, in both languages: day, month name, year (``12 April 2023``).
#: One pattern rather than the locale's long format, which is US-style in US English.
DATE_FORMAT = "d MMMM yyyy"
#: The same with the weekday (``Monday 12 April 2027``), also in the date fields.
WEEKDAY_DATE_FORMAT = "dddd d MMMM yyyy"


def format_date(day: date, locale: QLocale | None = None) -> str:
    """``12 April 2023`` / ``12 april 2023``: day, month name, year — no weekday."""
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), DATE_FORMAT)


def format_date_range(first: date, last: date, locale: QLocale | None = None) -> str:
    """``12 April 2027`` for one day, ``12 April 2027 to 16 April 2027`` for a period."""
    if first == last:
        return format_date(first, locale)
    return QCoreApplication.translate("Formatting", "{first} to {last}").format(
        first=format_date(first, locale), last=format_date(last, locale))


def format_time(moment: datetime, locale: QLocale | None = None) -> str:
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return (locale or QLocale()).toString(
        QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
    )


def format_moment(moment: datetime, now: datetime, locale: QLocale | None = None) -> str:
    """``today 14:05``, ``yesterday 09:12`` or ``3 March 2026 14:05`` in the local time zone."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    local_now = now.astimezone() if now.tzinfo is not None else now
    time_text = format_time(local, locale)
    days_ago = (local_now.date() - local.date()).days
    if days_ago == 0:
        return QCoreApplication.translate("Formatting", "today {time}").format(time=time_text)
    if days_ago == 1:
        return QCoreApplication.translate("Formatting", "yesterday {time}").format(time=time_text)
    return QCoreApplication.translate("Formatting", "{date} {time}").format(
        date=format_date(local.date(), locale), time=time_text
    )


def format_age(born: date, today: date) -> str:
    """A child's age in whole years (and months below 4), e.g. ``2 years and 3 months``."""
    months = (today.year - born.year) * 12 + today.month - born.month
    if today.day < born.day:
        months -= 1
    if months < 0:
        return QCoreApplication.translate("Formatting", "not born yet")
    years, rest = divmod(months, 12)
    if years == 0:
        return _months(rest)
    if years >= 4 or rest == 0:
        return _years(years)
    return QCoreApplication.translate("Formatting", "{years} and {months}").format(
        years=_years(years), months=_months(rest)
    )


def _years(n: int) -> str:
    # Separate strings rather than %n plurals: English needs "year"/"years", Dutch "jaar" for both,
    # and the untranslated English text must read well without a .qm.
    return (
        QCoreApplication.translate("Formatting", "1 year")
        if n == 1
        else QCoreApplication.translate("Formatting", "{n} years").format(n=n)
    )


def _months(n: int) -> str:
    return (
        QCoreApplication.translate("Formatting", "1 month")
        if n == 1
        else QCoreApplication.translate("Formatting", "{n} months").format(n=n)
    )


def care_type_label(code: str) -> str:
    """The care type in words; unknown codes are shown as they are."""
    labels = {
        "KDV": QCoreApplication.translate("Formatting", "Day care (KDV)"),
        "BSO": QCoreApplication.translate("Formatting", "Out-of-school care (BSO)"),
        "PEUTEROPVANG": QCoreApplication.translate("Formatting", "Pre-school playgroup"),
        "PSZ": QCoreApplication.translate("Formatting", "Pre-school playgroup"),
        "GASTOUDER": QCoreApplication.translate("Formatting", "Childminder"),
    }
    return labels.get(code.upper(), code)


def day_part_label(code: str) -> str:
    """A day-part in words (ochtend, middag, voorschoolse opvang, ...)."""
    labels = {
        "ochtend": QCoreApplication.translate("Formatting", "morning"),
        "middag": QCoreApplication.translate("Formatting", "afternoon"),
        "vso": QCoreApplication.translate("Formatting", "before school"),
        "nso": QCoreApplication.translate("Formatting", "after school"),
        "vakantie": QCoreApplication.translate("Formatting", "holiday care"),
    }
    return labels.get(code, code)


def day_parts_label(parts: Iterable[DayPart]) -> str:
    """Day-parts in words: ``whole day`` for morning and afternoon, else listed."""
    parts = list(parts)
    if set(parts) == {DayPart.OCHTEND, DayPart.MIDDAG}:
        return QCoreApplication.translate("Formatting", "whole day")
    return ", ".join(day_part_label(p.value) for p in parts)


def absence_reason_label(code: str) -> str:
    labels = {
        "ziek": QCoreApplication.translate("Formatting", "ill"),
        "vakantie": QCoreApplication.translate("Formatting", "holiday"),
        "overig": QCoreApplication.translate("Formatting", "other"),
    }
    return labels.get(code, code)


def format_weekday_date(day: date, locale: QLocale | None = None) -> str:
    """``Monday 12 April 2027`` / ``maandag 12 april 2027``."""
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day),
                                          WEEKDAY_DATE_FORMAT)


def format_hours(minutes: int, locale: QLocale | None = None) -> str:
    """``5.5 hours`` / ``5,5 uur``: minutes of care as hours with at most two decimals."""
    hours = (locale or QLocale()).toString(minutes / 60, "g", 4)
    return QCoreApplication.translate("Formatting", "{hours} hours").format(hours=hours)


def format_money(cents: int, locale: QLocale | None = None) -> str:
    """``€ 12,34`` (Dutch) / ``€12.34``: integer cents as euros through QLocale."""
    return (locale or QLocale()).toCurrencyString(cents / 100, "€")
