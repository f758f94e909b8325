"""Access ends 15 months (policy) after the family's last contract ended."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from server_helpers import (
    FATIMA,
    LOTTE,
    MARK,
    PASSWORD,
    TODAY,
    bearer,
    both_databases,
    login,
    tokens,
)
from sqlalchemy import delete, event, select, update

from server.auth.sessions import authenticate_access
from server.config import AMSTERDAM
from server.dates import add_months
from server.models import Child, Contract, Family, Organisation, User

pytestmark = both_databases

# Lotte's contract ended five weeks before the demo's day; access lasts 15 months after.
LOTTE_END = TODAY - timedelta(weeks=5)
LOTTE_LAST_DAY = add_months(LOTTE_END, 15)


def amsterdam(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


async def test_recently_ended_contract_still_has_access_and_sees_until_when(client) -> None:  # noqa: ANN001
    body = await tokens(client, LOTTE)
    me = (await client.get("/api/v1/me", headers=bearer(body))).json()
    assert me["access_until"] == LOTTE_LAST_DAY.isoformat()


async def test_contract_ended_16_months_ago_is_refused_with_its_own_code(client) -> None:  # noqa: ANN001
    response = await login(client, MARK, PASSWORD)
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "account_expired"
    assert body["access_ended_on"] == add_months(add_months(TODAY, -16), 15).isoformat()
    assert "15 maanden" in body["detail"]


async def test_wrong_password_of_an_expired_account_says_nothing_about_expiry(client) -> None:  # noqa: ANN001
    assert (await login(client, MARK, "wrong")).json()["code"] == "invalid_credentials"


async def test_boundary_last_day_allowed_next_day_refused(client, clock) -> None:  # noqa: ANN001
    clock.current = amsterdam(LOTTE_LAST_DAY, 23, 30)
    assert (await login(client, LOTTE, PASSWORD)).status_code == 200
    # 00:30 in Amsterdam is still the previous day in UTC: the Dutch date counts.
    clock.current = amsterdam(LOTTE_LAST_DAY + timedelta(days=1), 0, 30)
    refused = await login(client, LOTTE, PASSWORD)
    assert refused.json()["code"] == "account_expired"
    assert refused.json()["access_ended_on"] == LOTTE_LAST_DAY.isoformat()


async def test_the_day_before_the_last_day_is_fine(client, clock) -> None:  # noqa: ANN001
    clock.current = amsterdam(LOTTE_LAST_DAY - timedelta(days=1), 12)
    assert (await login(client, LOTTE, PASSWORD)).status_code == 200


async def test_refresh_is_refused_once_access_ended(client, clock) -> None:  # noqa: ANN001
    clock.current = amsterdam(LOTTE_LAST_DAY, 23, 0)
    body = await tokens(client, LOTTE)
    clock.advance(hours=2)
    response = await client.post("/api/v1/auth/refresh",
                                 json={"refresh_token": body["refresh_token"]})
    assert response.status_code == 403
    assert response.json()["code"] == "account_expired"


async def test_open_ended_or_future_contract_keeps_access(client, db, clock) -> None:  # noqa: ANN001
    lotte = await db.scalar(select(User).where(User.email == LOTTE))
    child_ids = select(Child.id).where(Child.family_id == lotte.family_id)
    clock.current = amsterdam(LOTTE_LAST_DAY + timedelta(days=400), 12)
    await db.execute(update(Contract).where(Contract.child_id.in_(child_ids))
                     .values(end_date=None))
    await db.commit()
    assert (await login(client, LOTTE, PASSWORD)).status_code == 200
    later = clock.current.date() + timedelta(days=30)
    await db.execute(update(Contract).where(Contract.child_id.in_(child_ids))
                     .values(end_date=later))
    await db.commit()
    assert (await login(client, LOTTE, PASSWORD)).status_code == 200


async def test_family_without_contracts_is_active(client, db) -> None:  # noqa: ANN001
    mark = await db.scalar(select(User).where(User.email == MARK))
    child_ids = select(Child.id).where(Child.family_id == mark.family_id)
    await db.execute(delete(Contract).where(Contract.child_id.in_(child_ids)))
    await db.commit()
    assert (await login(client, MARK, PASSWORD)).status_code == 200


async def test_retention_follows_the_organisation_policy(client, db) -> None:  # noqa: ANN001
    await db.execute(update(Organisation).values(policy={"account_retention_months": 24}))
    await db.commit()
    assert (await login(client, MARK, PASSWORD)).status_code == 200


async def test_staff_never_expire(client, clock) -> None:  # noqa: ANN001
    clock.advance(days=365 * 5)
    assert (await login(client, FATIMA, PASSWORD)).status_code == 200


async def test_secondary_parent_shares_the_familys_expiry(client, db) -> None:  # noqa: ANN001
    mark = await db.scalar(select(User).where(User.email == MARK))
    family = await db.get(Family, mark.family_id)
    db.add(User(organisation_id=mark.organisation_id, email="partner.bakker@voorbeeld.nl",
                name="Partner Bakker", role="secondary_parent", family_id=family.id,
                password_hash=mark.password_hash, created_at=mark.created_at))
    await db.commit()
    response = await login(client, "partner.bakker@voorbeeld.nl", PASSWORD)
    assert response.json()["code"] == "account_expired"


async def test_a_live_access_token_stops_working_when_access_ends(client, clock) -> None:  # noqa: ANN001
    """The token was handed out on the last day; a minute past midnight it is still valid
    for 14 more minutes, but every authenticated request refuses it."""
    clock.current = amsterdam(LOTTE_LAST_DAY, 23, 59)
    body = await tokens(client, LOTTE)
    paths = ["/api/v1/me", "/api/v1/agenda?from=2026-03-02&to=2026-03-08", "/api/v1/requests",
             "/api/v1/extra-days", "/api/v1/credit", "/api/v1/policy", "/api/v1/finance"]
    for path in paths:
        assert (await client.get(path, headers=bearer(body))).status_code == 200, path
    clock.advance(minutes=1)
    for path in paths:
        response = await client.get(path, headers=bearer(body))
        assert (response.status_code, response.json()["code"]) == (403, "account_expired"), path
        assert response.json()["access_ended_on"] == LOTTE_LAST_DAY.isoformat()


async def test_a_contract_ended_behind_a_live_token_ends_access_at_once(client, db) -> None:  # noqa: ANN001
    """Nothing is cached with the token: the family's contracts are read in its lookup."""
    body = await tokens(client, LOTTE)
    assert (await client.get("/api/v1/me", headers=bearer(body))).status_code == 200
    lotte = await db.scalar(select(User).where(User.email == LOTTE))
    await db.execute(update(Contract).where(Contract.child_id.in_(
        select(Child.id).where(Child.family_id == lotte.family_id)))
        .values(end_date=add_months(TODAY, -16)))
    await db.commit()
    response = await client.get("/api/v1/me", headers=bearer(body))
    assert response.json()["code"] == "account_expired"


