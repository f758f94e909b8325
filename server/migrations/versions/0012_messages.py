"""messages with the group: conversations, messages, attachments, read state

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 16:00:00

- `conversation`: a family's subject with a child's group (docs/api.md, "Messages").
- `message`: its plain-text messages, `from_family` saying the side.
- `message_attachment`: files in the blob store, linked to a message once it is sent.
- `conversation_read`: how far each participant has read.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str | None = "CASCADE"
        ) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "conversation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=150), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_message_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        _fk("conversation", "family_id", "family"),
        _fk("conversation", "child_id", "child"),
        sa.ForeignKeyConstraint(["group_id"], ["care_group.id"],
                                name=op.f("fk_conversation_group_id_care_group")),
        _fk("conversation", "started_by", "app_user", None),
        _fk("conversation", "closed_by", "app_user", None),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation")),
    )
    op.create_index(op.f("ix_conversation_child_id"), "conversation", ["child_id"])
    op.create_index("ix_conversation_family_last", "conversation",
                    ["family_id", "last_message_at"])
    op.create_index("ix_conversation_group_last", "conversation",
                    ["group_id", "last_message_at"])
    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("from_family", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        _fk("message", "conversation_id", "conversation"),
        _fk("message", "author_id", "app_user", None),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message")),
    )
    op.create_index("ix_message_conversation_id", "message", ["conversation_id", "id"])
    op.create_table(
        "message_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_by", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob_key", sa.String(length=300), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        _fk("message_attachment", "message_id", "message"),
        _fk("message_attachment", "uploaded_by", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_attachment")),
    )
    op.create_index(op.f("ix_message_attachment_message_id"), "message_attachment",
                    ["message_id"])
    op.create_index(op.f("ix_message_attachment_uploaded_by"), "message_attachment",
                    ["uploaded_by"])
    op.create_table(
        "conversation_read",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("from_family", sa.Boolean(), nullable=False),
        sa.Column("last_read_id", sa.Integer(), nullable=False),
        _fk("conversation_read", "conversation_id", "conversation"),
        _fk("conversation_read", "user_id", "app_user"),
        sa.PrimaryKeyConstraint("conversation_id", "user_id",
                                name=op.f("pk_conversation_read")),
    )
    op.create_index(op.f("ix_conversation_read_user_id"), "conversation_read", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_conversation_read_user_id"), table_name="conversation_read")
    op.drop_table("conversation_read")
    for index in ("ix_message_attachment_uploaded_by", "ix_message_attachment_message_id"):
        op.drop_index(op.f(index), table_name="message_attachment")
    op.drop_table("message_attachment")
    op.drop_index("ix_message_conversation_id", table_name="message")
    op.drop_table("message")
    for index in ("ix_conversation_group_last", "ix_conversation_family_last"):
        op.drop_index(index, table_name="conversation")
    op.drop_index(op.f("ix_conversation_child_id"), table_name="conversation")
    op.drop_table("conversation")
