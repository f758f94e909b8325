"""What a user has typed but not sent yet, per conversation: one small JSON file in the
account's folder, so a draft survives switching conversations, logging out and a restart
(and goes with the account's offline copy). Written atomically; a full disk is a
:class:`desktop.cache.disk.DiskProblem` and the draft stays on screen."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from desktop.cache.disk import write_json_atomically

__all__ = ["DRAFTS_NAME", "Drafts"]

log = logging.getLogger(__name__)

DRAFTS_NAME = "message-drafts.json"


class Drafts:
    """Drafts by key (``conversation-12``, ``new``)."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / DRAFTS_NAME
        self._drafts = self._read()

    def get(self, key: str) -> str:
        return self._drafts.get(key, "")

    def put(self, key: str, text: str) -> None:
        """Keep ``text`` (empty: forget the draft). Raises DiskProblem."""
        drafts = dict(self._drafts)
        if text.strip():
            drafts[key] = text
        else:
            drafts.pop(key, None)
        if drafts != self._drafts:
            write_json_atomically(self._path, drafts)
            self._drafts = drafts

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("message drafts unreadable, starting without: %s", error)
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
