"""The demo's group days and diary (docs/api.md, "Demo organisation"): thirteen weeks of
attendance and daily reports for the children of Zonnetjes (Fatima's group) and for Daan,
written by their groups' staff, with now and then a parent's note; today's group day half
registered. Deterministic: the same day builds the same diary."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.absences import active_absences, planned_day_parts
from server.agenda.planning import DAY_PART_HOURS
from server.diary.rhythm import AMOUNTS
from server.models import (
    Attendance,
    AttendanceChange,
    CareGroup,
    CareType,
    Child,
    Contract,
    DiaryEntry,
    EntryKind,
    Family,
    Role,
    User,
    staff_group,
)

SEED = 15
WEEKS = 13
OPENINGS = ["{name} kwam vrolijk binnen en ging meteen bij de blokken spelen.",
            "{name} had vanochtend even tijd nodig om afscheid te nemen, daarna ging het goed.",
            "Wat een fijne dag met {name}!", "{name} was vandaag wat stiller dan anders.",
            "{name} zat vanochtend lekker op schoot bij het voorlezen.",
            "{name} hielp vandaag mee met de tafel dekken."]
MIDDLES = ["We hebben buiten in de zandbak gespeeld en emmertjes gevuld.",
           "In de kring zongen we liedjes over de lente; {name} deed de gebaren mee.",
           "We hebben geverfd met grote kwasten. Het kunstwerk hangt aan de muur.",
           "{name} speelde veel samen met de andere kinderen in de huishoek.",
           "We zijn met de bolderkar naar de eendjes geweest.",
           "Met de duplo bouwde {name} een hoge toren, die trots werd laten zien."]
CLOSINGS = ["Het eten ging goed en er is lekker geslapen.", "Tot morgen!",
            "{name} was aan het eind van de middag wel moe.",
            "Een echte ontdekker vandaag.", ""]
BSO_TEXTS = ["{name} heeft na school gevoetbald op het veld.",
             "{name} werkte aan een knutselwerk van karton en lijm.",
             "We deden een spel in de gymzaal; {name} was aanvoerder.",
             "{name} las een boek in de leeshoek en speelde daarna buiten."]
FOOD = ["boterham met kaas", "fruit", "cracker met smeerkaas", "rijstwafel", "warme groente",
        "yoghurt", "soepstengels"]
ACTIVITIES = ["Buiten gespeeld", "Voorlezen", "Muziek en dans", "Knutselen", "Kringgesprek"]
PARENT_NOTES = ["Slecht geslapen vannacht, misschien wat eerder moe.",
                "Oma haalt vandaag op.", "Heeft vanochtend al ontbeten.",
                "Is een beetje verkouden, maar heeft geen koorts.",
                "Papa haalt op om 16:30.", "Graag extra zonnebrand op doen."]


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=UTC)


class _Diary:
    def __init__(self, db: AsyncSession, today: date) -> None:
        self.db, self.today = db, today
        self.rng = random.Random(SEED)
        self.revision: dict[int, int] = {}
        self.expected_today = 0

    def _next(self, child_id: int) -> int:
        self.revision[child_id] = self.revision.get(child_id, 0) + 1
        return self.revision[child_id]

    def entry(self, child: Child, day: date, entry_kind: EntryKind, author: User,
              at: time | None, text: str | None = None, **details: object) -> None:
        self.db.add(DiaryEntry(child_id=child.id, day=day, kind=entry_kind, at=at, text=text,
                               details=details, author_id=author.id,
                               by_parent=author.role.is_parent,
                               created_at=_at(day, at or time(17, 0)),
                               revision=self._next(child.id)))

    def attendance(self, child: Child, group_id: int, day: date, author: User,
                   arrived: time | None, left: time | None) -> None:
        self.db.add(Attendance(child_id=child.id, group_id=group_id, day=day,
                               arrived_at=arrived, left_at=left, changed_by_id=author.id,
                               changed_at=_at(day, left or arrived or time(9, 0)),
                               revision=self._next(child.id)))

    def day(self, child: Child, group_id: int, care_type: CareType, day: date, staff: User,
            parent: User | None, parts: list[time]) -> None:
        rng, name = self.rng, child.first_name
        start, end = min(parts), max(parts)
        arrived = time(start.hour, start.minute + rng.randrange(0, 30))
        left = time(end.hour - 1, rng.randrange(0, 60)) if end.hour > 13 else end
        self.attendance(child, group_id, day, staff, arrived, left)
        if parent is not None and rng.random() < 0.15:
            self.entry(child, day, EntryKind.NOTITIE, parent, time(7, rng.randrange(0, 30)),
                       rng.choice(PARENT_NOTES))
        if care_type is CareType.BSO:
            self.entry(child, day, EntryKind.VERSLAG, staff, None,
                       rng.choice(BSO_TEXTS).format(name=name))
            self.entry(child, day, EntryKind.ETEN, staff, time(15, 0), None,
                       what=rng.choice(FOOD), amount=rng.choice(["alles", "veel", "half"]))
            return
        text = " ".join(t for t in (rng.choice(OPENINGS), rng.choice(MIDDLES),
                                    rng.choice(CLOSINGS)) if t).format(name=name)
        self.entry(child, day, EntryKind.VERSLAG, staff, None, text)
        self.entry(child, day, EntryKind.ETEN, staff, time(10, 0), None, what="fruit",
                   amount=rng.choice(["alles", "veel", "half", "weinig"]))
        self.entry(child, day, EntryKind.DRINKEN, staff, time(10, 5), None,
                   ml=rng.choice([100, 120, 150, 180]))
        if end.hour > 13:
            self.entry(child, day, EntryKind.ETEN, staff, time(11, 45), None,
                       what=rng.choice(FOOD), amount=rng.choice(AMOUNTS[:4]))
            sleep = time(12, 30 + rng.randrange(0, 20))
            self.entry(child, day, EntryKind.SLAPEN, staff, sleep, None,
                       until=f"{14 + rng.randrange(0, 2)}:{rng.randrange(0, 60):02d}")
        self.entry(child, day, EntryKind.LUIER, staff, time(9, 30), None,
                   kind=rng.choice(["nat", "vies", "nat", "toilet"]))
        if rng.random() < 0.4:
            self.entry(child, day, EntryKind.ACTIVITEIT, staff, time(10, 30),
                       rng.choice(ACTIVITIES))


async def add_demo_diary(db: AsyncSession, organisation_id: int, today: date) -> None:
    diary = _Diary(db, today)
    zonnetjes = await db.scalar(select(CareGroup).where(CareGroup.name == "Zonnetjes"))
    daan = await db.scalar(select(Child).where(Child.first_name == "Daan",
                                               Child.last_name == "de Vries"))
    daan.consent_medication = True  # his inhaler (docs/api.md, "Demo organisation")
    contracts = list((await db.scalars(select(Contract).where(
        (Contract.group_id == zonnetjes.id) | (Contract.child_id == daan.id)))).all())
    first, yesterday = today - timedelta(weeks=WEEKS), today - timedelta(days=1)
    for contract in sorted(contracts, key=lambda c: c.id):
        child = await db.get(Child, contract.child_id)
        staff = list((await db.scalars(select(User).join(
            staff_group, staff_group.c.user_id == User.id).where(
            staff_group.c.group_id == contract.group_id).order_by(User.id))).all())
        parent = await db.scalar(select(User).where(
            User.family_id == child.family_id, User.role == Role.PRIMARY_PARENT))
        planned = [p for p in await planned_day_parts(db, organisation_id,
                                                      [child.id], first, today)
                   if p.contract_id == contract.id]
        absent = {(a.day, a.day_part) for a in await active_absences(db, [child.id], first,
                                                                      today)}
        days: dict[date, list[time]] = {}
        for p in planned:
            if (p.day, p.day_part) not in absent:
                days.setdefault(p.day, []).extend(DAY_PART_HOURS[p.day_part])
        for n, (day, hours) in enumerate(sorted(days.items())):
            writer = staff[n % len(staff)]
            if day <= yesterday:
                diary.day(child, contract.group_id, contract.care_type, day, writer, parent, hours)
                continue
            diary.expected_today += 1
            if diary.expected_today % 2 == 1:  # today: every other child registered so far
                diary.attendance(child, contract.group_id, day, staff[0],
                                 time(7, 45 + diary.rng.randrange(0, 14)), None)
    await db.flush()
    # Each registration in its history too, as `PUT /attendance` keeps it (one statement).
    columns = ("attendance_id", "arrived_at", "left_at", "note", "changed_by_id", "changed_at")
    await db.execute(insert(AttendanceChange).from_select(columns, select(
        Attendance.id, Attendance.arrived_at, Attendance.left_at, Attendance.note,
        Attendance.changed_by_id, Attendance.changed_at).join(
        Child, Child.id == Attendance.child_id).join(
        Family, Family.id == Child.family_id).where(
        Family.organisation_id == organisation_id)))
