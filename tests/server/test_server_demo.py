"""The deterministic demo organisation."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from server_helpers import FakeClock
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from server.cli import main
from server.config import AMSTERDAM, Settings, sqlite_url
from server.dates import add_months
from server.db import create_engine, create_sessionmaker
from server.demo.data import easter_sunday, public_holidays
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
            assert set(years) == {2025, 2026, 2027}
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


@pytest.mark.parametrize(("year", "easter"), [(2025, date(2025, 4, 20)),
                                              (2026, date(2026, 4, 5)),
                                              (2027, date(2027, 3, 28))])
def test_easter_and_holidays(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter
    names = dict((name, day) for day, name in public_holidays(year))
    assert names["Tweede paasdag"] == easter + timedelta(days=1)
    assert names["Hemelvaartsdag"] == easter + timedelta(days=39)
    assert all(day.weekday() < 5 for day in names.values())
    assert ("Bevrijdingsdag" in names) == (year == 2025)


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
