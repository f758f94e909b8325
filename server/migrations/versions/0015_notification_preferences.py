"""notification preferences and the record of unread-message mails

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 18:40:00

- `notification_preferences`: per user, the desktop notification categories and the
  unread-message mails (docs/api.md, "Notifications"); a missing row is the defaults.
- `message_mail`: the last unread-message mail per user and conversation (the senders'
  claim and the one-per-hour rule).
- `ix_message_sent_at`: the senders look up the messages of a time window every minute.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_user_id_app_user"))


def upgrade() -> None:
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        *(sa.Column(f"desktop_{category}", sa.Boolean(), nullable=False)
          for category in ("messages", "news", "decisions", "diary", "photos")),
        sa.Column("email_unread_messages", sa.Boolean(), nullable=False),
        sa.Column("email_include_text", sa.Boolean(), nullable=False),
        sa.Column("email_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=True),
        _user_fk("notification_preferences"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_notification_preferences")),
    )
    op.create_table(
        "message_mail",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("mailed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_message_id", sa.Integer(), nullable=False),
        _user_fk("message_mail"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversation.id"], ondelete="CASCADE",
                                name=op.f("fk_message_mail_conversation_id_conversation")),
        sa.PrimaryKeyConstraint("user_id", "conversation_id", name=op.f("pk_message_mail")),
    )
    op.create_index(op.f("ix_message_mail_conversation_id"), "message_mail",
                    ["conversation_id"])
    op.create_index("ix_message_sent_at", "message", ["sent_at"])


def downgrade() -> None:
    op.drop_index("ix_message_sent_at", table_name="message")
    op.drop_index(op.f("ix_message_mail_conversation_id"), table_name="message_mail")
    op.drop_table("message_mail")
    op.drop_table("notification_preferences")
