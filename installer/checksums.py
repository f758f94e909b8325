"""SHA-256 checksums of release artifacts, in the format ``sha256sum -c`` reads.

    python installer/checksums.py dist/release   # writes dist/release/SHA256SUMS

Every file in the folder is listed (sorted by name) except the checksum file itself, so the
release job can run it again over the artifacts of all three platforms.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

__all__ = ["CHECKSUMS", "sha256", "write_checksums"]

CHECKSUMS = "SHA256SUMS"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(folder: Path) -> Path:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != CHECKSUMS)
    if not files:
        raise SystemExit(f"nothing to checksum in {folder}")
    target = folder / CHECKSUMS
    # Two spaces: "binary mode" is what sha256sum -c expects either way.
    target.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in files), encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: checksums.py FOLDER")
    written = write_checksums(Path(sys.argv[1]))
    sys.stdout.write(written.read_text(encoding="utf-8"))
