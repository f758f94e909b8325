"""Sign (and on macOS notarise) what the release workflow ships, with identities from CI secrets.

    python installer/sign.py app               # the built bundle, before it is packaged
    python installer/sign.py package FILE...   # the installer: setup.exe, or the .dmg
    python installer/sign.py file FILE...      # one Windows file (NSIS signs its uninstaller so)

Without the secrets a step prints why it signed nothing and succeeds: a build from a fork or on
a developer's machine is unsigned, not broken. Linux packages are not signed (the release's
SHA256SUMS covers them).

Windows: ``WINDOWS_CERTIFICATE`` (the code-signing certificate, a base64 .pfx) and
``WINDOWS_CERTIFICATE_PASSWORD``; signtool from the Windows SDK.
macOS: ``MACOS_CERTIFICATE`` (a base64 .p12 with the "Developer ID Application" identity),
``MACOS_CERTIFICATE_PASSWORD`` and ``MACOS_SIGNING_IDENTITY``; notarising also needs
``APPLE_ID``, ``APPLE_TEAM_ID`` and ``APPLE_APP_PASSWORD`` (an app-specific password).
``SIGNING_TIMESTAMP_URL`` overrides Windows' timestamp server.
"""

from __future__ import annotations

import argparse
import base64
import glob
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `installer` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer.product import NAME, ROOT

__all__ = ["MACOS_NOTARY", "MACOS_SIGNING", "WINDOWS_SIGNING", "missing", "windows_signing_ready"]

WINDOWS_SIGNING = ("WINDOWS_CERTIFICATE", "WINDOWS_CERTIFICATE_PASSWORD")
MACOS_SIGNING = ("MACOS_CERTIFICATE", "MACOS_CERTIFICATE_PASSWORD", "MACOS_SIGNING_IDENTITY")
MACOS_NOTARY = ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD")
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
ENTITLEMENTS = ROOT / "installer" / "macos" / "entitlements.plist"


def missing(names: Sequence[str], environment: dict[str, str] | None = None) -> list[str]:
    env = os.environ if environment is None else environment
    return [name for name in names if not env.get(name)]


def windows_signing_ready() -> bool:
    return not missing(WINDOWS_SIGNING)


def _skip(what: str, absent: list[str]) -> None:
    print(f"{what}: skipped, not configured ({', '.join(absent)} not set)")


# --- Windows ----------------------------------------------------------------------------------

def _signtool() -> str:
    found = shutil.which("signtool")
    if found is None:
        kits = sorted(glob.glob(r"C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe"))
        found = kits[-1] if kits else None
    if found is None:
        raise SystemExit("signtool not found: install the Windows SDK")
    return found


def sign_windows(files: Sequence[Path]) -> None:
    absent = missing(WINDOWS_SIGNING)
    if absent:
        _skip(f"signing {', '.join(f.name for f in files)}", absent)
        return
    with tempfile.TemporaryDirectory(prefix="ouderportaal-sign-") as folder:
        certificate = Path(folder) / "certificate.pfx"
        certificate.write_bytes(base64.b64decode(os.environ["WINDOWS_CERTIFICATE"]))
        subprocess.run(
            [_signtool(), "sign", "/fd", "SHA256", "/td", "SHA256",
             "/tr", os.environ.get("SIGNING_TIMESTAMP_URL", DEFAULT_TIMESTAMP_URL),
             "/f", str(certificate), "/p", os.environ["WINDOWS_CERTIFICATE_PASSWORD"],
             *map(str, files)],
            check=True)
    subprocess.run([_signtool(), "verify", "/pa", *map(str, files)], check=True)
    print(f"signed {', '.join(f.name for f in files)}")


# --- macOS ------------------------------------------------------------------------------------

