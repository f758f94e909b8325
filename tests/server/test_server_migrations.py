"""The Alembic migrations create exactly the schema the models describe, and keep the data."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from server_helpers import both_databases

from server.config import Settings
from server.db import create_engine, downgrade, migrate
from server.models import Base

pytestmark = both_databases

# What 0006 (placement → contract) must carry over row for row, written with today's names;
# before 0006 every "contract" in them reads "placement".
CONTRACT_ROWS = [
    "SELECT id, child_id, group_id, start_date, end_date, hourly_rate_cents FROM contract "
    "ORDER BY id",
    "SELECT contract_id, weekday, day_part FROM contract_day ORDER BY 1, 2, 3",
    "SELECT id, contract_id, invoice_cents FROM extra_day_item ORDER BY id",
    "SELECT id, contract_id, amount_cents FROM invoice_line ORDER BY id",
    "SELECT id, item_id, credit_id, minutes FROM credit_use ORDER BY id",
]
ORGANISATION = sa.table("organisation", sa.column("id", sa.Integer), sa.column("policy", sa.JSON))


def schema_names(connection: sa.Connection) -> dict[str, set[str]]:
    """Per table, the names of its primary key, foreign keys, checks, uniques and indexes."""
    inspector = sa.inspect(connection)
    names = {}
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        found = {inspector.get_pk_constraint(table)["name"]}
        found |= {fk["name"] for fk in inspector.get_foreign_keys(table)}
        found |= {ck["name"] for ck in inspector.get_check_constraints(table)}
        found |= {uq["name"] for uq in inspector.get_unique_constraints(table)}
        found |= {ix["name"] for ix in inspector.get_indexes(table)
                  if not ix.get("duplicates_constraint")}
        names[table] = found
    return names


async def test_migrated_schema_matches_the_models(settings: Settings, tmp_path: Path) -> None:
    engine = create_engine(settings)
    try:
        await migrate(engine)  # already at head: must be a no-op

        def differences(connection):  # noqa: ANN001, ANN202
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)

        async with engine.connect() as connection:
            assert await connection.run_sync(differences) == []
    finally:
        await engine.dispose()


async def test_migrated_constraints_and_indexes_have_the_models_names(
        settings: Settings) -> None:
    # compare_metadata does not look at constraint names; a later migration that drops one
    # by name needs them to be the models' names on every database.
    models = sa.create_engine("sqlite://")
    Base.metadata.create_all(models)
    with models.connect() as connection:
        expected = schema_names(connection)
    models.dispose()
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(schema_names) == expected
    finally:
        await engine.dispose()


async def test_renaming_placements_to_contracts_keeps_every_row_and_policy_value(
        settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        async with engine.connect() as connection:
            before = [(await connection.exec_driver_sql(q)).all() for q in CONTRACT_ROWS]
        assert all(before), "the demo must have rows in every table the migration touches"

        await downgrade(engine, "0005")
        async with engine.begin() as connection:
            old = [(await connection.exec_driver_sql(q.replace("contract", "placement"))).all()
                   for q in CONTRACT_ROWS]
            await connection.execute(ORGANISATION.update().values(
                policy={"undo_absence_min_days": 21, "extra_day_min_days_ahead": 5}))
        assert old == before

        await migrate(engine)
        async with engine.connect() as connection:
            after = [(await connection.exec_driver_sql(q)).all() for q in CONTRACT_ROWS]
            policies = (await connection.execute(sa.select(ORGANISATION.c.policy))).scalars()
            assert after == before
            assert list(policies) == [{"cancel_absence_min_days": 21,
                                       "extra_day_min_days_ahead": 5}]
    finally:
        await engine.dispose()


async def test_publishing_off_the_request_path_queues_every_family_for_its_documents(
        settings: Settings) -> None:
    # Before 0008 the PDFs lived in finance_document.content; after it every family is queued
    # and the publisher makes them again (the same bytes: the old hashes stay valid).
    engine = create_engine(settings)
    try:
        await downgrade(engine, "0007")
        async with engine.begin() as connection:
            families = (await connection.exec_driver_sql("SELECT id FROM family ORDER BY id")
                        ).scalars().all()
            await connection.exec_driver_sql(
                "INSERT INTO finance_document (key, family_id, fingerprint, sha256, size, "
                f"content) VALUES ('invoice-1', {families[0]}, 'f', 's', 3, 'pdf')")
        await migrate(engine)
        async with engine.connect() as connection:
            queued = (await connection.exec_driver_sql(
                "SELECT family_id FROM finance_publication ORDER BY family_id")).scalars().all()
            documents = (await connection.exec_driver_sql(
                "SELECT count(*) FROM finance_document")).scalar()
        assert queued == families and documents == 0
    finally:
        await engine.dispose()
