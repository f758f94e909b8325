"""Secrets the server must read again (a TOTP secret), sealed at rest with AES-GCM.

The key is `OUDERPORTAAL_SECRET_KEY` (32 bytes, URL-safe base64) or, when that is unset, a
key file made on first use in the data folder (readable by the server's user only). A database
copy without the key holds no usable secret. Every server process of one portal needs the same
key: set the variable when several processes share a database.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from server.config import Settings

KEY_FILE = "secret.key"
NONCE_BYTES = 12


def _key_file(folder: Path) -> bytes:
    path = folder / KEY_FILE
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        key = base64.urlsafe_b64encode(secrets.token_bytes(32))
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: use theirs
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(key)
    return path.read_bytes().strip()


def server_key(settings: Settings) -> bytes:
    encoded = settings.secret_key.encode() if settings.secret_key else _key_file(
        settings.data_dir)
    key = base64.urlsafe_b64decode(encoded + b"=" * (-len(encoded) % 4))
    if len(key) != 32:
        raise ValueError("OUDERPORTAAL_SECRET_KEY must be 32 bytes in URL-safe base64")
    return key


def seal(settings: Settings, plaintext: str, label: str) -> bytes:
    """`plaintext` encrypted and authenticated; `label` binds it to its use (e.g. the user)."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(server_key(settings)).encrypt(nonce, plaintext.encode(),
                                                        label.encode())


def unseal(settings: Settings, sealed: bytes, label: str) -> str:
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    return AESGCM(server_key(settings)).decrypt(nonce, body, label.encode()).decode()
