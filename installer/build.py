"""Build the desktop app's bundle with PyInstaller and prove it complete.

    uv run --group installer python installer/build.py [--no-build]

Produces dist/Ouderportaal/ (Windows, Linux) or dist/Ouderportaal.app (macOS), prints its true
size and its ten largest parts, fails when a module the app imports at run time is not in it
(installer/modules.py) or, on Linux, a library one of its binaries links against
(installer/linked.py), then starts the built app with --smoke-test (desktop/smoke_test.py:
fonts, the login window, the PDF viewer, image decoding, CA certificates). On Linux the bundle
must also stay within :data:`LINUX_BUDGET_MB`. ``--no-build`` checks the bundle already built.
The installers (deb.py, windows.py, macos.py) package this folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `installer` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer.bundle import EXCLUDED_MODULES
from installer.linked import MissingLibrary, system_libraries
from installer.modules import bundled_modules, missing_modules, runtime_modules
from installer.product import NAME, ROOT
from installer.size import MB, bundle_size, largest_parts
from installer.smoke import SmokeTestError, smoke_test

__all__ = ["LINUX_BUDGET_MB", "bundle_folder", "executable", "main"]

#: The most the Linux bundle may take on disk (issue 19); a new dependency that breaks it
#: has to be argued for.
LINUX_BUDGET_MB = 160

DIST = ROOT / "dist"


def bundle_folder(dist: Path = DIST) -> Path:
    return dist / (f"{NAME}.app" if sys.platform == "darwin" else NAME)


def executable(dist: Path = DIST) -> Path:
    if sys.platform == "darwin":
        return bundle_folder(dist) / "Contents" / "MacOS" / NAME
    return bundle_folder(dist) / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build(dist: Path = DIST, spec_arguments: list[str] | None = None,
          work: Path = ROOT / "build") -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
               "WARN", "--distpath", str(dist), "--workpath", str(work),
               str(ROOT / "installer" / "ouderportaal.spec")]
    if spec_arguments:
        command += ["--", *spec_arguments]
    subprocess.run(command, check=True, cwd=ROOT)


def check_modules(program: Path) -> None:
    """Fail when the app imports at run time a module the bundle lacks (left out by
    :data:`EXCLUDED_MODULES` on purpose is reported, not a failure)."""
    missing, left_out = missing_modules(runtime_modules(), bundled_modules(program),
                                        left_out=EXCLUDED_MODULES)
    if left_out:
        packages = sorted({name.split(".")[0] for name in left_out})
        print(f"imported from source but left out on purpose: {', '.join(packages)}")
    if missing:
        raise SystemExit("modules the app imports at run time are missing from the bundle: "
                         + ", ".join(missing))
    print("every module the app imports at run time is in the bundle")


def report_size(folder: Path) -> float:
    size = bundle_size(folder)
    print(f"bundle {folder}: {size}")
    print("ten largest parts:")
    for path, length in largest_parts(folder):
        print(f"  {length / MB:6.1f} MB  {path}")
    return size.on_disk / MB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="check the bundle in dist/")
    args = parser.parse_args(argv)
    if not args.no_build:
        build()
    megabytes = report_size(bundle_folder())
    if sys.platform.startswith("linux"):
        try:
            system = system_libraries(bundle_folder())
        except MissingLibrary as error:
            raise SystemExit(str(error)) from error
        print(f"links against {len(system)} system libraries, every other one is in the bundle")
    check_modules(executable())
    try:
        print(smoke_test([str(executable())]))
    except SmokeTestError as error:
        raise SystemExit(str(error)) from error
    if sys.platform.startswith("linux") and megabytes > LINUX_BUDGET_MB:
        raise SystemExit(f"the bundle takes {megabytes:.1f} MB, more than the "
                         f"{LINUX_BUDGET_MB} MB budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
