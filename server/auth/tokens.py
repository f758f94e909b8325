"""Opaque random tokens and reset codes; only their hashes are ever stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: a code read from a mail and typed into the app must not be ambiguous.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    # A fast hash is right here: the token has 256 bits of entropy, so there is nothing to
    # brute-force, and lookups by hash must be quick.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_reset_code() -> str:
    """A code like `K7MQ-29XP` (about 40 bits) for typing into the app."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str, salt: str) -> str:
    return hmac.new(salt.encode("ascii"), normalise_code(code).encode("utf-8"),
                    hashlib.sha256).hexdigest()


def codes_match(code: str, salt: str, expected_hash: str) -> bool:
    return hmac.compare_digest(hash_code(code, salt), expected_hash)
