"""school holidays

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "school_holiday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.CheckConstraint("last_day >= first_day",
                           name=op.f("ck_school_holiday_last_after_first")),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_school_holiday_organisation_id_organisation")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_holiday")),
    )
    op.create_index(op.f("ix_school_holiday_organisation_id"), "school_holiday",
                    ["organisation_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_school_holiday_organisation_id"), table_name="school_holiday")
    op.drop_table("school_holiday")
