"""The demo organisation's calendar for any year: Dutch public holidays (closing days) and the
school holidays of its region, so the demo and the tests that build it keep working in 2028
and later.

- Public holidays come from the maintained `holidays` package (its Dutch calendar, Dutch
  names), less Good Friday (childcare stays open) and weekend days (closed anyway).
  Bevrijdingsdag is a day off only in lustrum years; the package knows that too.
- School holidays are data: `PUBLISHED_SCHOOL_HOLIDAYS` holds regio zuid's published
  schedule. For a school year not published yet each holiday of the last published school
  year is moved by whole weeks (52, or 53 when 52 would start it more than three days before
  its date a year earlier), so it keeps its weekday (Saturday to Sunday), its length and
  nearly its date. A real organisation records its own region's holidays; this rule only
  keeps the demo plausible until the next schedule is entered here.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays

# Childcare closes on the public holidays except these (names as the package has them).
OPEN_ON = {"Goede vrijdag"}

# School holidays of regio zuid (Noord-Brabant, where the demo organisation is), from the first
# Saturday to the last Sunday, after the Rijksoverheid's schedule; one school year (autumn to
# summer) per line of five.
PUBLISHED_SCHOOL_HOLIDAYS: tuple[tuple[str, date, date], ...] = (
    ("Herfstvakantie", date(2024, 10, 19), date(2024, 10, 27)),
    ("Kerstvakantie", date(2024, 12, 21), date(2025, 1, 5)),
    ("Voorjaarsvakantie", date(2025, 3, 1), date(2025, 3, 9)),
    ("Meivakantie", date(2025, 4, 26), date(2025, 5, 4)),
    ("Zomervakantie", date(2025, 7, 12), date(2025, 8, 24)),
    ("Herfstvakantie", date(2025, 10, 11), date(2025, 10, 19)),
    ("Kerstvakantie", date(2025, 12, 20), date(2026, 1, 4)),
    ("Voorjaarsvakantie", date(2026, 2, 14), date(2026, 2, 22)),
    ("Meivakantie", date(2026, 4, 25), date(2026, 5, 3)),
    ("Zomervakantie", date(2026, 7, 11), date(2026, 8, 23)),
    ("Herfstvakantie", date(2026, 10, 17), date(2026, 10, 25)),
    ("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3)),
    ("Voorjaarsvakantie", date(2027, 2, 6), date(2027, 2, 14)),
    ("Meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
    ("Zomervakantie", date(2027, 7, 17), date(2027, 8, 29)),
)
HOLIDAYS_PER_SCHOOL_YEAR = 5
# Tolerance of the weekly shift: a holiday may start at most this many days earlier than it
# did a year before.
MAX_DRIFT_DAYS = 3


def public_holidays(year: int) -> list[tuple[date, str]]:
    """The Dutch public holidays of `year` on which childcare closes, weekdays only."""
    return sorted((day, name) for day, name in
                  holidays.country_holidays("NL", years=year, language="nl").items()
                  if day.weekday() < 5 and name not in OPEN_ON)


def _a_year_later(day: date) -> date:
    """`day` moved by whole weeks to about a year later (same weekday)."""
    moved = day + timedelta(weeks=52)
    a_year = day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) \
        else date(day.year + 1, 3, 1)
    return moved + timedelta(weeks=1) if (a_year - moved).days > MAX_DRIFT_DAYS else moved


def school_holidays(last_day: date) -> list[tuple[str, date, date]]:
    """Every school holiday (name, first, last day) of the published schedule and, after it,
    the rule's school years until past `last_day`."""
    found = list(PUBLISHED_SCHOOL_HOLIDAYS)
    school_year = found[-HOLIDAYS_PER_SCHOOL_YEAR:]
    while found[-1][2] < last_day:
        school_year = [(name, _a_year_later(first), _a_year_later(first) + (last - first))
                       for name, first, last in school_year]
        found.extend(school_year)
    return found
