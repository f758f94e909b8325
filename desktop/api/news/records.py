"""Records of the news (docs/api.md, "News"). ``body`` is the portal's sanitised HTML subset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.api.core.fields import Json, as_int, as_str, as_timestamp

__all__ = ["NewsItem", "NewsList"]


@dataclass(frozen=True)
class NewsItem:
    id: int
    title: str
    body: str
    author_name: str
    published_at: datetime
    audience: tuple[str, ...]  # "Kinderopvang Zonnebloem", "Zonnetjes", …
    read: bool
    mine: bool

    @classmethod
    def from_json(cls, data: Json) -> NewsItem:
        read, mine = data["read"], data["mine"]
        if not isinstance(read, bool) or not isinstance(mine, bool):
            raise TypeError("read and mine are booleans")
        return cls(as_int(data["id"]), as_str(data["title"]), as_str(data["body"]),
                   as_str(data["author_name"]), as_timestamp(data["published_at"]),
                   tuple(as_str(n) for n in data["audience"]["names"]), read, mine)


@dataclass(frozen=True)
class NewsList:
    items: tuple[NewsItem, ...]
    unread: int
