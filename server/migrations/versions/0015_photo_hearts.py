"""the parents' hearts on photos

Revision ID: 0015
Revises: 0011
Create Date: 2026-12-01 18:30:00

- `photo_heart`: a parent marked a photo with a heart (one row per photo and parent); it goes
  with the photo and with the parent's account. Whether an organisation shows hearts is the
  policy value `photo_hearts` (the organisation's JSON column: no schema change).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_heart",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"], ondelete="CASCADE",
                                name=op.f("fk_photo_heart_photo_id_photo")),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE",
                                name=op.f("fk_photo_heart_user_id_app_user")),
        sa.PrimaryKeyConstraint("photo_id", "user_id", name=op.f("pk_photo_heart")),
    )
    op.create_index(op.f("ix_photo_heart_user_id"), "photo_heart", ["user_id"])


def downgrade() -> None:
    op.drop_table("photo_heart")
