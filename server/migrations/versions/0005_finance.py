"""finance: tariffs, family billing, invoices with lines, generated documents

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 21:01:24.907974

Revision 0005: 0003 (school holidays) and 0004 (extra-day requests) were taken first.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tariff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "care_type",
            sa.Enum(
                "KDV",
                "BSO",
                "peuteropvang",
                name="care_type",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("hourly_rate_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint("hourly_rate_cents > 0", name=op.f("ck_tariff_rate_positive")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_tariff_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tariff")),
        sa.UniqueConstraint("organisation_id", "year", "care_type", name="uq_tariff_year_type"),
    )
    with op.batch_alter_table("tariff", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tariff_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "family_billing",
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column(
            "payment_method",
            sa.Enum(
                "direct_debit",
                "transfer",
                name="payment_method",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("iban", sa.String(length=34), nullable=True),
        sa.Column("mandate_reference", sa.String(length=35), nullable=True),
        sa.Column("mandate_signed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_family_billing_family_id_family")
        ),
        sa.PrimaryKeyConstraint("family_id", name=op.f("pk_family_billing")),
    )
    op.create_table(
        "finance_document",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_finance_document_family_id_family")
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_finance_document")),
    )
    with op.batch_alter_table("finance_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finance_document_family_id"), ["family_id"], unique=False
        )

    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("period_year", sa.Integer(), nullable=False),
        sa.Column("period_month", sa.Integer(), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "payment_method",
            sa.Enum(
                "direct_debit",
                "transfer",
                name="payment_method",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("mandate_reference", sa.String(length=35), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "paid",
                name="invoice_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "period_month BETWEEN 1 AND 12", name=op.f("ck_invoice_period_month_range")
        ),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_invoice_family_id_family")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice")),
        sa.UniqueConstraint(
            "family_id", "period_year", "period_month", name="uq_invoice_family_period"
        ),
        sa.UniqueConstraint("number", name=op.f("uq_invoice_number")),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_family_id"), ["family_id"], unique=False)

    op.create_table(
        "invoice_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "contract",
                "extra_day",
                name="invoice_line_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "care_type",
            sa.Enum(
                "KDV",
                "BSO",
                "peuteropvang",
                name="care_type",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("hourly_rate_cents", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("extra_day_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"], name=op.f("fk_invoice_line_child_id_child")
        ),
        sa.ForeignKeyConstraint(
            ["extra_day_item_id"],
            ["extra_day_item.id"],
            name=op.f("fk_invoice_line_extra_day_item_id_extra_day_item"),
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
            name=op.f("fk_invoice_line_invoice_id_invoice"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_invoice_line_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
            name=op.f("fk_invoice_line_placement_id_placement"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_line")),
        sa.UniqueConstraint("extra_day_item_id", name=op.f("uq_invoice_line_extra_day_item_id")),
    )
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_line_child_id"), ["child_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invoice_line_invoice_id"), ["invoice_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_line_invoice_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_line_child_id"))

    op.drop_table("invoice_line")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_family_id"))

    op.drop_table("invoice")
    with op.batch_alter_table("finance_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finance_document_family_id"))

    op.drop_table("finance_document")
    op.drop_table("family_billing")
    with op.batch_alter_table("tariff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tariff_organisation_id"))

    op.drop_table("tariff")
