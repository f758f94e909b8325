"""absences and absence credit

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 15:54:26.957331
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "day_part",
            sa.Enum(
                "ochtend",
                "middag",
                "vso",
                "nso",
                "vakantie",
                name="day_part",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "reason",
            sa.Enum(
                "ziek",
                "vakantie",
                "overig",
                name="absence_reason",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("reported_by_id", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cancelled_by_id"], ["app_user.id"], name=op.f("fk_absence_cancelled_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], name=op.f("fk_absence_child_id_child")),
        sa.ForeignKeyConstraint(
            ["reported_by_id"], ["app_user.id"], name=op.f("fk_absence_reported_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence")),
    )
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_child_id"), ["child_id"], unique=False)

    op.create_table(
        "absence_credit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("absence_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("earned_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_absence_credit_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["absence_id"], ["absence.id"], name=op.f("fk_absence_credit_absence_id_absence")
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"], name=op.f("fk_absence_credit_child_id_child")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence_credit")),
        sa.UniqueConstraint("absence_id", name=op.f("uq_absence_credit_absence_id")),
    )
    with op.batch_alter_table("absence_credit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_absence_credit_child_id"), ["child_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("absence_credit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_credit_child_id"))

    op.drop_table("absence_credit")
    with op.batch_alter_table("absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_absence_child_id"))

    op.drop_table("absence")
