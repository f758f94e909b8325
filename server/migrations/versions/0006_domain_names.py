"""domain names: placement → contract, undo_absence_min_days → cancel_absence_min_days

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00

One name per concept (docs/api.md, "Glossary"): the tables `placement` and `placement_day`
become `contract` and `contract_day`, every `placement_id` column becomes `contract_id`, and
every constraint, index and sequence named after them follows, so the schema is the one the
models would create. An organisation's own policy value `undo_absence_min_days` is carried over
to `cancel_absence_min_days` (the server ignores unknown policy keys, so it would otherwise be
lost without a word).

PostgreSQL renames everything in place. SQLite renames tables and columns in place too (it
rewrites the references of other tables' foreign keys itself) but keeps constraint names in the
table's CREATE statement, so batch mode recreates the four tables with the new names. That is
safe only because `server.db.migrate` runs migrations with foreign-key enforcement off:
otherwise dropping the old `contract` table would cascade to `contract_day` and `invoice_line`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = [("placement", "contract"), ("placement_day", "contract_day")]
# (table as named before this revision, old column, new column)
COLUMNS = [("placement_day", "placement_id", "contract_id"),
           ("extra_day_item", "placement_id", "contract_id"),
           ("invoice_line", "placement_id", "contract_id")]
# table (as named after this revision) -> (old name, new name) of its constraints and indexes
NAMES = {
    "contract": [
        ("pk_placement", "pk_contract"),
        ("ck_placement_end_after_start", "ck_contract_end_after_start"),
        ("ck_placement_hourly_rate_positive", "ck_contract_hourly_rate_positive"),
        ("ck_placement_weeks_per_year", "ck_contract_weeks_per_year"),
        ("ck_placement_care_type", "ck_contract_care_type"),
        ("fk_placement_child_id_child", "fk_contract_child_id_child"),
        ("fk_placement_group_id_care_group", "fk_contract_group_id_care_group"),
        ("ix_placement_child_id", "ix_contract_child_id"),
        ("ix_placement_group_id", "ix_contract_group_id"),
    ],
    "contract_day": [
        ("pk_placement_day", "pk_contract_day"),
        ("ck_placement_day_weekday_range", "ck_contract_day_weekday_range"),
        ("ck_placement_day_day_part", "ck_contract_day_day_part"),
        ("fk_placement_day_placement_id_placement", "fk_contract_day_contract_id_contract"),
    ],
    "extra_day_item": [
        ("fk_extra_day_item_placement_id_placement", "fk_extra_day_item_contract_id_contract"),
    ],
    "invoice_line": [
        ("fk_invoice_line_placement_id_placement", "fk_invoice_line_contract_id_contract"),
    ],
}
SEQUENCES = [("placement_id_seq", "contract_id_seq")]  # PostgreSQL's SERIAL of placement.id
POLICY_KEYS = [("undo_absence_min_days", "cancel_absence_min_days")]


def upgrade() -> None:
    _rename(TABLES, COLUMNS, NAMES, SEQUENCES, POLICY_KEYS)


def downgrade() -> None:
    new_table = dict(TABLES)
    _rename([(new, old) for old, new in TABLES],
            [(new_table.get(table, table), new, old) for table, old, new in COLUMNS],
            {_old_table(table): [(new, old) for old, new in pairs]
             for table, pairs in NAMES.items()},
            [(new, old) for old, new in SEQUENCES],
            [(new, old) for old, new in POLICY_KEYS])


def _old_table(table: str) -> str:
    return {new: old for old, new in TABLES}.get(table, table)


def _rename(tables: list[tuple[str, str]], columns: list[tuple[str, str, str]],
            names: dict[str, list[tuple[str, str]]], sequences: list[tuple[str, str]],
            policy_keys: list[tuple[str, str]]) -> None:
    """`names` is keyed by the tables' names after `tables` is applied."""
    for old, new in tables:
        op.rename_table(old, new)
    renamed = dict(tables)
    for table, old, new in columns:
        op.alter_column(renamed.get(table, table), old, new_column_name=new)
    if op.get_bind().dialect.name == "postgresql":
        _rename_in_place(names, sequences)
    else:
        for table, pairs in names.items():
            _recreate_with_names(table, dict(pairs))
    _rename_policy_keys(policy_keys)


def _rename_in_place(names: dict[str, list[tuple[str, str]]],
                     sequences: list[tuple[str, str]]) -> None:
    for table, pairs in names.items():
        for old, new in pairs:
            if old.startswith("ix_"):
                op.execute(f"ALTER INDEX {old} RENAME TO {new}")
            else:
                op.execute(f"ALTER TABLE {table} RENAME CONSTRAINT {old} TO {new}")
    for old, new in sequences:
        op.execute(f"ALTER SEQUENCE {old} RENAME TO {new}")


def _recreate_with_names(table: str, renames: dict[str, str]) -> None:
    """SQLite: recreate `table` (batch mode) with its constraints and indexes renamed; their
    definitions are read from the database as they are."""
    inspector = sa.inspect(op.get_bind())
    checks = {c["name"]: c for c in inspector.get_check_constraints(table)}
    foreign_keys = {f["name"]: f for f in inspector.get_foreign_keys(table)}
    primary_key = inspector.get_pk_constraint(table)
    indexes = {i["name"]: i for i in inspector.get_indexes(table)}
    with op.batch_alter_table(table, recreate="always") as batch:
        for old, new in renames.items():
            old_name, new_name = op.f(old), op.f(new)  # final: no naming convention on top
            if old in checks:
                batch.drop_constraint(old_name, type_="check")
                batch.create_check_constraint(new_name, checks[old]["sqltext"])
            elif old in foreign_keys:
                fk = foreign_keys[old]
                batch.drop_constraint(old_name, type_="foreignkey")
                batch.create_foreign_key(new_name, fk["referred_table"], fk["constrained_columns"],
                                         fk["referred_columns"],
                                         ondelete=fk["options"].get("ondelete"))
            elif old == primary_key["name"]:
                batch.drop_constraint(old_name, type_="primary")
                batch.create_primary_key(new_name, primary_key["constrained_columns"])
            elif old in indexes:
                batch.drop_index(old_name)
                batch.create_index(new_name, indexes[old]["column_names"],
                                   unique=bool(indexes[old]["unique"]))
            else:
                raise RuntimeError(f"table {table} has no constraint or index {old}")


def _rename_policy_keys(keys: list[tuple[str, str]]) -> None:
    organisation = sa.table("organisation", sa.column("id", sa.Integer),
                            sa.column("policy", sa.JSON))
    bind = op.get_bind()
    for row in bind.execute(sa.select(organisation.c.id, organisation.c.policy)).all():
        policy = dict(row.policy or {})
        changed = False
        for old, new in keys:
            if old in policy:
                policy[new] = policy.pop(old)
                changed = True
        if changed:
            bind.execute(organisation.update().where(organisation.c.id == row.id)
                         .values(policy=policy))
