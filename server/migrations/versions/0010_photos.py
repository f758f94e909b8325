"""photos: activities (albums), photos, their renditions in the blob store, tags

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 16:00:00

- `activity`: what a group did on one day (title, caption), posted by staff or a manager.
- `photo`: one photo of an activity (its size in pixels, who uploaded it, when a family's
  copy last had to change).
- `photo_file`: the thumbnail, screen and original renditions: blob key, type, size, SHA-256.
- `photo_tag`: the children on a photo (only those with portal photo consent).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["app_user.id"], ondelete="SET NULL",
                                name=op.f("fk_activity_created_by_app_user")),
        sa.ForeignKeyConstraint(["group_id"], ["care_group.id"],
                                name=op.f("fk_activity_group_id_care_group")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    op.create_index("ix_activity_group_day", "activity", ["group_id", "day"])
    op.create_table(
        "photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="CASCADE",
                                name=op.f("fk_photo_activity_id_activity")),
        sa.ForeignKeyConstraint(["uploaded_by"], ["app_user.id"], ondelete="SET NULL",
                                name=op.f("fk_photo_uploaded_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo")),
    )
    op.create_index("ix_photo_activity_id", "photo", ["activity_id", "id"])
    op.create_table(
        "photo_file",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("rendition", sa.Enum("thumbnail", "screen", "original",
                                       name="photo_rendition", native_enum=False,
                                       create_constraint=True, length=24), nullable=False),
        sa.Column("blob_key", sa.String(length=300), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"], ondelete="CASCADE",
                                name=op.f("fk_photo_file_photo_id_photo")),
        sa.PrimaryKeyConstraint("photo_id", "rendition", name=op.f("pk_photo_file")),
    )
    op.create_index(op.f("ix_photo_file_blob_key"), "photo_file", ["blob_key"])
    op.create_table(
        "photo_tag",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["child_id"], ["child.id"], ondelete="CASCADE",
                                name=op.f("fk_photo_tag_child_id_child")),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"], ondelete="CASCADE",
                                name=op.f("fk_photo_tag_photo_id_photo")),
        sa.PrimaryKeyConstraint("photo_id", "child_id", name=op.f("pk_photo_tag")),
    )
    op.create_index(op.f("ix_photo_tag_child_id"), "photo_tag", ["child_id"])


def downgrade() -> None:
    op.drop_table("photo_tag")
    op.drop_table("photo_file")
    op.drop_table("photo")
    op.drop_table("activity")
