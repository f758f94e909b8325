"""extra day requests

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 19:58:31

Kept as revision 0004: 0003 was already taken by the school holidays.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extra_day_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=False),
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
            nullable=True,
        ),
        sa.Column(
            "payment",
            sa.Enum(
                "credit",
                "invoice",
                "mixed",
                name="extra_day_payment",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                "withdrawn",
                name="extra_day_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("submitted_by_id", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.String(length=500), nullable=True),
        sa.CheckConstraint(
            "last_date >= first_date", name=op.f("ck_extra_day_request_last_after_first")
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"], name=op.f("fk_extra_day_request_child_id_child")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["app_user.id"],
            name=op.f("fk_extra_day_request_decided_by_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_id"],
            ["app_user.id"],
            name=op.f("fk_extra_day_request_submitted_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extra_day_request")),
    )
    with op.batch_alter_table("extra_day_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_extra_day_request_child_id"), ["child_id"], unique=False
        )

    op.create_table(
        "extra_day_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
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
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("hourly_rate_cents", sa.Integer(), nullable=False),
        sa.Column("credit_minutes", sa.Integer(), nullable=False),
        sa.Column("invoice_cents", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "credit_minutes >= 0 AND credit_minutes <= minutes",
            name=op.f("ck_extra_day_item_credit_within_minutes"),
        ),
        sa.CheckConstraint(
            "invoice_cents >= 0", name=op.f("ck_extra_day_item_invoice_not_negative")
        ),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_extra_day_item_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
            name=op.f("fk_extra_day_item_placement_id_placement"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["extra_day_request.id"],
            name=op.f("fk_extra_day_item_request_id_extra_day_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extra_day_item")),
    )
    with op.batch_alter_table("extra_day_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_extra_day_item_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "credit_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("credit_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_credit_use_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["credit_id"],
            ["absence_credit.id"],
            name=op.f("fk_credit_use_credit_id_absence_credit"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["extra_day_item.id"],
            name=op.f("fk_credit_use_item_id_extra_day_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_use")),
    )
    with op.batch_alter_table("credit_use", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credit_use_credit_id"), ["credit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_credit_use_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("credit_use", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credit_use_item_id"))
        batch_op.drop_index(batch_op.f("ix_credit_use_credit_id"))

    op.drop_table("credit_use")
    with op.batch_alter_table("extra_day_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_extra_day_item_request_id"))

    op.drop_table("extra_day_item")
    with op.batch_alter_table("extra_day_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_extra_day_request_child_id"))

    op.drop_table("extra_day_request")
