"""Signing without the CI secrets signs nothing, says so, and does not fail the build."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import nullcontext
from pathlib import Path

import pytest

import installer.sign as sign
from installer.product import ROOT


@pytest.fixture
def no_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*sign.WINDOWS_SIGNING, *sign.MACOS_SIGNING, *sign.MACOS_NOTARY):
        monkeypatch.delenv(name, raising=False)

    def refuse(*_args, **_kwargs):
        raise AssertionError("nothing may run without a signing identity")

    monkeypatch.setattr(sign.subprocess, "run", refuse)


@pytest.mark.parametrize(("step", "secret"), [
    (lambda: sign.sign_windows([Path("Ouderportaal.exe")]), "WINDOWS_CERTIFICATE"),
    (lambda: sign.sign_macos_app(Path("Ouderportaal.app")), "MACOS_CERTIFICATE"),
    (lambda: sign.sign_macos_dmg(Path("Ouderportaal-0.1.0.dmg")), "MACOS_SIGNING_IDENTITY"),
])
def test_without_secrets_each_step_is_skipped_and_says_why(no_secrets, capsys, step,
                                                           secret: str) -> None:
    step()
    output = capsys.readouterr().out
    assert "skipped" in output and secret in output


def test_a_signed_dmg_without_notary_credentials_is_not_notarised(
        monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    for name in sign.MACOS_SIGNING:
        monkeypatch.setenv(name, "x")
    for name in sign.MACOS_NOTARY:
        monkeypatch.delenv(name, raising=False)
    signed: list[Path] = []
    monkeypatch.setattr(sign, "_keychain", lambda: nullcontext("test.keychain"))
    monkeypatch.setattr(sign, "_codesign", lambda target, _keychain, *_extra: signed.append(target))
    sign.sign_macos_dmg(Path("Ouderportaal-0.1.0.dmg"))
    assert signed == [Path("Ouderportaal-0.1.0.dmg")]
    output = capsys.readouterr().out
    assert "notarising Ouderportaal-0.1.0.dmg: skipped" in output and "APPLE_ID" in output


def test_missing_names_only_the_absent_or_empty_secrets() -> None:
    assert sign.missing(("A", "B", "C"), {"A": "set", "B": ""}) == ["B", "C"]


def test_the_command_succeeds_without_secrets() -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in (*sign.WINDOWS_SIGNING, *sign.MACOS_SIGNING, *sign.MACOS_NOTARY)}
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "sign.py"), "app"],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
