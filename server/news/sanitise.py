"""A news body is HTML of a small safe subset — paragraphs, line breaks, bold, italics, lists
and links — cleaned with nh3 (the Ammonia sanitiser) when it is written, so what is stored is
what every reader may render (docs/api.md, "News"). Anything else is dropped: scripts,
styles, images (news pictures come through the API, never by URL), event handlers, and links
other than web and mail addresses."""

from __future__ import annotations

import nh3

__all__ = ["TAGS", "sanitise"]

TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"})


def sanitise(body: str) -> str:
    return nh3.clean(body, tags=set(TAGS), attributes={"a": {"href"}},
                     url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer", strip_comments=True).strip()
