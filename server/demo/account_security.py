"""The demo's account security: one account that logs in with a code, its secret printed with
the demo logins (docs/api.md, "Demo organisation") so the second step can be tried with any
authenticator app. A fixed secret is fine here: it is printed anyway."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from server.models import TwoFactor, User

DEMO_TWO_FACTOR_EMAIL = "eva.visser@voorbeeld.nl"
DEMO_TWO_FACTOR_SECRET = "ZONNEBLOEMDEMOTWEESTAPSCODE23456"

#: Seals a secret for a user (server/account/secret_box.py, bound to the server's key).
Sealer = Callable[[str, str], bytes]


def add_demo_two_factor(db: AsyncSession, user: User, seal: Sealer, at: datetime) -> None:
    """Two-factor login on for ``user`` (flushed, so it has an id)."""
    db.add(TwoFactor(user_id=user.id, sealed_secret=seal(DEMO_TWO_FACTOR_SECRET,
                                                         f"totp:{user.id}"),
                     created_at=at, confirmed_at=at))
