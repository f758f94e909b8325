"""a news item's picture and attachment

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 17:00:00

- `news_file`: an uploaded picture (re-encoded, no EXIF) or attachment (PDF, JPEG, PNG) in
  the blob store; unlinked (`news_id` NULL) until the item that carries it is published, at
  most one of each purpose per item (docs/api.md, "News").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "news_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("news_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.Enum("image", "attachment", name="news_file_purpose",
                                     native_enum=False, create_constraint=True, length=24),
                  nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob_key", sa.String(length=300), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["news_id"], ["news_item.id"], ondelete="CASCADE",
                                name=op.f("fk_news_file_news_id_news_item")),
        sa.ForeignKeyConstraint(["uploaded_by"], ["app_user.id"], ondelete="CASCADE",
                                name=op.f("fk_news_file_uploaded_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_file")),
        sa.UniqueConstraint("news_id", "purpose", name=op.f("uq_news_file_news_id")),
    )
    op.create_index(op.f("ix_news_file_news_id"), "news_file", ["news_id"])
    op.create_index(op.f("ix_news_file_uploaded_by"), "news_file", ["uploaded_by"])


def downgrade() -> None:
    op.drop_table("news_file")
