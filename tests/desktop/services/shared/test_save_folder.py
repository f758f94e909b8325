"""The one folder-saving loop: a file already there is skipped (by SHA-256, or by name when
the server names none), bytes and files are written whole under readable names, a name
taken by another file gets " (2)", a damaged item is skipped and counted, and a refusal or
lost connection stops the run with its message (what was saved stays)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.api.core.errors import ServerUnreachable
from desktop.cache.blobs import BlobCorrupt
from desktop.services.shared.save_folder import SaveItem, save_into_folder


def item(name: str, data: bytes | None, *, known: bool = True, kind: str = "photo",
         fails: Exception | None = None) -> SaveItem:
    async def fetch() -> bytes:
        if fails is not None:
            raise fails
        assert data is not None
        return data
    sha = hashlib.sha256(data).hexdigest() if known and data is not None else None
    return SaveItem(name, kind, sha, fetch)


def test_what_is_there_is_skipped_by_sha256_or_by_name(tmp_path: Path, run) -> None:
    (tmp_path / "a.jpg").write_bytes(b"photo a")
    (tmp_path / "b.jpg").write_bytes(b"another photo under b's name")
    (tmp_path / "Diary.pdf").write_bytes(b"yesterday's pdf")
    seen: list[tuple[int, int]] = []
    outcome = run(save_into_folder(
        [item("a.jpg", b"photo a"), item("b.jpg", b"photo b"),
         item("Diary.pdf", b"today's pdf", known=False, kind="diary"),
         item("Diary 2.pdf", b"a new pdf", known=False, kind="diary")],
        tmp_path, lambda done, total: seen.append((done, total))))
    assert outcome.already_there == 2  # a.jpg by its bytes, Diary.pdf by its name
    assert [p.name for p in outcome.saved] == ["b (2).jpg", "Diary 2.pdf"]
    assert (tmp_path / "b (2).jpg").read_bytes() == b"photo b"
    assert outcome.saved_by_kind == {"photo": 1, "diary": 1}
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Diary 2.pdf", "Diary.pdf", "a.jpg", "b (2).jpg", "b.jpg"]  # no temporary files


def test_damaged_is_skipped_and_offline_stops(tmp_path: Path, run) -> None:
    outcome = run(save_into_folder(
        [item("a.jpg", b"a", fails=BlobCorrupt("twice")), item("b.jpg", b"b"),
         item("c.jpg", b"c", fails=ServerUnreachable(0, "offline", "down")),
         item("d.jpg", b"d")], tmp_path, lambda _d, _t: None))
    assert outcome.damaged == 1 and [p.name for p in outcome.saved] == ["b.jpg"]
    assert outcome.error  # the translated message of the lost connection
    assert not (tmp_path / "d.jpg").exists()
