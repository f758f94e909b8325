"""Fixed ingredients of the demo organisation: names, addresses, groups, holidays."""

from __future__ import annotations

from datetime import date, timedelta

from server.models import CareType

ORGANISATION = ("Kinderopvang Zonnebloem", "zonnebloem")

# (name, address, postal code, phone, e-mail)
LOCATIONS = [
    ("Zonnebloem Centrum", "Kleine Berg 48", "5611 JV", "040 - 245 18 90",
     "centrum@zonnebloem-voorbeeld.nl"),
    ("Zonnebloem Woensel", "Boschdijk 612", "5624 CM", "040 - 262 37 15",
     "woensel@zonnebloem-voorbeeld.nl"),
]

# (location index, group name, care type, places per day-part)
GROUPS = [
    (0, "Zonnetjes", CareType.KDV, {"ochtend": 12, "middag": 12}),
    (0, "Regenboog", CareType.KDV, {"ochtend": 14, "middag": 12}),
    (0, "De Ontdekkers", CareType.BSO, {"vso": 10, "nso": 22, "vakantie": 22}),
    (1, "Vlindertjes", CareType.KDV, {"ochtend": 12, "middag": 10}),
    (1, "Kleine Beer", CareType.PEUTEROPVANG, {"ochtend": 16, "middag": 16}),
    (1, "Kameleons", CareType.BSO, {"vso": 8, "nso": 20, "vakantie": 20}),
]

# Staff per group (same order as GROUPS); Fatima is the documented demo login.
STAFF = [
    [("Fatima", "El Amrani"), ("Joyce", "van Gerwen")],
    [("Marloes", "Smulders"), ("Kim", "Heesterbeek")],
    [("Rick", "van der Heijden"), ("Ayşe", "Demir")],
    [("Anja", "Coolen"), ("Mirjam", "Vermeulen")],
    [("Esra", "Kaya"), ("Ilse", "Bertens")],
    [("Stefan", "Hoogendoorn"), ("Nadia", "Bouzid")],
]

MANAGER = ("Ingrid Verhoeven", "manager@voorbeeld.nl", "06 - 41 27 83 90")

PARENT_FIRST_NAMES = [
    "Anouk", "Bram", "Eva", "Jeroen", "Femke", "Sander", "Iris", "Martijn", "Laura", "Ruben",
    "Marieke", "Jasper", "Noor", "Tim", "Esther", "Koen", "Linda", "Bas", "Sophie", "Wouter",
    "Yasmina", "Mohammed", "Priya", "Kevin", "Naomi", "Joost", "Hanneke", "Niels", "Ilona",
    "Youssef", "Roos", "Pieter", "Charlotte", "Dennis", "Manon", "Erik",
]

LAST_NAMES = [
    ("van den", "Berg"), ("van", "Dijk"), ("", "Visser"), ("", "Smit"), ("", "Meijer"),
    ("de", "Boer"), ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"),
    ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
    ("", "Dijkstra"), ("de", "Graaf"), ("van der", "Meer"), ("", "Kok"), ("", "Jacobs"),
    ("", "Yilmaz"), ("", "Haddou"), ("", "Verbeek"), ("van", "Asten"), ("", "Swinkels"),
    ("", "Kuijpers"), ("van", "Rooij"), ("", "Bosmans"), ("", "Schepers"),
]

CHILD_FIRST_NAMES = [
    "Julia", "Sem", "Mila", "Lucas", "Tess", "Noah", "Zoë", "Liam", "Levi", "Nina", "Jesse",
    "Lieke", "Milan", "Fenna", "Luuk", "Yara", "Adam", "Sara", "Bo", "Olivia", "Mees", "Lina",
    "Thijs", "Evi", "Ravi", "Amira", "Stijn", "Jip", "Hugo", "Loïs", "Gijs", "Fleur",
]

# Hourly rates in cents. Maximum hourly prices for the kinderopvangtoeslag: 2025 KDV 1071,
# BSO 952; 2026 KDV 1123, BSO 998. Some rates are above them on purpose: the annual
# statement must show that case.
HOURLY_RATES = {
    CareType.KDV: [1071, 1098, 1123, 1149, 1185],
    CareType.PEUTEROPVANG: [1071, 1123],
    CareType.BSO: [952, 975, 998, 1015, 1042],
}

# The organisation's tariffs per year (cents per hour); KDV in both years and BSO in 2026 are
# above that year's maximum hourly price, so the jaaropgave shows its note.
TARIFFS = {
    2025: {CareType.KDV: 1098, CareType.PEUTEROPVANG: 1071, CareType.BSO: 952},
    2026: {CareType.KDV: 1149, CareType.PEUTEROPVANG: 1123, CareType.BSO: 1015},
}

# The organisation's bank account for transfers (a demo IBAN with a valid check number).
ORGANISATION_IBAN = "NL91ABNA0417164300"


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous algorithm from Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


# School holidays of regio zuid (Noord-Brabant, where the demo organisation is), from the first
# Saturday to the last Sunday. Demo data after the Rijksoverheid's schedule: a real
# organisation records its own region's holidays.
SCHOOL_HOLIDAYS: tuple[tuple[str, date, date], ...] = (
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


def public_holidays(year: int) -> list[tuple[date, str]]:
    """The Dutch public holidays on which childcare closes (weekend days left out)."""
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to the Saturday before
        kings_day -= timedelta(days=1)
    days = [
        (date(year, 1, 1), "Nieuwjaarsdag"),
        (easter + timedelta(days=1), "Tweede paasdag"),
        (kings_day, "Koningsdag"),
        (easter + timedelta(days=39), "Hemelvaartsdag"),
        (easter + timedelta(days=50), "Tweede pinksterdag"),
        (date(year, 12, 25), "Eerste kerstdag"),
        (date(year, 12, 26), "Tweede kerstdag"),
    ]
    if year % 5 == 0:  # Bevrijdingsdag is a day off in lustrum years
        days.append((date(year, 5, 5), "Bevrijdingsdag"))
    return sorted(d for d in days if d[0].weekday() < 5)
