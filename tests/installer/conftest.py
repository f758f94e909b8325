"""A stand-in for build.py's bundle: the installers' scripts package it like the real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from installer.product import NAME


@pytest.fixture
def stand_in_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "bundle" / NAME
    (bundle / "_internal" / "resources").mkdir(parents=True)
    program = bundle / NAME
    program.write_text("#!/bin/sh\necho 'smoke test ok: stand-in'\n", encoding="utf-8")
    program.chmod(0o755)
    (bundle / f"{NAME}.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    (bundle / "_internal" / "resources" / "style.qss").write_text("", encoding="utf-8")
    return bundle
