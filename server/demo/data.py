"""Fixed ingredients of the demo organisation: names, addresses, groups, rates. (Its
calendar, public and school holidays for any year, is server/demo/calendar.py.)"""

from __future__ import annotations

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
