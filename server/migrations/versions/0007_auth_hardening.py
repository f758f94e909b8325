"""auth hardening: throttle attempts in flight, known devices, refresh successors

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 10:00:00

- `throttle_counter`: `in_flight` and `claimed_at` (attempts being checked count against
  the free budget but are never failures); the key grows to 400 characters, the longest key
  a 254-character e-mail and a 64-character client address make.
- `known_device`: the hashed `device_token` a login hands out; it lifts the account-wide
  hourly cap for the device that presents it (docs/api.md, "Throttling").
- `session_token.successor`: a rotated refresh token's successor pair, encrypted with a key
  only the old token's holder can derive, so a refresh repeated within the grace window gets
  the same tokens again (server/auth/sessions.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("throttle_counter") as batch:
        batch.alter_column("key", type_=sa.String(length=400), existing_type=sa.String(300),
                           existing_nullable=False)
        batch.add_column(sa.Column("in_flight", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("throttle_counter") as batch:
        batch.alter_column("in_flight", server_default=None)
    op.create_table(
        "known_device",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], ondelete="CASCADE",
                                name=op.f("fk_known_device_user_id_app_user")),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_known_device")),
    )
    op.create_index(op.f("ix_known_device_user_id"), "known_device", ["user_id"])
    with op.batch_alter_table("session_token") as batch:
        batch.add_column(sa.Column("successor", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("session_token") as batch:
        batch.drop_column("successor")
    op.drop_index(op.f("ix_known_device_user_id"), table_name="known_device")
    op.drop_table("known_device")
    op.execute("DELETE FROM throttle_counter WHERE length(key) > 300")
    with op.batch_alter_table("throttle_counter") as batch:
        batch.drop_column("claimed_at")
        batch.drop_column("in_flight")
        batch.alter_column("key", type_=sa.String(length=300), existing_type=sa.String(400),
                           existing_nullable=False)
