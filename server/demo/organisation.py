"""Building the demo organisation: locations, groups, staff, closing days and families with
their contracts, then (server.demo.agenda, server.demo.finance) requests and invoices.

Everything is derived from a seeded random generator and a `today`, so the same day gives the
same data, and "ended 5 weeks ago" stays true whenever the demo is built.
"""

from __future__ import annotations

import contextlib
import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from server.blobs import BlobStore
from server.dates import add_months
from server.demo import calendar, data
from server.demo.account_security import DEMO_TWO_FACTOR_EMAIL, Sealer, add_demo_two_factor
from server.demo.agenda import add_devries_requests
from server.demo.diary import add_demo_diary
from server.demo.finance import add_demo_finance
from server.demo.messages import add_demo_messages
from server.demo.news import add_demo_news
from server.demo.personal_data import add_demo_personal_data
from server.models import (
    DAY_PARTS_BY_CARE_TYPE,
    CareGroup,
    CareType,
    Child,
    ClosingDay,
    Contract,
    ContractDay,
    DayPart,
    Family,
    GroupCapacity,
    Location,
    LrkRegistration,
    Organisation,
    Role,
    SchoolHoliday,
    User,
)
from server.personal_data import checks

BASE_FAMILIES = 24
SEED = 20250101


@dataclass(frozen=True)
class DemoSummary:
    families: int
    users: int
    children: int


def _mail_name(*parts: str) -> str:
    text = "".join(p.lower() for p in parts)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text if ch.isalnum())


