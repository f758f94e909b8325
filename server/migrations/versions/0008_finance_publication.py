"""finance documents published off the request path: listing columns, bytes in the blob store

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:00:00

`finance_document` kept each PDF's bytes in a column, and a listing made missing PDFs on the
spot. Now a publisher makes them when their data changes (server.finance.publication): the
table keeps what the listing shows (kind, number, period, amount, status, position), the
SHA-256 and size, and the key of the bytes in the blob store; `finance_publication` is the
queue of families whose documents must be (re)published.

The old rows are dropped rather than moved: their bytes would have to go to the blob store,
which a migration cannot reach (it may be another machine's, or S3). Every family is queued
instead, and the publisher makes the same PDFs again — the bytes are deterministic, so the
SHA-256s and ETags the apps hold stay valid. Downgrading empties the table the same way (the
old server made missing PDFs when listing).
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from server.models.base import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_finance_document_family_id", table_name="finance_document")
    op.drop_table("finance_document")
    op.create_table(
        "finance_document",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("child_name", sa.String(length=100), nullable=True),
        sa.Column("care_type", sa.String(length=24), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("blob_key", sa.String(length=300), nullable=False),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_finance_document_family_id_family")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_finance_document")),
    )
    op.create_index("ix_finance_document_family_position", "finance_document",
                    ["family_id", "position"], unique=False)
    publication = op.create_table(
        "finance_publication",
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", UtcDateTime(), nullable=False),
        sa.Column("wanted_at", UtcDateTime(), nullable=True),
        sa.Column("claimed_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], ondelete="CASCADE",
                                name=op.f("fk_finance_publication_family_id_family")),
        sa.PrimaryKeyConstraint("family_id", name=op.f("pk_finance_publication")),
    )
    family = sa.table("family", sa.column("id", sa.Integer))
    now = sa.literal(datetime.now(UTC), UtcDateTime())
    op.execute(publication.insert().from_select(["family_id", "requested_at"],
                                                sa.select(family.c.id, now)))


def downgrade() -> None:
    op.drop_table("finance_publication")
    op.drop_index("ix_finance_document_family_position", table_name="finance_document")
    op.drop_table("finance_document")
    op.create_table(
        "finance_document",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_finance_document_family_id_family")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_finance_document")),
    )
    op.create_index("ix_finance_document_family_id", "finance_document", ["family_id"],
                    unique=False)

