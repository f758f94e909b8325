"""Files the demo attaches (a message's letter, a news item's PDF and picture), made without a
PDF library at build time and through the same checks and preparation as an upload."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

from server.attachments import keep_blob
from server.blobs import BlobInfo, BlobStore
from server.models import Rendition
from server.photos.images import Limits, prepare

SIZE = (1200, 900)
UPLOAD_LIMITS = Limits(max_bytes=30 * 1024 * 1024, max_pixels=50_000_000)


def one_page_pdf(line: str) -> bytes:
    """A valid one-page PDF showing `line` (ASCII) in Helvetica."""
    stream = f"BT /F1 18 Tf 72 760 Td ({line}) Tj ET\n".encode("ascii")
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
            b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
            b"4 0 obj<</Length " + str(len(stream)).encode() + b">>stream\n" + stream +
            b"endstream endobj\n"
            b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def picture(rng: random.Random, sky: tuple[int, int, int],
            ground: tuple[int, int, int]) -> bytes:
    """A simple drawn scene (sky, ground, sun, a few shapes) as a JPEG, like a phone's."""
    image = Image.new("RGB", SIZE, sky)
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(480, 620)
    draw.rectangle((0, horizon, SIZE[0], SIZE[1]), fill=ground)
    x = rng.randint(120, 1080)
    draw.ellipse((x - 70, 60, x + 70, 200), fill=(250, 204, 80))
    for _ in range(7):
        cx, cy, r = rng.randint(0, SIZE[0]), rng.randint(horizon, SIZE[1]), rng.randint(25, 90)
        colour = tuple(rng.randint(40, 230) for _ in range(3))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


async def screen_picture(blobs: BlobStore, folder: str, data: bytes
                         ) -> tuple[BlobInfo, int, int]:
    """A picture as a news item keeps it: the screen rendition, with its pixel size."""
    screen = prepare(data, UPLOAD_LIMITS).file(Rendition.SCREEN)
    info = await keep_blob(blobs, folder, screen.data, screen.extension)
    return info, screen.width, screen.height