class _Builder:
    def __init__(self, db: AsyncSession, password_hash: str, today: date, scale: int,
                 seal: Sealer | None, blobs: BlobStore | None = None) -> None:
        self.db = db
        self.blobs = blobs
        self.seal = seal
        self.password_hash = password_hash
        self.today = today
        self.scale = scale
        self.rng = random.Random(SEED)
        self.created = datetime(today.year, today.month, today.day, tzinfo=UTC) - timedelta(
            days=400)
        self.emails: set[str] = set()
        self.counts = {"families": 0, "users": 0, "children": 0}

    def user(self, email: str, name: str, role: Role, **fields: object) -> User:
        self.emails.add(email)
        self.counts["users"] += 1
        # All demo users share one hash of the shared demo password: hashing it once per user
        # would make building the demo (and every test that copies it) slow for no gain. For
        # real accounts every password is hashed separately with its own salt.
        if fields.get("phone"):
            # Stored as E.164, as a number typed in the app is (docs/api.md, "Personal data").
            with contextlib.suppress(checks.FieldInvalid):
                fields["phone"] = checks.phone(str(fields["phone"]))
        user = User(organisation_id=self.organisation_id, email=email, name=name, role=role,
                    password_hash=self.password_hash, created_at=self.created, **fields)
        self.db.add(user)
        return user

    def unique_email(self, first: str, last: str) -> str:
        base = f"{_mail_name(first)}.{_mail_name(last)}"
        email, n = f"{base}@voorbeeld.nl", 2
        while email in self.emails:
            email, n = f"{base}{n}@voorbeeld.nl", n + 1
        return email

    async def build(self) -> DemoSummary:
        organisation = Organisation(name=data.ORGANISATION[0], short_name=data.ORGANISATION[1],
                                    policy={})
        self.db.add(organisation)
        await self.db.flush()
        self.organisation_id = organisation.id
        self.locations = [self._location(organisation, *row) for row in data.LOCATIONS]
        self.groups = [self._group(*row) for row in data.GROUPS]
        await self.db.flush()
        self._staff()
        self._closing_days(organisation)
        self._documented_families()
        await self.db.flush()
        await add_devries_requests(self.db, self.today)
        await add_demo_personal_data(self.db, self.created, self.today)
        await add_demo_messages(self.db, self.today, self.blobs)
        await add_demo_news(self.db, self.today, self.blobs)
        for n in range(BASE_FAMILIES * self.scale - 4):
            self._random_family(n)
        await self._two_factor_family()
        await self.db.flush()
        await add_demo_diary(self.db, self.organisation_id, self.today)
        await add_demo_finance(self.db, self.organisation_id, self.today)
        await self.db.commit()
        return DemoSummary(**self.counts)

    def _location(self, organisation: Organisation, name: str, address: str, postal: str,
                  phone: str, email: str) -> Location:
        location = Location(organisation=organisation, name=name, address=address,
                            postal_code=postal, city="Eindhoven", phone=phone, email=email)
        care_types = {g[2] for g in data.GROUPS if data.LOCATIONS[g[0]][0] == name}
        location.lrk_numbers = [
            LrkRegistration(care_type=ct, lrk_number=str(self.rng.randint(100_000_000,
                                                                           999_999_999)))
            for ct in sorted(care_types)
        ]
        self.db.add(location)
        return location

    def _group(self, location_index: int, name: str, care_type: CareType,
               places: dict[str, int]) -> CareGroup:
        group = CareGroup(location=self.locations[location_index], name=name,
                          care_type=care_type)
        group.capacities = [GroupCapacity(day_part=DayPart(dp), places=n)
                            for dp, n in places.items()]
        self.db.add(group)
        return group

    def _staff(self) -> None:
        for group, people in zip(self.groups, data.STAFF, strict=True):
            for first, last in people:
                email = self.unique_email(first, last)
                staff = self.user(email, f"{first} {last}", Role.STAFF,
                                  phone=self._phone())
                staff.groups = [group]
        name, email, phone = data.MANAGER
        manager = self.user(email, name, Role.MANAGER, phone=phone)
        manager.managed_locations = list(self.locations)

    def _closing_days(self, organisation: Organisation) -> None:
        # The years the demo shows: its history (invoices go back 26 months) and what lies
        # ahead (the agenda reaches 400 days).
        first, last = date(self.today.year - 2, 1, 1), date(self.today.year + 2, 12, 31)
        for year in range(first.year, last.year + 1):
            for day, reason in calendar.public_holidays(year):
                self.db.add(ClosingDay(organisation_id=organisation.id, location_id=None,
                                       day=day, reason=reason))
        for name, first_day, last_day in calendar.school_holidays(last):
            if last_day >= first:
                self.db.add(SchoolHoliday(organisation_id=organisation.id, name=name,
                                          first_day=first_day, last_day=last_day))
        study_day = self.today + timedelta(days=24)
        while study_day.weekday() != 2:  # teams hold their study day on a Wednesday
            study_day += timedelta(days=1)
        self.db.add(ClosingDay(organisation_id=organisation.id, location_id=self.locations[0].id,
                               day=study_day, reason="Studiedag team Centrum"))

    def _phone(self) -> str:
        digits = f"{self.rng.randint(10_000_000, 99_999_999)}"
        return f"06 - {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"

    def _family(self, surname: str, prefix: str = "") -> Family:
        display = f"{prefix} {surname}".strip()
        family = Family(organisation_id=self.organisation_id,
                        name=f"Familie {display[0].upper()}{display[1:]}")
        self.db.add(family)
        self.counts["families"] += 1
        return family

    def _child(self, family: Family, first: str, last: str, born: date, *,
               consent: tuple[bool, bool, bool] = (True, False, False)) -> Child:
        child = Child(family=family, first_name=first, last_name=last, date_of_birth=born,
                      consent_portal=consent[0], consent_website=consent[1],
                      consent_social_media=consent[2])
        self.db.add(child)
        self.counts["children"] += 1
        return child

    def _contract(self, child: Child, group: CareGroup, start: date, end: date | None,
                  pattern: list[tuple[int, DayPart]], rate: int, weeks: int = 52) -> None:
        contract = Contract(child=child, group=group, care_type=group.care_type,
                            start_date=start, end_date=end, weeks_per_year=weeks,
                            hourly_rate_cents=rate)
        contract.days = [ContractDay(weekday=wd, day_part=dp) for wd, dp in sorted(pattern)]
        self.db.add(contract)

    def _documented_families(self) -> None:
        t = self.today
        zonnetjes, regenboog, ontdekkers, vlindertjes = (self.groups[i] for i in (0, 1, 2, 3))
        whole_day = (DayPart.OCHTEND, DayPart.MIDDAG)

        devries = self._family("Vries", "de")
        self.user("sanne.devries@voorbeeld.nl", "Sanne de Vries", Role.PRIMARY_PARENT,
                  family=devries, phone="06 - 12 34 56 78")
        self.user("thomas.devries@voorbeeld.nl", "Thomas de Vries", Role.SECONDARY_PARENT,
                  family=devries, phone="06 - 87 65 43 21")
        emma = self._child(devries, "Emma", "de Vries", add_months(t, -27),
                           consent=(True, True, False))
        self._contract(emma, zonnetjes, add_months(t, -15).replace(day=1), None,
                       [(wd, dp) for wd in (0, 1, 3) for dp in whole_day], 1149)
        daan = self._child(devries, "Daan", "de Vries", add_months(t, -80))
        self._contract(daan, ontdekkers, add_months(t, -20).replace(day=1), None,
                       [(0, DayPart.NSO), (1, DayPart.NSO), (3, DayPart.NSO),
                        (3, DayPart.VSO), (0, DayPart.VAKANTIE), (1, DayPart.VAKANTIE)], 1015)

        jansen = self._family("Jansen")
        self.user("lotte.jansen@voorbeeld.nl", "Lotte Jansen", Role.PRIMARY_PARENT,
                  family=jansen, phone="06 - 23 45 67 89")
        finn = self._child(jansen, "Finn", "Jansen", add_months(t, -50))
        self._contract(finn, regenboog, add_months(t, -40).replace(day=1),
                       t - timedelta(weeks=5),
                       [(wd, dp) for wd in (1, 2) for dp in whole_day], 1098)

        bakker = self._family("Bakker")
        self.user("mark.bakker@voorbeeld.nl", "Mark Bakker", Role.PRIMARY_PARENT,
                  family=bakker, phone="06 - 34 56 78 90")
        saar = self._child(bakker, "Saar", "Bakker", add_months(t, -70))
        self._contract(saar, vlindertjes, add_months(t, -50).replace(day=1),
                       add_months(t, -16), [(wd, dp) for wd in (0, 4) for dp in whole_day],
                       1071)

    async def _two_factor_family(self) -> None:
        """Made after the others, so what the tests pick "first" stays the same."""
        t = self.today
        visser = self._family("Visser")
        eva = self.user(DEMO_TWO_FACTOR_EMAIL, "Eva Visser", Role.PRIMARY_PARENT,
                        family=visser, phone="06 - 45 67 89 01")
        noor = self._child(visser, "Noor", "Visser", add_months(t, -20))
        self._contract(noor, self.groups[1], add_months(t, -8).replace(day=1), None,
                       [(wd, dp) for wd in (2, 4) for dp in (DayPart.OCHTEND, DayPart.MIDDAG)],
                       1149)
        await self.db.flush()
        if self.seal is not None:
            add_demo_two_factor(self.db, eva, self.seal, self.created)

    def _random_family(self, n: int) -> None:
        rng = self.rng
        # Walk a shuffled list of surnames so neighbouring families do not share one.
        if n % len(data.LAST_NAMES) == 0:
            self.surnames = rng.sample(data.LAST_NAMES, len(data.LAST_NAMES))
        prefix, surname = self.surnames[n % len(data.LAST_NAMES)]
        last = f"{prefix} {surname}".strip()
        family = self._family(surname, prefix)
        first = rng.choice(data.PARENT_FIRST_NAMES)
        self.user(self.unique_email(first, last), f"{first} {last}", Role.PRIMARY_PARENT,
                  family=family, phone=self._phone())
        if n % 3 == 0:
            second = rng.choice([f for f in data.PARENT_FIRST_NAMES if f != first])
            self.user(self.unique_email(second, last), f"{second} {last}",
                      Role.SECONDARY_PARENT, family=family, phone=self._phone())
        for _ in range(2 if n % 4 == 0 else 1):
            self._random_child(family, last)

    def _random_child(self, family: Family, last: str) -> None:
        rng = self.rng
        group = rng.choice(self.groups)
        ages = {CareType.KDV: (4, 46), CareType.PEUTEROPVANG: (26, 46),
                CareType.BSO: (50, 140)}[group.care_type]
        born = add_months(self.today, -rng.randint(*ages)) - timedelta(days=rng.randint(0, 27))
        consent = (rng.random() < 0.9, rng.random() < 0.4, rng.random() < 0.2)
        child = self._child(family, rng.choice(data.CHILD_FIRST_NAMES), last, born,
                            consent=consent)
        # Contracts start on the first of a month, once the baby is at least three months old.
        earliest = max(born + timedelta(days=90), add_months(self.today, -rng.randint(1, 30)))
        start = add_months(earliest.replace(day=1), 1)
        weekdays = sorted(rng.sample(range(5), rng.randint(2, 4)))
        if group.care_type is CareType.BSO:
            pattern = [(wd, DayPart.NSO) for wd in weekdays]
            pattern += [(wd, DayPart.VSO) for wd in weekdays if rng.random() < 0.3]
            weeks = rng.choice([40, 52])
            if weeks == 52:
                pattern += [(wd, DayPart.VAKANTIE) for wd in weekdays]
        else:
            parts = DAY_PARTS_BY_CARE_TYPE[group.care_type]
            pattern = [(wd, dp) for wd in weekdays
                       for dp in (parts if rng.random() < 0.7 else parts[:1])]
            weeks = 52 if group.care_type is CareType.KDV else 40
        end = None if rng.random() < 0.85 else add_months(start, rng.randint(12, 36))
        self._contract(child, group, start, end, pattern,
                       rng.choice(data.HOURLY_RATES[group.care_type]), weeks)


async def build_demo(db: AsyncSession, password_hash: str, today: date,
                     scale: int = 1, seal: Sealer | None = None,
                     blobs: BlobStore | None = None) -> DemoSummary:
    """Add the demo organisation to an empty, migrated database; with ``seal`` (the server's
    key) one account logs in with a code (server/demo/account_security.py); with ``blobs``
    the demo's message attachment and news files are stored there (server/demo/messages.py,
    server/demo/news.py)."""
    return await _Builder(db, password_hash, today, scale, seal, blobs).build()
