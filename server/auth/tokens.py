"""Opaque random tokens and reset codes; only their hashes are ever stored."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# No 0/O, 1/I/L: a code read from a mail and typed into the app must not be ambiguous.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


TOKEN_BYTES = 32


def new_token() -> str:
    """256 random bits, URL-safe."""
    return _encode(secrets.token_bytes(TOKEN_BYTES))


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _decode(token: str) -> bytes:
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))


def _pad(old_token: str, label: bytes) -> bytes:
    return hmac.new(old_token.encode("utf-8"), label, hashlib.sha256).digest()


_SUCCESSOR_LABELS = (b"successor access", b"successor refresh")


def seal_successor(old_token: str, access: str, refresh: str) -> bytes:
    """The pair that replaced `old_token`, encrypted so only its holder can read it again.

    Each token is XORed with HMAC-SHA256(old_token, label): a one-time pad per token, since an
    old token has exactly one successor pair. The server keeps only SHA-256(old_token), from
    which the pad cannot be derived, so the stored value is no secret to a database reader;
    and no server key is needed (nothing to rotate, nothing that leaks every session at once).
    """
    return b"".join(bytes(a ^ b for a, b in zip(_decode(token), _pad(old_token, label),
                                                   strict=True))
                    for token, label in zip((access, refresh), _SUCCESSOR_LABELS, strict=True))


def open_successor(old_token: str, sealed: bytes) -> tuple[str, str]:
    """(access, refresh) from `seal_successor`'s result, given the same old token."""
    parts = (sealed[:TOKEN_BYTES], sealed[TOKEN_BYTES:])
    access, refresh = (_encode(bytes(a ^ b for a, b in zip(part, _pad(old_token, label),
                                                           strict=True)))
                       for part, label in zip(parts, _SUCCESSOR_LABELS, strict=True))
    return access, refresh


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
