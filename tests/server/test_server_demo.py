"""The deterministic demo organisation."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest
from server_helpers import FakeClock
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from server.cli import main
from server.config import AMSTERDAM, Settings, sqlite_url
from server.dates import add_months
from server.db import create_engine, create_sessionmaker
from server.demo.calendar import PUBLISHED_SCHOOL_HOLIDAYS, public_holidays, school_holidays
from server.demo.database import create_demo_database
from server.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from server.models import (
    CareGroup,
    CareType,
    Child,
    ClosingDay,
    Contract,
    Family,
    Location,
    Role,
    SchoolHoliday,
    User,
)

DAY = date(2026, 3, 2)


def demo_settings(folder: Path) -> Settings:
    return Settings(data_dir=folder, database_url=sqlite_url(folder), argon2_time_cost=1,
                    argon2_memory_cost=8, clock=FakeClock(datetime.now(AMSTERDAM)))


async def snapshot(settings: Settings) -> list[tuple]:
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as db:
            users = (await db.execute(select(User.email, User.name, User.role, User.family_id)
                                      .order_by(User.id))).all()
            children = (await db.execute(select(Child.first_name, Child.date_of_birth)
                                         .order_by(Child.id))).all()
            contracts = (await db.execute(
                select(Contract.start_date, Contract.end_date, Contract.hourly_rate_cents)
                .order_by(Contract.id))).all()
            return [*users, *children, *contracts]
    finally:
        await engine.dispose()


async def test_same_day_gives_the_same_demo(tmp_path: Path) -> None:
    a, b = demo_settings(tmp_path / "a"), demo_settings(tmp_path / "b")
    await create_demo_database(a, today=DAY)
    await create_demo_database(b, today=DAY)
    assert await snapshot(a) == await snapshot(b)


async def test_building_again_leaves_existing_data_alone(tmp_path: Path) -> None:
    settings = demo_settings(tmp_path)
    assert await create_demo_database(settings, today=DAY) is not None
    assert await create_demo_database(settings, today=DAY) is None


async def test_demo_has_what_the_issue_asks_for(tmp_path: Path) -> None:
    settings = demo_settings(tmp_path)
    summary = await create_demo_database(settings, today=DAY)
    assert summary is not None and summary.families >= 20
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as db:
            users = {u.email: u for u in (await db.scalars(select(User))).all()}
            assert {email for email, _ in DEMO_LOGINS} <= users.keys()
            assert all(u.password_hash and u.password_hash.startswith("$argon2id$")
                       for u in users.values())

            locations = (await db.scalars(select(Location).options(
                selectinload(Location.lrk_numbers)))).all()
            assert len(locations) >= 2 and {loc.city for loc in locations} == {"Eindhoven"}
            assert all(len(r.lrk_number) == 9 for loc in locations for r in loc.lrk_numbers)
            groups = (await db.scalars(select(CareGroup).options(
                selectinload(CareGroup.capacities)))).all()
            assert {g.care_type for g in groups} >= {CareType.KDV, CareType.BSO}
            assert all(g.capacities for g in groups)

            staff = (await db.scalars(select(User).where(User.role == Role.STAFF).options(
                selectinload(User.groups)))).all()
            assert {g.id for s in staff for g in s.groups} == {g.id for g in groups}
            fatima = next(s for s in staff if s.email == "fatima.elamrani@voorbeeld.nl")
            assert [g.name for g in fatima.groups] == ["Zonnetjes"]
            manager = await db.scalar(select(User).where(User.role == Role.MANAGER).options(
                selectinload(User.managed_locations)))
            assert len(manager.managed_locations) == len(locations)

            families = (await db.scalars(select(Family).options(
                selectinload(Family.children).selectinload(Child.contracts),
                selectinload(Family.members)))).all()
            assert any(len(f.children) == 2 for f in families)
            assert any(any(m.role is Role.SECONDARY_PARENT for m in f.members)
                       for f in families)
            lotte = users["lotte.jansen@voorbeeld.nl"]
            mark = users["mark.bakker@voorbeeld.nl"]
            ends = {f.id: [p.end_date for c in f.children for p in c.contracts]
                    for f in families}
            assert ends[lotte.family_id] == [DAY - timedelta(weeks=5)]
            assert ends[mark.family_id] == [add_months(DAY, -16)]
            rates = (await db.scalars(select(Contract.hourly_rate_cents))).all()
            assert any(r > 1123 for r in rates)  # above the 2026 KDV maximum

            closing = (await db.scalars(select(ClosingDay))).all()
            years = Counter(c.day.year for c in closing if c.location_id is None)
            # Two years back (the invoices reach 26 months back) and two ahead.
            assert set(years) == {2024, 2025, 2026, 2027, 2028}
            assert any(c.location_id is not None and "Studiedag" in c.reason
                       for c in closing)
    finally:
        await engine.dispose()


async def test_scale_multiplies_the_families(tmp_path: Path) -> None:
    settings = demo_settings(tmp_path)
    summary = await create_demo_database(settings, today=DAY, scale=3)
    assert summary is not None and summary.families == 3 * 24
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as db:
            assert await db.scalar(select(func.count()).select_from(Family)) == 72
    finally:
        await engine.dispose()


# The closing days the demo had while they were written out by hand (2025-2027): the
# holidays package must give the same.
KNOWN_CLOSING_DAYS = {
    2025: ["2025-01-01", "2025-04-21", "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25",
           "2025-12-26"],
    2026: ["2026-01-01", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25"],
    2027: ["2027-01-01", "2027-03-29", "2027-04-27", "2027-05-06", "2027-05-17"],
}


@pytest.mark.parametrize("year", sorted(KNOWN_CLOSING_DAYS))
def test_public_holidays_match_the_known_ones(year: int) -> None:
    assert [d.isoformat() for d, _ in public_holidays(year)] == KNOWN_CLOSING_DAYS[year]


@pytest.mark.parametrize("year", range(2028, 2041))
def test_public_holidays_for_years_to_come(year: int) -> None:
    names = {name: day for day, name in public_holidays(year)}
    easter = next(day for day, name in holidays.country_holidays(
        "NL", years=year, language="nl").items() if name == "Eerste paasdag")
    assert names["Tweede paasdag"] == easter + timedelta(days=1)
    assert names.get("Hemelvaartsdag", easter + timedelta(days=39)) == easter + timedelta(days=39)
    assert "Goede vrijdag" not in names  # childcare is open on Good Friday
    assert all(day.weekday() < 5 and day.year == year for day in names.values())
    assert ("Bevrijdingsdag" in names) == (year % 5 == 0 and date(year, 5, 5).weekday() < 5)
    assert (date(year, 12, 25) in names.values()) == (date(year, 12, 25).weekday() < 5)


def test_published_school_holidays_are_kept_as_they_are() -> None:
    assert school_holidays(date(2027, 8, 29)) == list(PUBLISHED_SCHOOL_HOLIDAYS)


def test_school_holidays_after_the_published_ones_follow_the_rule() -> None:
    """Each holiday a year on keeps its weekday and length and moves less than half a week;
    the 2027-28 school year is the 2026-27 one moved by 52 weeks."""
    found = school_holidays(date(2040, 12, 31))
    assert found[-1][2] >= date(2040, 12, 31)
    derived = found[len(PUBLISHED_SCHOOL_HOLIDAYS):]
    assert derived[:5] == [
        ("Herfstvakantie", date(2027, 10, 16), date(2027, 10, 24)),
        ("Kerstvakantie", date(2027, 12, 18), date(2028, 1, 2)),
        ("Voorjaarsvakantie", date(2028, 2, 5), date(2028, 2, 13)),
        ("Meivakantie", date(2028, 4, 22), date(2028, 4, 30)),
        ("Zomervakantie", date(2028, 7, 15), date(2028, 8, 27))]
    published = len(PUBLISHED_SCHOOL_HOLIDAYS)
    for (name, first, last), (earlier_name, earlier_first, earlier_last) in zip(
            found[published:], found[published - 5:], strict=False):
        assert name == earlier_name
        assert first.weekday() == 5 and last.weekday() == 6  # Saturday to Sunday
        assert last - first == earlier_last - earlier_first
        a_year_on = date(earlier_first.year + 1, earlier_first.month, earlier_first.day)
        assert abs((first - a_year_on).days) <= 3, (name, first)
    assert all(a[2] < b[1] for a, b in zip(found, found[1:], strict=False))  # in order, apart


async def test_the_demo_has_closing_days_and_school_holidays_in_2029(tmp_path: Path) -> None:
    """Built for a day years after the published schedule, the demo still has a calendar."""
    settings = demo_settings(tmp_path)
    await create_demo_database(settings, today=date(2029, 6, 4))
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as db:
            closing = set((await db.scalars(select(ClosingDay.day))).all())
            holidays_2029 = (await db.scalars(select(SchoolHoliday.name).where(
                SchoolHoliday.first_day.between(date(2029, 1, 1), date(2029, 12, 31))))).all()
    finally:
        await engine.dispose()
    assert {d for d, _ in public_holidays(2029)} <= closing
    assert {d for d, _ in public_holidays(2031)} <= closing
    assert sorted(holidays_2029) == sorted(["Voorjaarsvakantie", "Meivakantie",
                                            "Zomervakantie", "Herfstvakantie",
                                            "Kerstvakantie"])


def test_cli_demo_prints_the_logins(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUDERPORTAAL_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("OUDERPORTAAL_ARGON2_MEMORY_COST", "8")
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for email, _ in DEMO_LOGINS:
        assert email in out
    assert (tmp_path / "ouderportaal.sqlite3").exists()
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    assert "already holds data" in capsys.readouterr().out
    # The demo's families are in care: the purge (every feature's step) keeps everything.
    monkeypatch.setenv("OUDERPORTAAL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'ouderportaal.sqlite3'}")
    assert main(["purge"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "diary: 0 families, 0 entries, 0 attendances",
        "photos: 0 tags, 0 hearts, 0 photos, 0 files",
        "unsent uploads: 0 attachments, 0 news files, 0 blobs"]
