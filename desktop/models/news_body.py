"""A news body written in the app's editor, as the portal's HTML subset (docs/api.md, "News"):
paragraphs (empty ones dropped), line breaks within one (Shift+Enter), bold and web or mail
links — what the editor's toolbar offers. Text is escaped; nothing else of the editor's rich
text (fonts, colours, pasted images or tables) goes along, so what the author sees is what the
portal keeps after sanitising."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QTextBlock, QTextDocument

__all__ = ["LINK_SCHEMES", "link_target", "news_html"]

#: The links the portal keeps.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: Qt's line separator (Shift+Enter) and the stand-in for an embedded object (a pasted image).
_LINE_BREAK, _OBJECT = "\u2028", "\ufffc"


def link_target(text: str) -> str | None:
    """The address the portal keeps for what the author typed as a link ("www.x.nl" is a web
    address, "naam@x.nl" a mail address), None when it is neither."""
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return None
    if "@" in text and "://" not in text and not text.startswith("mailto:"):
        text = f"mailto:{text}"
    elif "://" not in text and not text.startswith("mailto:"):
        text = f"https://{text}"
    url = QUrl(text, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme() not in LINK_SCHEMES:
        return None
    if url.scheme() != "mailto" and "." not in url.host():
        return None
    return url.toString(QUrl.ComponentFormattingOption.FullyEncoded)


def news_html(document: QTextDocument) -> str:
    """The document's text as ``<p>`` paragraphs with ``<br>``, ``<strong>`` and ``<a href>``;
    empty when there is no text."""
    paragraphs = []
    block = document.begin()
    while block.isValid():
        content = _block_html(block)
        if content.replace("<br>", "").strip():
            paragraphs.append(f"<p>{content}</p>")
        block = block.next()
    return "".join(paragraphs)


def _block_html(block: QTextBlock) -> str:
    parts = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fragments += 1
        if not fragment.isValid():
            continue
        text = fragment.text().replace(_OBJECT, "")
        if not text:
            continue
        piece = html.escape(text, quote=False).replace(_LINE_BREAK, "<br>")
        form = fragment.charFormat()
        if form.fontWeight() >= QFont.Weight.DemiBold:
            piece = f"<strong>{piece}</strong>"
        href = link_target(form.anchorHref()) if form.isAnchor() else None
        if href is not None:
            piece = f'<a href="{html.escape(href)}">{piece}</a>'
        parts.append(piece)
    return "".join(parts)
