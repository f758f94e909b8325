"""The token pair: when it expires, and that its secrets never show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.api.core.tokens import Tokens


def test_tokens_expire_after_expires_in() -> None:
    issued = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    tokens = Tokens.from_json(
        {"access_token": "a", "refresh_token": "r", "expires_in": 900, "session_id": 12}, issued
    )
    assert tokens.expires_at == issued + timedelta(minutes=15)
    assert tokens.session_id == "12"



def test_tokens_never_show_their_secrets_in_repr(portal) -> None:
    tokens = Tokens.from_json(portal.token_body())
    assert "access-1" not in repr(tokens)
    assert "refresh-1" not in repr(tokens)
