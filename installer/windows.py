"""The Windows installer: NSIS compiles installer/windows/ouderportaal.nsi around the bundle
(``release.py package`` and ``check`` on Windows: dist/release/Ouderportaal-<version>-setup.exe).

Compiling runs on Linux too (Debian's ``nsis`` package: ``release.py package --platform win32
--bundle FOLDER``), which is how the test suite compiles the script against a stand-in folder.
The check installs silently for the current user, smoke-tests
the installed program, checks the Start-menu entry and the uninstall entry, uninstalls with
/REMOVEDATA=1 and checks that nothing is left; as administrator it then does the same with
/SHAREDPC=1 and checks the machine-wide shared-PC setting appear and go.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installer.product import DESCRIPTION, NAME, PUBLISHER, ROOT, numeric_version, project_version
from installer.sign import windows_signing_ready
from installer.smoke import smoke_test

__all__ = ["SCRIPT", "build_installer", "check_installer", "installer_name", "version_info"]

SCRIPT = ROOT / "installer" / "windows" / "ouderportaal.nsi"
ICON = ROOT / "resources" / "icons" / "app.ico"
SETTINGS_KEY = r"Software\Ouderportaal\Ouderportaal"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\Ouderportaal"
_MAKENSIS_PLACES = (Path(r"C:\Program Files (x86)\NSIS\makensis.exe"),
                    Path(r"C:\Program Files\NSIS\makensis.exe"))


def version_info(version: str) -> str:
    """The version resource of Ouderportaal.exe (Explorer's Details tab), in the text form
    PyInstaller reads from a file (``EXE(version=...)``): constructor calls of its
    ``PyInstaller.utils.win32.versioninfo`` classes."""
    numbers = numeric_version(version)
    strings = [("CompanyName", PUBLISHER), ("FileDescription", DESCRIPTION),
               ("FileVersion", version), ("InternalName", NAME),
               ("OriginalFilename", f"{NAME}.exe"), ("ProductName", NAME),
               ("ProductVersion", version), ("LegalCopyright", PUBLISHER)]
    table = ",\n".join(f"        StringStruct({key!r}, {value!r})" for key, value in strings)
    # 040904B0 and [0x0409, 1200]: US English, Unicode; the texts are names and numbers.
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),\n"
        "  kids=[\n"
        f"    StringFileInfo([StringTable('040904B0', [\n{table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),\n"
        "  ],\n"
        ")\n"
    )


def installer_name(version: str) -> str:
    return f"{NAME}-{version}-setup.exe"


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    return found or next((str(place) for place in _MAKENSIS_PLACES if place.is_file()), None)


def makensis() -> str:
    found = find_makensis()
    if found is None:
        raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis)")
    return found


def build_installer(bundle: Path, output: Path, version: str | None = None) -> Path:
    """Compile the installer around ``bundle``; returns the setup program's path."""
    version = version or project_version()
    output.mkdir(parents=True, exist_ok=True)
    target = output / installer_name(version)
    defines = {"VERSION": version, "VERSION4": ".".join(map(str, numeric_version(version))),
               "BUNDLE": str(bundle.resolve()), "ICON": str(ICON), "OUTFILE": str(target)}
    if windows_signing_ready():
        defines["SIGN"] = f'"{sys.executable}" "{ROOT / "installer" / "sign.py"}" file'

    result = subprocess.run(
        [makensis(), "-V2", "-WX", *(f"-D{key}={value}" for key, value in defines.items()),
         str(SCRIPT)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"makensis failed:\n{result.stdout}\n{result.stderr}")
    return target


def _registry_value(root: int, key: str, name: str) -> str | None:
    import winreg

    try:
        with winreg.OpenKey(root, key, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as opened:
            return str(winreg.QueryValueEx(opened, name)[0])
    except FileNotFoundError:
        return None


def _wait_until_gone(path: Path, seconds: float = 120) -> None:
    # The uninstaller copies itself to %TEMP% and returns at once; its copy does the work.
    deadline = time.monotonic() + seconds
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.5)


def _install_and_remove(setup: Path, folder: Path, *, shared_pc: bool) -> str:
    import winreg

    root = winreg.HKEY_LOCAL_MACHINE if shared_pc else winreg.HKEY_CURRENT_USER
    arguments = ["/S", *(["/SHAREDPC=1"] if shared_pc else []), f"/D={folder}"]
    subprocess.run([str(setup), *arguments], check=True)
    program = folder / f"{NAME}.exe"
    start_menu = Path(os.environ["ProgramData" if shared_pc else "APPDATA"],
                      r"Microsoft\Windows\Start Menu\Programs", f"{NAME}.lnk")
    problems = []
    if not start_menu.is_file():
        problems.append(f"no Start-menu entry {start_menu}")
    if _registry_value(root, UNINSTALL_KEY, "DisplayVersion") != project_version():
        problems.append("no uninstall entry with this version")
    setting = _registry_value(winreg.HKEY_LOCAL_MACHINE, SETTINGS_KEY, "shared_pc")
    if (setting == "true") != shared_pc:
        problems.append(f"machine-wide shared_pc is {setting!r}")
    report = smoke_test([str(program)])
    if shared_pc and "shared PC" not in report:
        problems.append("the installed app does not see the shared-PC setting")
    subprocess.run([str(folder / "Uninstall.exe"), "/S", "/REMOVEDATA=1"], check=True)
    _wait_until_gone(folder)
    for leftover in (folder, start_menu):
        if leftover.exists():
            problems.append(f"left behind: {leftover}")
    if _registry_value(root, UNINSTALL_KEY, "DisplayName") is not None:
        problems.append("the uninstall entry is left behind")
    if _registry_value(winreg.HKEY_LOCAL_MACHINE, SETTINGS_KEY, "shared_pc") is not None:
        problems.append("the shared-PC setting is left behind")
    if problems:
        raise SystemExit("; ".join(problems))
    return report


def check_installer(setup: Path) -> list[str]:
    """Install, smoke-test and uninstall ``setup`` per user, and per machine when elevated."""
    import ctypes

    reports = []
    with tempfile.TemporaryDirectory(prefix="ouderportaal-setup-") as folder:
        reports.append(_install_and_remove(setup, Path(folder) / NAME, shared_pc=False))
        if ctypes.windll.shell32.IsUserAnAdmin():
            reports.append(_install_and_remove(setup, Path(folder) / "machine" / NAME,
                                               shared_pc=True))
    return reports
