"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

import asyncio
import secrets
from functools import lru_cache
from importlib.resources import files

from argon2 import PasswordHasher as Argon2Hasher
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from server.config import Settings
from server.problems import Problem

MIN_LENGTH = 8
MAX_LENGTH = 128


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
        return self._argon2.hash(password)

    async def hash(self, password: str) -> str:
        async with self._slots:
            return await asyncio.to_thread(self._argon2.hash, password)

    async def verify(self, password_hash: str, password: str) -> bool:
        async with self._slots:
            return await asyncio.to_thread(self._verify, password_hash, password)

    async def dummy_verify(self, password: str) -> None:
        await self.verify(self._dummy_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return self._argon2.check_needs_rehash(password_hash)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._argon2.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-cased."""
    text = files("server.auth").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def password_problem(password: str) -> str | None:
    """The policy `reason` a new password violates, or None when it is acceptable.

    No composition rules (NIST SP 800-63B): length and a deny-list of common passwords only.
    """
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    if password.lower() in common_passwords():
        return "too_common"
    return None


def check_password_policy(password: str) -> None:
    if reason := password_problem(password):
        raise Problem("password_policy", reason=reason)
