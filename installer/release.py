"""The release workflow's steps that depend on the platform (.github/workflows/release.yml).

    python installer/release.py prepare     # the tag matches pyproject.toml; build tools
    python installer/release.py package     # dist/release/: .deb, setup.exe or .dmg
    python installer/release.py check       # install the package, smoke-test it, remove it
    python installer/release.py publish DIR # SHA256SUMS over DIR, then a draft GitHub release

``package`` makes this platform's installer from build.py's bundle (deb.py, windows.py,
macos.py); ``--bundle`` packages another folder, ``--platform win32`` compiles the Windows
installer on Linux too, ``--compression gzip`` makes the .deb quickly. ``check`` installs it
the way a user would (on Linux as root or with sudo). ``prepare`` installs packages only on a
CI runner.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `installer` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer.checksums import write_checksums
from installer.product import NAME, ROOT, project_version

__all__ = ["LINUX_BUILD_PACKAGES", "package_path", "tag_problem"]

RELEASE = ROOT / "dist" / "release"

#: What a bare Ubuntu runner lacks to build and check the Linux bundle: the X11 libraries the
#: xcb platform plug-in links against (PyInstaller bundles them from the build machine), the
#: OpenGL and font libraries it expects from the system, a font, and a virtual display.
LINUX_BUILD_PACKAGES = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libxkbcommon-x11-0",
    "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3", "fonts-dejavu-core", "xvfb", "xauth",
)


def tag_problem(version: str, environment: dict[str, str]) -> str | None:
    """Why a tag-triggered release must not go on (the tag is not ``v`` + the version)."""
    if environment.get("GITHUB_REF_TYPE") != "tag":
        return None
    tag = environment.get("GITHUB_REF_NAME", "")
    if tag != f"v{version}":
        return f"the tag {tag!r} does not match the version in pyproject.toml (v{version})"
    return None


def package_path(version: str, platform: str = sys.platform) -> Path:
    if platform == "win32":
        from installer.windows import installer_name

        return RELEASE / installer_name(version)
    if platform == "darwin":
        from installer.macos import dmg_name

        return RELEASE / dmg_name(version)
    from installer.deb import PACKAGE, architecture

    return RELEASE / f"{PACKAGE}_{version}_{architecture()}.deb"


def prepare() -> None:
    version = project_version()
    problem = tag_problem(version, dict(os.environ))
    if problem:
        raise SystemExit(problem)
    print(f"releasing {NAME} {version}")
    if not os.environ.get("CI"):
        print("not on a CI runner: install the build tools yourself (README, Installers)")
        return
    if sys.platform.startswith("linux"):
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-q"], check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends",
                        *LINUX_BUILD_PACKAGES], check=True)
    elif sys.platform == "win32":
        from installer.windows import find_makensis

        if find_makensis() is None:
            subprocess.run(["choco", "install", "nsis", "-y", "--no-progress"], check=True)


def package(platform: str = sys.platform, bundle: Path | None = None,
            output: Path = RELEASE, compression: str = "xz") -> Path:
    if platform == "win32":
        from installer.windows import build_installer

        return build_installer(bundle or ROOT / "dist" / NAME, output)
    if platform == "darwin":
        from installer.macos import build_dmg

        return build_dmg(bundle or ROOT / "dist" / f"{NAME}.app", output)
    from installer.deb import build_deb

    return build_deb(bundle or ROOT / "dist" / NAME, output, compression=compression)


def check(target: Path | None = None) -> list[str]:
    target = target or package_path(project_version())
    if sys.platform == "win32":
        from installer.windows import check_installer

        return check_installer(target)
    if sys.platform == "darwin":
        from installer.macos import check_dmg

        return [check_dmg(target)]
    from installer.deb import check_deb

    return [check_deb(target)]


def publish(folder: Path) -> None:
    version = project_version()
    checksums = write_checksums(folder)
    files = sorted(str(p) for p in folder.iterdir() if p.is_file())
    print(checksums.read_text(encoding="utf-8"))
    # A draft: someone reads it over (and the notes) before parents can download it.
    subprocess.run(["gh", "release", "create", f"v{version}", "--draft", "--title",
                    f"{NAME} {version}", "--notes",
                    f"{NAME} {version}. Check a download with `sha256sum -c SHA256SUMS`.",
                    *files], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Platform steps of the release workflow.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare", help="check the tag, install the build tools (CI)")
    package_command = commands.add_parser("package", help="make an installer in dist/release")
    package_command.add_argument("--platform", choices=("linux", "win32", "darwin"),
                                 default="linux" if sys.platform.startswith("linux")
                                 else sys.platform)
    package_command.add_argument("--bundle", type=Path, help="default: build.py's bundle")
    package_command.add_argument("--output", type=Path, default=RELEASE)
    package_command.add_argument("--compression", choices=("xz", "gzip"), default="xz",
                                 help="of the .deb: xz for a release, gzip for a quick check")
    check_command = commands.add_parser("check", help="install, smoke-test and remove it")
    check_command.add_argument("package", type=Path, nargs="?",
                               help="default: this version's installer in dist/release")
    publish_command = commands.add_parser("publish", help="checksums and a draft release")
    publish_command.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare()
    elif args.command == "package":
        target = package(args.platform, args.bundle, args.output, args.compression)
        print(f"built {target} ({target.stat().st_size / 1e6:.1f} MB)")
    elif args.command == "check":
        target = args.package or package_path(project_version())
        for report in check(target):
            print(report)
        print(f"{target.name}: installed, smoke-tested and removed without leftovers")
    else:
        publish(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
