"""The offline photos' byte budget: least recently viewed out first, exactly down to the
budget; photos no longer listed leave; nothing else in the folder is touched."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.services.photos.budget import enforce_budget, forget_all_but, touch


def file(folder: Path, name: str, size: int, viewed: int) -> Path:
    path = folder / name
    path.write_bytes(b"x" * size)
    os.utime(path, ns=(viewed * 10**9, viewed * 10**9))
    return path


def test_the_least_recently_viewed_go_first_down_to_the_budget(tmp_path: Path) -> None:
    old = file(tmp_path, "photo-a.jpg", 100, 1)
    middle = file(tmp_path, "photo-b.jpg", 100, 2)
    new = file(tmp_path, "photo-c.jpg", 100, 3)
    pdf = file(tmp_path, "finance-x.pdf", 1000, 0)
    assert enforce_budget(tmp_path, 200) == 100
    assert not old.exists() and middle.exists() and new.exists() and pdf.exists()
    assert enforce_budget(tmp_path, 200) == 0  # at the budget: nothing more goes
    assert enforce_budget(tmp_path, 199) == 100 and new.exists() and not middle.exists()


def test_viewing_a_photo_keeps_it(tmp_path: Path) -> None:
    old = file(tmp_path, "photo-a.jpg", 100, 1)
    new = file(tmp_path, "photo-b.jpg", 100, 2)
    touch(old)
    enforce_budget(tmp_path, 100)
    assert old.exists() and not new.exists()


def test_photos_no_longer_listed_leave(tmp_path: Path) -> None:
    kept = file(tmp_path, "photo-a.jpg", 10, 1)
    gone = file(tmp_path, "photo-b.jpg", 10, 1)
    partial = file(tmp_path, "photo-c.jpg.part", 10, 1)
    other = file(tmp_path, "finance-x.pdf", 10, 1)
    assert forget_all_but(tmp_path, {"photo-a.jpg"}) == 1
    assert kept.exists() and not gone.exists() and partial.exists() and other.exists()