async def test_the_access_check_is_one_query(app, client) -> None:  # noqa: ANN001
    """Authenticating a request, expiry included, is a single indexed lookup."""
    body = await tokens(client, LOTTE)
    statements: list[str] = []
    async with app.state.sessionmaker() as session:
        engine = session.bind.sync_engine

        def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", count)
        try:
            auth = await authenticate_access(session, body["access_token"],
                                             app.state.settings.now())
        finally:
            event.remove(engine, "before_cursor_execute", count)
    assert auth.user.email == LOTTE
    assert len(statements) == 1, statements


async def _second_child(db, email: str, start: date, end: date | None) -> None:  # noqa: ANN001
    """Give the family a second child with a contract of its own (the first one's group)."""
    user = await db.scalar(select(User).where(User.email == email))
    first = await db.scalar(select(Contract).join(Child).where(
        Child.family_id == user.family_id))
    child = Child(family_id=user.family_id, first_name="Lieke", last_name="Bakker",
                  date_of_birth=date(2022, 5, 1))
    db.add(child)
    await db.flush()
    db.add(Contract(child_id=child.id, group_id=first.group_id, care_type=first.care_type,
                    start_date=start, end_date=end, hourly_rate_cents=first.hourly_rate_cents))
    await db.commit()


async def test_one_ended_and_one_running_contract_keep_access(client, db, clock) -> None:  # noqa: ANN001
    """Mark's only contract ended 16 months ago; a running contract of a second child keeps
    the family in, whatever happened to the first."""
    await _second_child(db, MARK, add_months(TODAY, -3), None)
    body = await tokens(client, MARK)
    me = (await client.get("/api/v1/me", headers=bearer(body))).json()
    assert me["access_until"] is None
    clock.advance(days=365 * 3)
    assert (await login(client, MARK, PASSWORD)).status_code == 200


async def test_access_lasts_15_months_after_the_last_of_the_contracts(client, db, clock) -> None:  # noqa: ANN001
    """The later end date counts, not the earlier one: 15 months after it, to the day."""
    later_end = TODAY + timedelta(days=20)
    await _second_child(db, MARK, add_months(TODAY, -3), later_end)
    last_day = add_months(later_end, 15)
    body = await tokens(client, MARK)
    assert (await client.get("/api/v1/me", headers=bearer(body))).json()["access_until"] == \
        last_day.isoformat()
    clock.current = amsterdam(last_day, 23, 59)
    assert (await login(client, MARK, PASSWORD)).status_code == 200
    clock.current = amsterdam(last_day + timedelta(days=1), 0, 1)
    refused = await login(client, MARK, PASSWORD)
    assert (refused.json()["code"], refused.json()["access_ended_on"]) == (
        "account_expired", last_day.isoformat())