@contextmanager
def _keychain() -> Iterator[str]:
    """A throw-away keychain holding the signing identity, searched while it exists."""
    with tempfile.TemporaryDirectory(prefix="ouderportaal-sign-") as folder:
        keychain = str(Path(folder) / "signing.keychain-db")
        password = secrets.token_urlsafe(24)
        certificate = Path(folder) / "certificate.p12"
        certificate.write_bytes(base64.b64decode(os.environ["MACOS_CERTIFICATE"]))
        listed = subprocess.run(["security", "list-keychains", "-d", "user"],
                                capture_output=True, text=True, check=True).stdout
        previous = [line.strip().strip('"') for line in listed.splitlines() if line.strip()]
        run = lambda *command: subprocess.run(list(command), check=True)  # noqa: E731
        run("security", "create-keychain", "-p", password, keychain)
        run("security", "set-keychain-settings", "-lut", "3600", keychain)
        run("security", "unlock-keychain", "-p", password, keychain)
        run("security", "import", str(certificate), "-k", keychain,
            "-P", os.environ["MACOS_CERTIFICATE_PASSWORD"], "-T", "/usr/bin/codesign")
        run("security", "set-key-partition-list", "-S", "apple-tool:,apple:,codesign:",
            "-s", "-k", password, keychain)
        run("security", "list-keychains", "-d", "user", "-s", keychain, *previous)
        try:
            yield keychain
        finally:
            run("security", "list-keychains", "-d", "user", "-s", *previous)
            run("security", "delete-keychain", keychain)


def _codesign(target: Path, keychain: str, *extra: str) -> None:
    subprocess.run(["codesign", "--force", "--timestamp", "--keychain", keychain,
                    "--sign", os.environ["MACOS_SIGNING_IDENTITY"], *extra, str(target)],
                   check=True)


def sign_macos_app(app: Path) -> None:
    absent = missing(MACOS_SIGNING)
    if absent:
        _skip(f"signing {app.name}", absent)
        return
    with _keychain() as keychain:
        # The hardened runtime is what notarisation requires; --deep signs the libraries and
        # Qt frameworks inside first.
        _codesign(app, keychain, "--deep", "--options", "runtime",
                  "--entitlements", str(ENTITLEMENTS))
    subprocess.run(["codesign", "--verify", "--deep", "--strict", str(app)], check=True)
    print(f"signed {app.name}")


def sign_macos_dmg(dmg: Path) -> None:
    absent = missing(MACOS_SIGNING)
    if absent:
        _skip(f"signing and notarising {dmg.name}", absent)
        return
    with _keychain() as keychain:
        _codesign(dmg, keychain)
    print(f"signed {dmg.name}")
    absent = missing(MACOS_NOTARY)
    if absent:
        _skip(f"notarising {dmg.name}", absent)
        return
    subprocess.run(["xcrun", "notarytool", "submit", str(dmg), "--wait",
                    "--apple-id", os.environ["APPLE_ID"], "--team-id", os.environ["APPLE_TEAM_ID"],
                    "--password", os.environ["APPLE_APP_PASSWORD"]], check=True)
    subprocess.run(["xcrun", "stapler", "staple", str(dmg)], check=True)
    print(f"notarised {dmg.name}")


# --- commands ---------------------------------------------------------------------------------

def sign_app(dist: Path = ROOT / "dist") -> None:
    if sys.platform == "win32":
        sign_windows([dist / NAME / f"{NAME}.exe"])
    elif sys.platform == "darwin":
        sign_macos_app(dist / f"{NAME}.app")
    else:
        print("signing the app: nothing to sign on Linux (SHA256SUMS covers the package)")


def sign_package(files: Sequence[Path]) -> None:
    if sys.platform == "win32":
        sign_windows(files)
    elif sys.platform == "darwin":
        for dmg in files:
            sign_macos_dmg(dmg)
    else:
        print("signing the package: Linux packages are not signed (SHA256SUMS covers them)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sign the app or its installer.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("app", help="sign the built bundle in dist/")
    package = commands.add_parser("package", help="sign (and notarise) installers")
    package.add_argument("files", type=Path, nargs="+")
    single = commands.add_parser("file", help="sign Windows files (used by makensis)")
    single.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "app":
        sign_app()
    elif args.command == "package":
        sign_package(args.files)
    else:
        sign_windows(args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
