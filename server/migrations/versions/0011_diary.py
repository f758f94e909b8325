"""the group day and the diary: attendance with its history, diary entries, medication consent

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 16:00:00

- `attendance`: a child's arrival and departure per day (one row per child and day), with the
  diary `revision` of its last change; `attendance_change`: every registration and correction.
- `diary_entry`: the staff's day text, the day's rhythm and the parents' notes; deleted ones
  keep their row (`deleted_at`) until the purge, so the sync can report them.
- `child.consent_medication`: the family agreed that staff give medicine it hands in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

KINDS = ("verslag", "eten", "drinken", "slapen", "luier", "activiteit", "medicatie",
         "temperatuur", "zonnebrand", "notitie")


def _fk(table: str, column: str, target: str, **options: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], **options,
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("arrived_at", sa.Time(), nullable=True),
        sa.Column("left_at", sa.Time(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("changed_by_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        _fk("attendance", "child_id", "child"),
        _fk("attendance", "group_id", "care_group"),
        _fk("attendance", "changed_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("child_id", "day", name=op.f("uq_attendance_child_day")),
    )
    op.create_index(op.f("ix_attendance_child_id"), "attendance", ["child_id"])
    op.create_table(
        "attendance_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attendance_id", sa.Integer(), nullable=False),
        sa.Column("arrived_at", sa.Time(), nullable=True),
        sa.Column("left_at", sa.Time(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("changed_by_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        _fk("attendance_change", "attendance_id", "attendance", ondelete="CASCADE"),
        _fk("attendance_change", "changed_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_change")),
    )
    op.create_index(op.f("ix_attendance_change_attendance_id"), "attendance_change",
                    ["attendance_id"])
    op.create_table(
        "diary_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.Enum(*KINDS, name="entry_kind", native_enum=False,
                                  create_constraint=True, length=24), nullable=False),
        sa.Column("at", sa.Time(), nullable=True),
        sa.Column("text", sa.String(length=4000), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("by_parent", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        _fk("diary_entry", "child_id", "child"),
        _fk("diary_entry", "author_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diary_entry")),
    )
    op.create_index("ix_diary_entry_child_day", "diary_entry", ["child_id", "day"])
    op.create_index("ix_diary_entry_child_revision", "diary_entry", ["child_id", "revision"])
    with op.batch_alter_table("child") as batch:
        batch.add_column(sa.Column("consent_medication", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table("child") as batch:
        batch.alter_column("consent_medication", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("child") as batch:
        batch.drop_column("consent_medication")
    for index in ("ix_diary_entry_child_revision", "ix_diary_entry_child_day"):
        op.drop_index(index, table_name="diary_entry")
    op.drop_table("diary_entry")
    op.drop_index(op.f("ix_attendance_change_attendance_id"), table_name="attendance_change")
    op.drop_table("attendance_change")
    op.drop_index(op.f("ix_attendance_child_id"), table_name="attendance")
    op.drop_table("attendance")
