"""The .deb (installer/deb.py) built from a stand-in bundle: what it installs where, and what it
depends on. Installing it for real (dpkg -i, smoke test, purge) needs root and the real bundle:
.ci/run does that after the test suite (README, "Installers")."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from installer.deb import DESKTOP_ENTRY, EXTRA_DEPENDS, PACKAGE, build_deb, left_behind
from installer.linked import MissingLibrary, system_libraries
from installer.product import NAME, project_version

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="not a Debian system")


@pytest.fixture
def deb(stand_in_bundle: Path, tmp_path: Path, qapp) -> Path:
    return build_deb(stand_in_bundle, tmp_path / "release")


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True,
                          text=True, check=True).stdout.strip()


def test_the_package_carries_the_projects_version_and_its_dependencies(deb: Path) -> None:
    architecture = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                                  text=True, check=True).stdout.strip()
    assert deb.name == f"{PACKAGE}_{project_version()}_{architecture}.deb"
    assert field(deb, "Package") == PACKAGE
    assert field(deb, "Version") == project_version()
    assert field(deb, "Architecture") == architecture
    # The stand-in links nothing; the font configuration is always needed.
    assert field(deb, "Depends") == ", ".join(EXTRA_DEPENDS)


def test_it_installs_the_command_the_desktop_entry_and_the_icons(deb: Path,
                                                                 tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tree)], check=True)
    command = tree / "usr" / "bin" / PACKAGE
    assert command.is_symlink()
    assert command.resolve() == (tree / "usr" / "lib" / PACKAGE / NAME).resolve()
    assert command.resolve().stat().st_mode & 0o111
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(tree / "usr" / "share" / "applications" / DESKTOP_ENTRY.name, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == PACKAGE
    icons = tree / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{desktop['Icon']}.svg").is_file()
    for size in (48, 128, 256):
        assert (icons / f"{size}x{size}" / "apps" / f"{desktop['Icon']}.png").is_file()


def test_everything_belongs_to_root_and_is_readable_by_everyone(deb: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout.splitlines()
    assert listing
    for line in listing:
        mode, owner = line.split()[:2]
        assert owner == "root/root", line
        assert mode[7] == "r" or mode.startswith("l"), line


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_the_desktop_entry_is_valid() -> None:
    subprocess.run(["desktop-file-validate", str(DESKTOP_ENTRY)], check=True)


def test_what_removal_leaves_is_only_what_other_packages_own(tmp_path: Path) -> None:
    stays = tmp_path / "usr" / "lib" / PACKAGE / "stale.so"
    stays.parent.mkdir(parents=True)
    stays.write_bytes(b"")
    gone = tmp_path / "usr" / "lib" / PACKAGE / "removed.so"
    shared = Path("/usr/bin")  # every system's dpkg knows who owns it
    assert left_behind([stays, gone, stays.parent, shared]) == [stays, stays.parent]


def test_the_system_libraries_a_binary_needs_are_found(tmp_path: Path) -> None:
    program = shutil.copy2(shutil.which("true"), tmp_path / "true")
    needed = system_libraries(tmp_path)
    assert any(Path(path).name.startswith("libc.so") for path in needed), needed
    assert not any(Path(path).is_relative_to(tmp_path) for path in needed)
    assert Path(program).exists()


def test_a_plug_in_whose_libraries_were_left_out_is_found(tmp_path: Path) -> None:
    import PySide6

    plugin = (Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforminputcontexts"
              / "libqtvirtualkeyboardplugin.so")
    if not plugin.is_file():
        pytest.skip("this PySide6 has no virtual keyboard plug-in")
    (tmp_path / "plugins").mkdir()
    shutil.copy2(plugin, tmp_path / "plugins" / plugin.name)
    with pytest.raises(MissingLibrary, match="libqtvirtualkeyboardplugin.so needs libQt6"):
        system_libraries(tmp_path)
