"""news: items, their audience, read state

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 16:10:00

- `news_item`: title, sanitised body (docs/api.md, "News"), author, publication time.
- `news_audience`: organisation, locations or groups the item is for.
- `news_read`: who read which item.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "news_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_news_item_organisation_id_organisation")),
        sa.ForeignKeyConstraint(["author_id"], ["app_user.id"],
                                name=op.f("fk_news_item_author_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_item")),
    )
    op.create_index("ix_news_item_organisation_published", "news_item",
                    ["organisation_id", "published_at"])
    op.create_table(
        "news_audience",
        sa.Column("news_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("organisation", "location", "group", name="audience_kind",
                                  native_enum=False, create_constraint=True, length=24),
                  nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["news_id"], ["news_item.id"], ondelete="CASCADE",
                                name=op.f("fk_news_audience_news_id_news_item")),
        sa.PrimaryKeyConstraint("news_id", "kind", "target_id", name=op.f("pk_news_audience")),
    )
    op.create_index("ix_news_audience_target", "news_audience", ["kind", "target_id"])
    op.create_table(
        "news_read",
        sa.Column("news_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["news_id"], ["news_item.id"], ondelete="CASCADE",
                                name=op.f("fk_news_read_news_id_news_item")),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE",
                                name=op.f("fk_news_read_user_id_app_user")),
        sa.PrimaryKeyConstraint("news_id", "user_id", name=op.f("pk_news_read")),
    )
    op.create_index(op.f("ix_news_read_user_id"), "news_read", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_news_read_user_id"), table_name="news_read")
    op.drop_table("news_read")
    op.drop_index("ix_news_audience_target", table_name="news_audience")
    op.drop_table("news_audience")
    op.drop_index("ix_news_item_organisation_published", table_name="news_item")
    op.drop_table("news_item")
