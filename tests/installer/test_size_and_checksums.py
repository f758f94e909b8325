"""The bundle's true size (installer/size.py) and the release's checksums (checksums.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from installer.checksums import CHECKSUMS, sha256, write_checksums
from installer.size import bundle_size, largest_parts


def write(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return path


def test_a_symlinked_or_hard_linked_library_counts_once(tmp_path: Path) -> None:
    library = write(tmp_path / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6", 300_000)
    write(tmp_path / "base_library.zip", 100_000)
    (tmp_path / "libQt6Core.so.6").symlink_to(library.relative_to(tmp_path))
    os.link(library, tmp_path / "libQt6Core-hardlink.so.6")
    size = bundle_size(tmp_path)
    assert size.content == 400_000
    assert size.files == 2
    # On disk: whole blocks, as du counts them; never the twice-counted 1 MB.
    assert 400_000 <= size.on_disk < 400_000 + 2 * 64 * 1024


def test_the_largest_parts_come_largest_first(tmp_path: Path) -> None:
    for index, size in enumerate([5, 50, 500, 5000, 50]):
        write(tmp_path / f"part{index}", size)
    (tmp_path / "link").symlink_to("part3")
    assert largest_parts(tmp_path, count=3) == [("part3", 5000), ("part2", 500),
                                                 ("part1", 50)]


def test_checksums_cover_every_artifact_and_sha256sum_accepts_them(tmp_path: Path) -> None:
    write(tmp_path / "ouderportaal_0.1.0_amd64.deb", 1000)
    write(tmp_path / "Ouderportaal-0.1.0-setup.exe", 2000)
    write(tmp_path / CHECKSUMS, 10)  # a previous job's list is replaced, not listed
    target = write_checksums(tmp_path)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [line.split("  ")[1] for line in lines] == [
        "Ouderportaal-0.1.0-setup.exe", "ouderportaal_0.1.0_amd64.deb"]
    assert lines[1].split("  ")[0] == sha256(tmp_path / "ouderportaal_0.1.0_amd64.deb")
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum not installed")
    subprocess.run(["sha256sum", "--check", "--strict", CHECKSUMS], cwd=tmp_path, check=True,
                   capture_output=True)
    (tmp_path / "ouderportaal_0.1.0_amd64.deb").write_bytes(b"y" * 1000)
    damaged = subprocess.run(["sha256sum", "--check", CHECKSUMS], cwd=tmp_path,
                             capture_output=True, check=False)
    assert damaged.returncode != 0


def test_nothing_to_checksum_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        write_checksums(tmp_path)
