"""Password hashing (argon2id). The policy of new passwords is in password_policy.py."""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher as Argon2Hasher
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from server.auth.password_policy import normalise_password
from server.config import Settings


def make_argon2(settings: Settings) -> Argon2Hasher:
    """An argon2id hasher with the configured parameters."""
    return Argon2Hasher(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_cost,
        parallelism=settings.argon2_parallelism,
        type=Type.ID,
    )


class PasswordHasher:
    """argon2id hashing off the event loop, with a cap on how many hashes run at once.

    Create it inside the running event loop (the app's lifespan): the semaphore binds to it.
    """

    def __init__(self, settings: Settings) -> None:
        self._argon2 = make_argon2(settings)
        self._slots = asyncio.Semaphore(settings.max_concurrent_hashes)
        # Verified against when the e-mail is unknown, so such a login costs the same time.
        self._dummy_hash = self._argon2.hash(secrets.token_urlsafe(16))

    @property
    def parameters(self) -> tuple[int, int, int]:
        """(time_cost, memory_cost in KiB, parallelism)."""
        return (self._argon2.time_cost, self._argon2.memory_cost, self._argon2.parallelism)

    def hash_sync(self, password: str) -> str:
        return self._argon2.hash(_secret(password))

    async def hash(self, password: str) -> str:
        async with self._slots:
            return await asyncio.to_thread(self._argon2.hash, _secret(password))

    async def verify(self, password_hash: str, password: str) -> bool:
        """Whether `password` is the one hashed. A hash made before passwords were
        normalised still matches the exact form typed then (rehash it: `needs_normalising`)."""
        async with self._slots:
            if await asyncio.to_thread(self._verify, password_hash, _secret(password)):
                return True
            raw = password.encode("utf-8", "surrogatepass")
            return raw != _secret(password) and await asyncio.to_thread(
                self._verify, password_hash, raw)

    async def dummy_verify(self, password: str) -> None:
        await self.verify(self._dummy_hash, password)

    def needs_rehash(self, password_hash: str, password: str) -> bool:
        """After a successful verify: the parameters changed, or the password was typed in
        another Unicode form than the one hashed (a hash from before normalisation)."""
        return (self._argon2.check_needs_rehash(password_hash)
                or password != normalise_password(password))

    def _verify(self, password_hash: str, password: bytes) -> bool:
        try:
            return self._argon2.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def _secret(password: str) -> bytes:
    """What is hashed: the NFC form in UTF-8 (a lone surrogate from JSON passes through, so
    odd input is a wrong password, never a crash)."""
    return normalise_password(password).encode("utf-8", "surrogatepass")
