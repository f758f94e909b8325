"""The macOS app's Info.plist and its disk image (``release.py package`` and ``check`` on macOS:
dist/release/Ouderportaal-<version>.dmg, made and checked with ``hdiutil``).

The spec gives PyInstaller :func:`info_plist`: installer/macos/Info.plist plus the version from
pyproject.toml, the bundle id and the icon (resources/icons/app.icns, made by icons.py). The
.dmg holds the app and a link to /Applications, so installing is dragging one onto the other;
``check`` mounts it, copies the app out the way that drag does, and smoke-tests the copy.
Signing and notarising are sign.py's.
"""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from installer.product import BUNDLE_ID, NAME, ROOT, project_version
from installer.smoke import smoke_test

__all__ = ["ENTITLEMENTS", "INFO_PLIST", "build_dmg", "check_dmg", "dmg_name", "info_plist"]

INFO_PLIST = ROOT / "installer" / "macos" / "Info.plist"
ENTITLEMENTS = ROOT / "installer" / "macos" / "entitlements.plist"
ICON_FILE = "app.icns"


def info_plist(version: str) -> dict[str, Any]:
    """The app's Info.plist entries (PyInstaller adds the executable's name)."""
    with INFO_PLIST.open("rb") as file:
        entries = plistlib.load(file)
    entries.update({
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleIconFile": ICON_FILE,
    })
    return entries


def dmg_name(version: str) -> str:
    return f"{NAME}-{version}.dmg"


def build_dmg(app: Path, output: Path, version: str | None = None) -> Path:
    if shutil.which("hdiutil") is None:
        raise SystemExit("disk images are made on macOS (hdiutil)")
    version = version or project_version()
    output.mkdir(parents=True, exist_ok=True)
    target = output / dmg_name(version)
    with tempfile.TemporaryDirectory(prefix="ouderportaal-dmg-") as folder:
        staging = Path(folder) / NAME
        staging.mkdir()
        # ditto keeps the links, attributes and signatures a .app relies on; cp -R does not.
        subprocess.run(["ditto", str(app), str(staging / app.name)], check=True)
        (staging / "Applications").symlink_to("/Applications")
        subprocess.run(["hdiutil", "create", "-volname", NAME, "-srcfolder", str(staging),
                        "-fs", "HFS+", "-format", "UDZO", "-ov", str(target)], check=True,
                       capture_output=True)
    return target


def check_dmg(dmg: Path) -> str:
    """Mount ``dmg``, copy its app out, check its signature when it has one, smoke-test it."""
    with tempfile.TemporaryDirectory(prefix="ouderportaal-dmg-check-") as folder:
        mount = Path(folder) / "mount"
        mount.mkdir()
        subprocess.run(["hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint",
                        str(mount), str(dmg)], check=True, capture_output=True)
        try:
            link = mount / "Applications"
            if not link.is_symlink() or str(link.readlink()) != "/Applications":
                raise SystemExit("the disk image has no link to /Applications")
            copy = Path(folder) / f"{NAME}.app"
            subprocess.run(["ditto", str(mount / f"{NAME}.app"), str(copy)], check=True)
        finally:
            subprocess.run(["hdiutil", "detach", str(mount)], check=True, capture_output=True)
        with (copy / "Contents" / "Info.plist").open("rb") as file:
            plist = plistlib.load(file)
        if plist.get("CFBundleIdentifier") != BUNDLE_ID or not plist.get(
                "NSHighResolutionCapable"):
            raise SystemExit("the app's Info.plist lacks its bundle id or high resolution")
        signed = subprocess.run(["codesign", "--display", str(copy)], capture_output=True,
                                check=False).returncode == 0
        if signed:
            subprocess.run(["codesign", "--verify", "--deep", "--strict", str(copy)],
                           check=True)
        return smoke_test([str(copy / "Contents" / "MacOS" / NAME)])
