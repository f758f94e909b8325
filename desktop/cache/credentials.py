"""The remembered refresh token of an account, kept only in a secure OS keyring.

"Onthoud mij" stores the opaque refresh token (never the password) in the operating system's
credential store. Where no secure store exists — a headless Linux without Secret Service, the
null backend, plaintext backends from ``keyrings.alt`` — nothing is stored at all: a token in a
plaintext file would let anyone with the disk log in as the parent.

Every method may block (a locked keyring shows its unlock prompt for as long as the user leaves
it open), so callers run them off the GUI thread (``desktop/services/session/remembered.py``).
``keyring`` itself is imported on first use: importing it and finding its backend cost ~170 ms,
which a start or a login without "Onthoud mij" should not pay.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = ["CredentialStore", "backend_is_secure"]

log = logging.getLogger(__name__)

_INSECURE_BACKENDS = {
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
}


def backend_is_secure(backend: KeyringBackend) -> bool:
    """Whether ``backend`` keeps secrets in a protected store (see the module docstring)."""
    cls = type(backend)
    qualified = f"{cls.__module__}.{cls.__qualname__}"
    if qualified in _INSECURE_BACKENDS:
        return False
    if cls.__module__.startswith("keyrings.alt"):
        return False  # file-based backends: plaintext or a password typed at every start
    if any("plaintext" in klass.__name__.lower() for klass in cls.__mro__):
        return False
    if getattr(backend, "plaintext", False) or getattr(cls, "plaintext", False):
        return False
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        # The chainer writes to its first backend; that one decides where the token lands.
        chained = list(backend.backends)
        return bool(chained) and backend_is_secure(chained[0])
    return True


class CredentialStore:
    """Refresh tokens in the OS keyring, one entry per account key; never a plaintext fallback."""

    def __init__(self, service: str = "Ouderportaal") -> None:
        self.service = service

    def is_secure(self) -> bool:
        import keyring
        from keyring.errors import KeyringError

        try:
            return backend_is_secure(keyring.get_keyring())
        except KeyringError as exc:
            log.warning("keyring unavailable: %s", type(exc).__name__)
            return False

    def save_refresh_token(self, key: str, token: str) -> bool:
        """Store the token; False (and nothing stored) when no secure keyring can keep it."""
        import keyring
        from keyring.errors import KeyringError

        if not self.is_secure():
            return False
        try:
            keyring.set_password(self.service, key, token)
        except KeyringError as exc:
            # Locked or broken keyring: the login simply is not remembered.
            log.warning("could not store the login in the keyring: %s", type(exc).__name__)
            return False
        return True

    def load_refresh_token(self, key: str) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        if not self.is_secure():
            return None
        try:
            return keyring.get_password(self.service, key)
        except KeyringError as exc:
            log.warning("could not read the keyring: %s", type(exc).__name__)
            return None

    def delete(self, key: str) -> bool:
        """Remove the account's entry; True when no entry remains afterwards.

        A missing entry, or no keyring at all (then nothing can have been stored), is fine.
        False means the keyring refused (e.g. locked) and the token may still be there.
        """
        import keyring
        from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

        try:
            keyring.delete_password(self.service, key)
        except (PasswordDeleteError, NoKeyringError):
            return True
        except KeyringError as exc:
            log.warning("could not remove the login from the keyring: %s", type(exc).__name__)
            return False
        return True
