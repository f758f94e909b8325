"""Remembered logins go to a secure OS keyring, or nowhere."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from desktop.cache.credentials import CredentialStore, backend_is_secure

KEY = "0123456789abcdef0123"


class PlaintextKeyring(KeyringBackend):
    """Looks like ``keyrings.alt.file.PlaintextKeyring``: a readable file on disk."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


class MarkedPlainKeyring(PlaintextKeyring):
    """A backend that declares itself plaintext."""

    plaintext = True


MarkedPlainKeyring.__name__ = "FileKeyring"


class LockedKeyring(KeyringBackend):
    """A keyring the user did not unlock: every call raises."""

    priority = 1

    def get_password(self, service, username):
        raise KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("locked")

    def delete_password(self, service, username):
        raise KeyringLocked("locked")


def test_secure_backend_keeps_the_refresh_token(memory_keyring) -> None:
    store = CredentialStore()
    assert store.is_secure()
    assert store.save_refresh_token(KEY, "refresh-secret")
    assert memory_keyring.secrets == {("Ouderportaal", KEY): "refresh-secret"}
    assert store.load_refresh_token(KEY) == "refresh-secret"

    assert store.delete(KEY)
    assert store.load_refresh_token(KEY) is None
    assert store.delete(KEY)  # deleting what is not there is fine


def test_the_fail_backend_stores_nothing() -> None:
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore()
    assert not store.is_secure()
    assert store.save_refresh_token(KEY, "refresh-secret") is False
    assert store.load_refresh_token(KEY) is None
    assert store.delete(KEY)


def test_the_null_backend_is_not_secure() -> None:
    keyring.set_keyring(null.Keyring())
    assert not CredentialStore().save_refresh_token(KEY, "refresh-secret")


@pytest.mark.parametrize("backend_class", [PlaintextKeyring, MarkedPlainKeyring])
def test_plaintext_backends_get_nothing(backend_class) -> None:
    backend = backend_class()
    keyring.set_keyring(backend)
    store = CredentialStore()
    assert not store.is_secure()
    assert store.save_refresh_token(KEY, "refresh-secret") is False
    assert backend.secrets == {}


def test_keyrings_alt_backends_are_not_secure() -> None:
    alt = type("EncryptedKeyring", (PlaintextKeyring,), {"__module__": "keyrings.alt.file"})
    assert not backend_is_secure(alt())


@pytest.mark.expect_log("desktop.cache.credentials", "WARNING", r"could not .* keyring")
def test_a_raising_keyring_means_not_remembered(memory_keyring) -> None:
    keyring.set_keyring(LockedKeyring())
    store = CredentialStore()
    assert store.is_secure()  # a real backend, but locked right now
    assert store.save_refresh_token(KEY, "refresh-secret") is False
    assert store.load_refresh_token(KEY) is None
    assert store.delete(KEY) is False  # the caller learns the token may still be there


def test_a_chainer_is_as_secure_as_the_backend_it_writes_to(monkeypatch, memory_keyring) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert not backend_is_secure(chainer.ChainerBackend())

    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring(), memory_keyring])
    assert not backend_is_secure(chainer.ChainerBackend())

    monkeypatch.setattr(chainer.ChainerBackend, "backends", [memory_keyring, PlaintextKeyring()])
    assert backend_is_secure(chainer.ChainerBackend())


@pytest.mark.expect_log("desktop.cache.credentials", "WARNING", r"could not store the login")
def test_errors_never_carry_the_token(caplog) -> None:
    keyring.set_keyring(LockedKeyring())
    CredentialStore().save_refresh_token(KEY, "refresh-secret")
    assert "refresh-secret" not in caplog.text
