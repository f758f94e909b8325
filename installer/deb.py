"""The Linux package: a .deb of the bundle that build.py made (``release.py package`` and
``check`` on Linux: dist/release/ouderportaal_<version>_<arch>.deb).

The package puts the bundle in /usr/lib/ouderportaal, the command /usr/bin/ouderportaal, the
desktop entry resources/linux/ouderportaal.desktop and the icon in the hicolor theme. It
depends on the system libraries the bundle links against and does not carry (OpenGL, libc,
libxcb…), found with ``ldd`` and ``dpkg -S`` on the build machine. Desktop and icon caches are
refreshed by dpkg's own triggers, so the package has no maintainer scripts.

``check`` is what a parent's machine does: ``dpkg -i``, ``ouderportaal --smoke-test`` from the
installed path, ``dpkg --purge``, and then nothing the package installed may be left.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from installer.icons import APP_SVG, render_png
from installer.linked import system_libraries
from installer.product import DESCRIPTION, NAME, ROOT, project_version
from installer.smoke import smoke_test

__all__ = ["PACKAGE", "PREFIX", "build_deb", "check_deb", "owning_packages"]

PACKAGE = "ouderportaal"
PREFIX = Path("/usr/lib") / PACKAGE
DESKTOP_ENTRY = ROOT / "resources" / "linux" / f"{PACKAGE}.desktop"
ICON_SIZES = (48, 128, 256)
# The bundled libfontconfig reads the system's /etc/fonts, and the app needs a font (without
# one every text is an empty box); fontconfig-config brings both.
EXTRA_DEPENDS = ("fontconfig-config",)
MAINTAINER = os.environ.get("OUDERPORTAAL_DEB_MAINTAINER", "Ouderportaal <noreply@ouderportaal.nl>")

def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def owning_packages(paths: set[str]) -> list[str]:
    """The packages owning ``paths`` (``dpkg -S``, also in the /usr-merged spelling)."""
    if not paths:
        return []
    candidates = set(paths)
    for path in paths:
        candidates.add(str(Path(path).resolve()))
        if path.startswith("/lib"):
            candidates.add("/usr" + path)
    result = subprocess.run(["dpkg", "-S", *sorted(candidates)], capture_output=True,
                            text=True, check=False)
    owned: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, _, path = line.partition(": ")
        owned[path.strip()] = packages.split(",")[0].split(":")[0].strip()
    found = set()
    for path in paths:
        spellings = (path, str(Path(path).resolve()), "/usr" + path)
        owner = next((owned[s] for s in spellings if s in owned), None)
        if owner is None:
            raise SystemExit(f"no package owns {path}: cannot say what the .deb depends on")
        found.add(owner)
    return sorted(found)


def _control(version: str, arch: str, depends: list[str], installed_kib: int) -> str:
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(depends)}",
        "Section: misc",
        "Priority: optional",
        f"Description: {DESCRIPTION}",
        " The desktop app of Ouderportaal for parents and location staff: the children's",
        " agenda, absences and extra days, invoices and annual statements, and the staff's",
        " decisions on requests. It works offline with what it saw last.",
        "",
    ])


def build_deb(bundle: Path, output: Path, version: str | None = None,
              depends: list[str] | None = None, compression: str = "xz") -> Path:
    """Package ``bundle`` (build.py's folder) into ``output``; returns the .deb's path.

    xz is the smallest download any dpkg reads; gzip is several times quicker to make (what
    .ci/run uses: it checks the installation, not the download)."""
    version = version or project_version()
    arch = architecture()
    if depends is None:
        depends = sorted({*owning_packages(system_libraries(bundle)), *EXTRA_DEPENDS})
    output.mkdir(parents=True, exist_ok=True)
    target = output / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="ouderportaal-deb-") as folder:
        root = Path(folder) / "root"
        lib = root / PREFIX.relative_to("/")
        shutil.copytree(bundle, lib, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / PACKAGE).symlink_to(Path("..") / "lib" / PACKAGE / NAME)
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        shutil.copy2(DESKTOP_ENTRY, applications / DESKTOP_ENTRY.name)
        icons = root / "usr" / "share" / "icons" / "hicolor"
        (icons / "scalable" / "apps").mkdir(parents=True)
        shutil.copy2(APP_SVG, icons / "scalable" / "apps" / f"{PACKAGE}.svg")
        for size in ICON_SIZES:
            folder_for_size = icons / f"{size}x{size}" / "apps"
            folder_for_size.mkdir(parents=True)
            (folder_for_size / f"{PACKAGE}.png").write_bytes(render_png(size))
        installed = sum(p.stat().st_size for p in root.rglob("*")
                        if p.is_file() and not p.is_symlink())
        control = root / "DEBIAN"
        control.mkdir()
        (control / "control").write_text(
            _control(version, arch, depends, installed // 1024 + 1), encoding="utf-8")
        for path in root.rglob("*"):  # what dpkg installs is root's, readable by everyone
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        # On all cores: xz on one takes a minute and more.
        subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}",
                        f"--threads-max={os.cpu_count() or 1}", "--build", str(root),
                        str(target)], check=True, capture_output=True)
    return target


def _as_root(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return command
    sudo = shutil.which("sudo")
    if sudo is None:
        raise SystemExit("installing a .deb needs root (or sudo)")
    return [sudo, *command]


def check_deb(deb: Path) -> str:
    """Install ``deb``, smoke-test the installed command, purge it, and check that nothing it
    installed remains; returns the smoke test's report."""
    subprocess.run(_as_root(["dpkg", "-i", str(deb)]), check=True, capture_output=True)
    try:
        listed = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True,
                                check=True).stdout.split("\n")
        installed = [Path(line) for line in listed if line.strip() and line != "/."]
        command = shutil.which(PACKAGE, path="/usr/bin")
        if command is None or Path(command).resolve() != (PREFIX / NAME):
            raise SystemExit(f"/usr/bin/{PACKAGE} does not start {PREFIX / NAME}")
        report = smoke_test(["/usr/bin/" + PACKAGE])
    finally:
        subprocess.run(_as_root(["dpkg", "--purge", PACKAGE]), check=True, capture_output=True)
    left = left_behind(installed)
    if left:
        raise SystemExit("left behind after removal: " + ", ".join(map(str, left)))
    return report


def left_behind(installed: list[Path]) -> list[Path]:
    """What of ``installed`` (``dpkg -L`` before removal) still exists and no other package
    owns: a file, a link or one of the package's own folders."""
    remaining = [path for path in installed if path.exists() or path.is_symlink()]
    if not remaining:
        return []
    owners = subprocess.run(["dpkg", "-S", *map(str, remaining)], capture_output=True,
                            text=True, check=False).stdout
    shared = {line.partition(": ")[2].strip() for line in owners.splitlines()}
    return [path for path in remaining if str(path) not in shared]
