"""Checking the password typed on the lock screen without keeping the password.

At login the password is hashed with scrypt and a random salt; only that hash stays in memory
(never on disk), so unlocking works offline and a memory dump does not hand out the password.
"""

from __future__ import annotations

import hashlib
import hmac
import os

__all__ = ["PasswordCheck"]

# scrypt cost: ~16 MiB and a few tens of milliseconds, enough to make guessing from a memory
# dump slow while unlocking still feels instant.
_N, _R, _P = 2**14, 8, 1


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)


class PasswordCheck:
    """A salted scrypt hash of one password; :meth:`matches` compares in constant time."""

    __slots__ = ("_digest", "_salt")

    def __init__(self, salt: bytes, digest: bytes) -> None:
        self._salt = salt
        self._digest = digest

    @classmethod
    def of(cls, password: str) -> PasswordCheck:
        salt = os.urandom(16)
        return cls(salt, _hash(password, salt))

    def matches(self, password: str) -> bool:
        return hmac.compare_digest(self._digest, _hash(password, self._salt))

    def __repr__(self) -> str:
        return "PasswordCheck(<hidden>)"
